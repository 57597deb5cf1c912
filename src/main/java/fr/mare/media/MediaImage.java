package fr.mare.media;

import fr.mare.platform.ModerationState;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One uploaded image (issue #15), as Mare re-encoded it: {@code hash} (the first 32 hex digits
 * of the SHA-256 of the stored original) names its files {@code medias/<hash>.<ext>} and, for a
 * large one, the reduced copy {@code medias/<hash>-<DISPLAY_WIDTH>.<ext>}. Immutable but for its
 * first use and its moderation state. It belongs to its uploader until some content shows it
 * ({@code firstUsedAt}); an image never used is purged after a day.
 */
@Entity
@Table(name = "media_image")
@NamedQuery(name = "MediaImage.byHash", query = "SELECT m FROM MediaImage m WHERE m.hash = :hash")
@NamedQuery(name = "MediaImage.countSince", query = "SELECT COUNT(m) FROM MediaImage m WHERE m.ownerId = :owner AND m.createdAt >= :since")
@NamedQuery(name = "MediaImage.unusedBefore", query = "SELECT m FROM MediaImage m WHERE m.firstUsedAt IS NULL AND m.createdAt < :before ORDER BY m.id")
public class MediaImage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "hash", nullable = false, updatable = false, length = 32)
    private String hash;

    @Column(name = "extension", nullable = false, updatable = false, length = 4)
    private String extension;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private Long ownerId;

    @Column(name = "width", nullable = false, updatable = false)
    private int width;

    @Column(name = "height", nullable = false, updatable = false)
    private int height;

    @Column(name = "byte_size", nullable = false, updatable = false)
    private long byteSize;

    @Column(name = "display_width", updatable = false)
    private Integer displayWidth;

    @Column(name = "display_height", updatable = false)
    private Integer displayHeight;

    @Column(name = "display_bytes", updatable = false)
    private Long displayBytes;

    /** The size of the file as it was sent, before re-encoding (for quotas and the operator). */
    @Column(name = "original_bytes", nullable = false, updatable = false)
    private long originalBytes;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "first_used_at")
    private Instant firstUsedAt;

    @Embedded
    private ModerationState moderation;

    protected MediaImage() {
    }

    MediaImage(String hash, long ownerId, ImageFiles.Processed processed, long originalBytes, Instant now) {
        this.hash = hash;
        this.extension = processed.original().extension();
        this.ownerId = ownerId;
        this.width = processed.original().width();
        this.height = processed.original().height();
        this.byteSize = processed.original().bytes().length;
        if (processed.display() != null) {
            this.displayWidth = processed.display().width();
            this.displayHeight = processed.display().height();
            this.displayBytes = (long) processed.display().bytes().length;
        }
        this.originalBytes = originalBytes;
        this.createdAt = now;
    }

    /** The original's file name, also the end of its address {@code /medias/<name>}. */
    public String getName() {
        return hash + "." + extension;
    }

    /** The reduced copy's file name, or null when the image is shown at its own size. */
    public String getDisplayName() {
        return displayWidth == null ? null : hash + "-" + ImageFiles.DISPLAY_WIDTH + "." + extension;
    }

    void used(Instant now) {
        if (firstUsedAt == null) {
            firstUsedAt = now;
        }
    }

    void hide(long moderatorId, String reason, Instant now) {
        moderation = ModerationState.hidden(moderatorId, reason, now);
    }

    void restore() {
        moderation = null;
    }

    public ModerationState getModeration() {
        return ModerationState.of(moderation);
    }

    public boolean isHidden() {
        return getModeration().isHidden();
    }

    public String getContentType() {
        return extension.equals("png") ? "image/png" : "image/jpeg";
    }

    public Long getId() {
        return id;
    }

    public String getHash() {
        return hash;
    }

    public Long getOwnerId() {
        return ownerId;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public long getByteSize() {
        return byteSize;
    }

    public Integer getDisplayWidth() {
        return displayWidth;
    }

    public Integer getDisplayHeight() {
        return displayHeight;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFirstUsedAt() {
        return firstUsedAt;
    }
}
