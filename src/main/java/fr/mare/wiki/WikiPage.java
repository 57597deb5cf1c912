package fr.mare.wiki;

import jakarta.persistence.Column;
import fr.mare.platform.ModerationState;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A tutorial. Its slug never changes (it is the address others link to); its text lives in
 * revisions, {@code currentRevisionId} pointing at the last one and {@code revisionCount} being
 * its number. Only {@link WikiService} changes it, with the page row locked.
 */
@Entity
@Table(name = "wiki_page")
@NamedQuery(name = "WikiPage.bySlug", query = "SELECT p FROM WikiPage p WHERE p.slug = :slug")
public class WikiPage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "slug", nullable = false, updatable = false)
    private String slug;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "section_id", nullable = false)
    private Long sectionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "level", nullable = false)
    private WikiLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience", nullable = false)
    private WikiAudience audience;

    @Column(name = "nc_version_min")
    private Integer ncVersionMin;

    @Column(name = "nc_version_max")
    private Integer ncVersionMax;

    @Column(name = "current_revision_id")
    private Long currentRevisionId;

    @Column(name = "revision_count", nullable = false)
    private int revisionCount;

    @Column(name = "protected", nullable = false)
    private boolean protectedPage;

    @Column(name = "archived", nullable = false)
    private boolean archived;

    @Column(name = "last_reviewed_at")
    private Instant lastReviewedAt;

    @Column(name = "reviewed_version")
    private Integer reviewedVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Null when not hidden (EclipseLink loads all-null columns as null): read it through {@link #getModeration()}. */
    @Embedded
    private ModerationState moderation;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected WikiPage() {
    }

    WikiPage(String slug, WikiMetadata metadata, Instant now) {
        this.slug = slug;
        this.createdAt = now;
        describe(metadata, now);
    }

    void describe(WikiMetadata metadata, Instant now) {
        this.title = metadata.title();
        this.sectionId = metadata.sectionId();
        this.level = metadata.level();
        this.audience = metadata.audience();
        this.ncVersionMin = metadata.ncVersionMin();
        this.ncVersionMax = metadata.ncVersionMax();
        this.updatedAt = now;
    }

    void revised(WikiRevision revision, Instant now) {
        this.currentRevisionId = revision.getId();
        this.revisionCount = revision.getNumber();
        this.updatedAt = now;
    }

    void setProtected(boolean value) {
        this.protectedPage = value;
    }

    void setArchived(boolean value) {
        this.archived = value;
    }

    void reviewed(Integer checkedVersion, Instant now) {
        this.lastReviewedAt = now;
        this.reviewedVersion = checkedVersion;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getTitle() {
        return title;
    }

    public Long getSectionId() {
        return sectionId;
    }

    public WikiLevel getLevel() {
        return level;
    }

    public WikiAudience getAudience() {
        return audience;
    }

    public Integer getNcVersionMin() {
        return ncVersionMin;
    }

    public Integer getNcVersionMax() {
        return ncVersionMax;
    }

    public Long getCurrentRevisionId() {
        return currentRevisionId;
    }

    public int getRevisionCount() {
        return revisionCount;
    }

    public boolean isProtectedPage() {
        return protectedPage;
    }

    public boolean isArchived() {
        return archived;
    }

    public Instant getLastReviewedAt() {
        return lastReviewedAt;
    }

    public Integer getReviewedVersion() {
        return reviewedVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Whether the page applies to this major version of Nextcloud (open bounds apply to all). */
    public boolean appliesTo(int ncVersion) {
        return (ncVersionMin == null || ncVersionMin <= ncVersion) && (ncVersionMax == null || ncVersionMax >= ncVersion);
    }

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
