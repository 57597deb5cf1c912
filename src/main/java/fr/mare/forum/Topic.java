package fr.mare.forum;

import jakarta.persistence.Column;
import fr.mare.platform.ModerationState;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A question and its discussion. The question itself is the topic's root post. Invariants:
 * {@code replyCount} counts the replies (all posts but the root); {@code lastActivityAt} moves
 * with each reply and orders the lists; {@code solutionPostId}, when set, is a reply of this topic.
 */
@Entity
@Table(name = "forum_topic")
@NamedQuery(name = "Topic.countAll", query = "SELECT COUNT(t) FROM Topic t")
public class Topic {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "category_id", nullable = false)
    private Long categoryId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private Long authorId;

    @Column(name = "title", nullable = false, length = 160)
    private String title;

    @Column(name = "slug", nullable = false, length = 80)
    private String slug;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "reply_count", nullable = false)
    private int replyCount;

    @Column(name = "solution_post_id")
    private Long solutionPostId;

    @Column(name = "locked", nullable = false)
    private boolean locked;

    /** Null when not hidden (EclipseLink loads all-null columns as null): read it through {@link #getModeration()}. */
    @Embedded
    private ModerationState moderation;

    @Column(name = "pending", nullable = false)
    private boolean pending;

    @Version
    @Column(name = "version")
    private long version;

    protected Topic() {
    }

    Topic(Long categoryId, Long authorId, String title, String slug, Instant now) {
        this.categoryId = categoryId;
        this.authorId = authorId;
        this.title = title;
        this.slug = slug;
        this.createdAt = now;
        this.lastActivityAt = now;
    }

    void replied(Instant now) {
        replyCount++;
        lastActivityAt = now;
    }

    void holdForApproval() {
        pending = true;
    }

    void approve() {
        pending = false;
    }

    /** Its question waits for approval: the topic is its author's and moderation's only. */
    public boolean isPending() {
        return pending;
    }

    void lock(boolean value) {
        locked = value;
    }

    void moveTo(Long category) {
        categoryId = category;
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

    /** Hidden by moderation: readers see the reason instead of the discussion, and lists leave it out. */
    public boolean isHidden() {
        return getModeration().isHidden();
    }

    public String getHiddenReason() {
        return getModeration().getHiddenReason();
    }

    void markSolution(Long postId) {
        solutionPostId = postId;
    }

    public Long getId() {
        return id;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getTitle() {
        return title;
    }

    public String getSlug() {
        return slug;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public int getReplyCount() {
        return replyCount;
    }

    public Long getSolutionPostId() {
        return solutionPostId;
    }

    public boolean isSolved() {
        return solutionPostId != null;
    }

    public boolean isLocked() {
        return locked;
    }
}
