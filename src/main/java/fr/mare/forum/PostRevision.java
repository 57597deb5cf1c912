package fr.mare.forum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One version of an edited post: version 1 is the text as first published, each edit adds the
 * next. A post never edited has no rows (its only version is the post itself). Rows are never
 * changed or deleted: the history is everyone's to read.
 */
@Entity
@Table(name = "forum_post_revision")
@NamedQuery(name = "PostRevision.ofPost", query = "SELECT r FROM PostRevision r WHERE r.postId = :post ORDER BY r.number")
public class PostRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "post_id", nullable = false, updatable = false)
    private Long postId;

    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @Column(name = "editor_id", nullable = false, updatable = false)
    private Long editorId;

    @Column(name = "body_markdown", nullable = false, updatable = false)
    private String bodyMarkdown;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PostRevision() {
    }

    PostRevision(Long postId, int number, Long editorId, String bodyMarkdown, Instant createdAt) {
        this.postId = postId;
        this.number = number;
        this.editorId = editorId;
        this.bodyMarkdown = bodyMarkdown;
        this.createdAt = createdAt;
    }

    public int getNumber() {
        return number;
    }

    public Long getEditorId() {
        return editorId;
    }

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
