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
 * One line of the moderation journal: who did what, when, to what, and why (before/after for an
 * edit). Append-only: no setter, every column {@code updatable = false}, no delete path in the
 * application, and the database refuses UPDATE and DELETE on the table (triggers, V0007).
 * {@code moderatorId} null is the system (automatic hiding).
 */
@Entity
@Table(name = "moderation_action")
public class JournalEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "moderator_id", updatable = false)
    private Long moderatorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false)
    private ActionKind action;

    @Column(name = "target_type", nullable = false, updatable = false)
    private String targetType;

    @Column(name = "target_id", nullable = false, updatable = false)
    private long targetId;

    @Column(name = "target_label", nullable = false, updatable = false)
    private String targetLabel;

    @Column(name = "target_author_id", updatable = false)
    private Long targetAuthorId;

    @Column(name = "item_id", updatable = false)
    private Long itemId;

    @Column(name = "reason", nullable = false, updatable = false)
    private String reason;

    @Column(name = "detail", nullable = false, updatable = false)
    private String detail;

    @Column(name = "before_text", updatable = false)
    private String beforeText;

    @Column(name = "after_text", updatable = false)
    private String afterText;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected JournalEntry() {
    }

    JournalEntry(Long moderatorId, ActionKind action, TargetView target, Long itemId, String reason, String detail,
                 String beforeText, String afterText, Instant now) {
        this.moderatorId = moderatorId;
        this.action = action;
        this.targetType = target.type();
        this.targetId = target.id();
        this.targetLabel = Texts.clip(target.label(), 200);
        this.targetAuthorId = target.authorId();
        this.itemId = itemId;
        this.reason = reason;
        this.detail = Texts.clip(detail == null ? "" : detail, 300);
        this.beforeText = beforeText;
        this.afterText = afterText;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getModeratorId() {
        return moderatorId;
    }

    public boolean isSystem() {
        return moderatorId == null;
    }

    public ActionKind getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public long getTargetId() {
        return targetId;
    }

    public String getTarget() {
        return targetType + ":" + targetId;
    }

    public String getTargetLabel() {
        return targetLabel;
    }

    public Long getTargetAuthorId() {
        return targetAuthorId;
    }

    public String getReason() {
        return reason;
    }

    public String getDetail() {
        return detail;
    }

    public String getBeforeText() {
        return beforeText;
    }

    public String getAfterText() {
        return afterText;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
