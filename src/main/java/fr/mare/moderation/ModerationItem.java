package fr.mare.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * One entry of the review queue: a target with open reports, or a newcomer's post waiting for
 * approval. At most one open item per target (unique key on a generated column). Every action
 * taken on it moves {@code version}: a moderator acting on the version they saw, after someone
 * else acted, is told « déjà traité ».
 */
@Entity
@Table(name = "moderation_item")
public class ModerationItem {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String ORIGIN_REPORT = "REPORT";
    public static final String ORIGIN_FIRST_POST = "FIRST_POST";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "target_type", nullable = false, updatable = false)
    private String targetType;

    @Column(name = "target_id", nullable = false, updatable = false)
    private long targetId;

    @Column(name = "origin", nullable = false, updatable = false)
    private String origin;

    @Column(name = "status", nullable = false)
    private String status;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private Long closedBy;

    @Column(name = "outcome")
    private String outcome;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ModerationItem() {
    }

    ModerationItem(String targetType, long targetId, String origin, Instant now) {
        this.targetType = targetType;
        this.targetId = targetId;
        this.origin = origin;
        this.status = OPEN;
        this.openedAt = now;
    }

    void close(ActionKind outcome, Long moderatorId, Instant now) {
        this.status = CLOSED;
        this.outcome = outcome.name();
        this.closedBy = moderatorId;
        this.closedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTargetType() {
        return targetType;
    }

    public long getTargetId() {
        return targetId;
    }

    public String getOrigin() {
        return origin;
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    public boolean isFirstPost() {
        return ORIGIN_FIRST_POST.equals(origin);
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public long getVersion() {
        return version;
    }
}
