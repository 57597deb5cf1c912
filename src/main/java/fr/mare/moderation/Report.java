package fr.mare.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A member's report (« signalement ») of a post, topic, tutorial, collective, message or account.
 * Open until the review item it belongs to is closed; the reporter then sees the outcome. One
 * open report per member and target (unique key in the database).
 */
@Entity
@Table(name = "moderation_report")
public class Report {

    public static final int COMMENT_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "item_id", nullable = false, updatable = false)
    private long itemId;

    @Column(name = "target_type", nullable = false, updatable = false)
    private String targetType;

    @Column(name = "target_id", nullable = false, updatable = false)
    private long targetId;

    @Column(name = "reporter_id", nullable = false, updatable = false)
    private long reporterId;

    @Column(name = "target_author_id", updatable = false)
    private Long targetAuthorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false, updatable = false)
    private ReportReason reason;

    @Column(name = "comment", nullable = false, updatable = false, length = COMMENT_MAX)
    private String comment;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "outcome")
    private String outcome;

    protected Report() {
    }

    Report(long itemId, String targetType, long targetId, long reporterId, Long targetAuthorId, ReportReason reason,
           String comment, Instant now) {
        this.itemId = itemId;
        this.targetType = targetType;
        this.targetId = targetId;
        this.reporterId = reporterId;
        this.targetAuthorId = targetAuthorId;
        this.reason = reason;
        this.comment = comment;
        this.createdAt = now;
    }

    void close(ActionKind outcome, Instant now) {
        this.closedAt = now;
        this.outcome = outcome.name();
    }

    public Long getId() {
        return id;
    }

    public long getItemId() {
        return itemId;
    }

    public String getTargetType() {
        return targetType;
    }

    public long getTargetId() {
        return targetId;
    }

    public long getReporterId() {
        return reporterId;
    }

    public ReportReason getReason() {
        return reason;
    }

    public String getComment() {
        return comment;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    /** The action that closed it ({@link ActionKind} name), or null while open. */
    public String getOutcome() {
        return outcome;
    }
}
