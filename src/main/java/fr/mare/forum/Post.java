package fr.mare.forum;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import fr.mare.platform.ModerationState;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A message in a topic: the question (depth 0) or a reply to the question or to another reply.
 * Invariants: {@code path} is the parent's path plus one segment ({@link PostPaths}), so tree
 * order is path order; {@code bodyHtml} is the sanitized rendering of {@code bodyMarkdown} by
 * the pipeline of version {@code rendererVersion}; {@code likeCount} mirrors forum_like rows.
 */
@Entity
@Table(name = "forum_post")
@NamedQuery(name = "Post.root", query = "SELECT p FROM Post p WHERE p.topicId = :topic AND p.depth = 0")
@NamedQuery(name = "Post.countBefore", query = "SELECT COUNT(p) FROM Post p WHERE p.topicId = :topic AND p.path < :path")
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "topic_id", nullable = false, updatable = false)
    private Long topicId;

    @Column(name = "parent_id", updatable = false)
    private Long parentId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private Long authorId;

    @Column(name = "path", nullable = false, updatable = false, length = 700)
    private String path;

    @Column(name = "depth", nullable = false, updatable = false)
    private int depth;

    @Column(name = "child_count", nullable = false)
    private int childCount;

    @Basic(fetch = FetchType.EAGER)
    @Column(name = "body_markdown", nullable = false)
    private String bodyMarkdown;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "renderer_version", nullable = false)
    private int rendererVersion;

    @Column(name = "like_count", nullable = false)
    private int likeCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    /** Null when not hidden (EclipseLink loads all-null columns as null): read it through {@link #getModeration()}. */
    @Embedded
    private ModerationState moderation;

    @Column(name = "pending", nullable = false)
    private boolean pending;

    @Version
    @Column(name = "version")
    private long version;

    protected Post() {
    }

    Post(Long topicId, Post parent, Long authorId, String path, String markdown, String html, int rendererVersion, Instant now) {
        this.topicId = topicId;
        this.parentId = parent == null ? null : parent.id;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.authorId = authorId;
        this.path = path;
        this.bodyMarkdown = markdown;
        this.bodyHtml = html;
        this.rendererVersion = rendererVersion;
        this.createdAt = now;
    }

    /** The next child's path; the caller holds a lock on this row. */
    String nextChildPath() {
        childCount++;
        return PostPaths.child(path, childCount);
    }

    void edit(String markdown, String html, int rendererVersion, Instant now) {
        this.bodyMarkdown = markdown;
        this.bodyHtml = html;
        this.rendererVersion = rendererVersion;
        this.editedAt = now;
    }

    /** The same text through a newer pipeline ({@link PostHtml}): not an edit. */
    void rerendered(String html, int rendererVersion) {
        this.bodyHtml = html;
        this.rendererVersion = rendererVersion;
    }

    public boolean isEdited() {
        return editedAt != null;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    void delete(Instant now) {
        deletedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
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

    void holdForApproval() {
        pending = true;
    }

    void approve() {
        pending = false;
    }

    /** Hidden by moderation: readers see the reason instead of the text; its author and moderation still see it. */
    public boolean isHidden() {
        return getModeration().isHidden();
    }

    public String getHiddenReason() {
        return getModeration().getHiddenReason();
    }

    /** A newcomer's post waiting for approval: only its author and moderation see it. */
    public boolean isPending() {
        return pending;
    }

    void liked() {
        likeCount++;
    }

    public Long getId() {
        return id;
    }

    public Long getTopicId() {
        return topicId;
    }

    public Long getParentId() {
        return parentId;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getPath() {
        return path;
    }

    public int getDepth() {
        return depth;
    }

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    /**
     * The HTML as a thread page shows it: heading anchors scoped by this post's id, so they stay
     * unique across the posts of one page (#14).
     */
    public String getPageHtml() {
        return fr.mare.markdown.Anchors.scoped(bodyHtml, "p" + id);
    }

    public int getLikeCount() {
        return likeCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isQuestion() {
        return depth == 0;
    }
}
