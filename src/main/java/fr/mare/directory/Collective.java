package fr.mare.directory;

import jakarta.persistence.Column;
import fr.mare.platform.ModerationState;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A collective of the directory: its public description (apps and expertise are rows of their own). */
@Entity
@Table(name = "collective")
public class Collective {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String region;

    @Column(name = "size_band", nullable = false)
    private String sizeBand;

    private String website;

    @Column(name = "presentation_markdown", nullable = false)
    private String presentationMarkdown;

    @Column(name = "presentation_html", nullable = false)
    private String presentationHtml;

    @Column(name = "renderer_version", nullable = false)
    private int rendererVersion;

    @Column(name = "created_by", nullable = false, updatable = false)
    private Long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Null when not hidden (EclipseLink loads all-null columns as null): read it through {@link #getModeration()}. */
    @Embedded
    private ModerationState moderation;

    @Version
    private long version;

    protected Collective() {
    }

    Collective(String slug, Long createdBy, Instant now) {
        this.slug = slug;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(CollectiveDraft.Checked d, String html, int renderer, Instant now) {
        this.name = d.name();
        this.kind = d.kind().name();
        this.region = d.region();
        this.sizeBand = d.sizeBand();
        this.website = d.website();
        this.presentationMarkdown = d.presentation();
        this.presentationHtml = html;
        this.rendererVersion = renderer;
        this.updatedAt = now;
    }

    /** The same presentation through a newer pipeline ({@link CollectiveHtml}): not an update. */
    void rerendered(String html, int renderer) {
        this.presentationHtml = html;
        this.rendererVersion = renderer;
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getName() { return name; }
    public CollectiveKind getKind() { return CollectiveKind.valueOf(kind); }
    public String getRegion() { return region; }
    public String getRegionName() { return Regions.name(region); }
    public String getSizeBand() { return sizeBand; }
    public String getWebsite() { return website; }
    public String getPresentationMarkdown() { return presentationMarkdown; }
    public String getPresentationHtml() { return presentationHtml; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getCreatedBy() { return createdBy; }
    public Instant getUpdatedAt() { return updatedAt; }

    void hide(Long moderatorId, String reason, Instant now) {
        moderation = ModerationState.hidden(moderatorId, reason, now);
    }

    void restore() {
        moderation = null;
    }

    /** Who hid it, when and why; {@link ModerationState#VISIBLE} when not hidden. */
    public ModerationState getModeration() {
        return ModerationState.of(moderation);
    }

    /** Hidden by moderation (#6): readers see the reason instead of the content. */
    public boolean isHidden() {
        return getModeration().isHidden();
    }

    public String getHiddenReason() {
        return getModeration().getHiddenReason();
    }
}
