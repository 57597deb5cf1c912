package fr.mare.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One thing a member should know about, with a link to the post it is about. Invariants (also
 * enforced by the database): the actor is never the recipient; {@code actorCount} is 1 except for
 * a grouped {@link NotificationKind#LIKE}, where it counts the thanks and {@code actorId} is the
 * latest one; at most one unread like notification per recipient and post.
 * <p>
 * Lifecycle: created unread after a forum event; a grouped like moves up ({@code lastEventAt})
 * with each new thanks while unread; {@code readAt} is set once, by its recipient; never deleted.
 */
@Entity
@Table(name = "notification")
@NamedQuery(name = "Notification.unreadCount",
        query = "SELECT COUNT(n) FROM Notification n WHERE n.recipientId = :recipient AND n.readAt IS NULL")
@NamedQuery(name = "Notification.markAllRead",
        query = "UPDATE Notification n SET n.readAt = :now WHERE n.recipientId = :recipient AND n.readAt IS NULL")
@NamedQuery(name = "Notification.aboutPost",
        query = "SELECT n FROM Notification n WHERE n.recipientId = :recipient AND n.postId = :post AND n.kind IN :kinds")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private Long recipientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private NotificationKind kind;

    @Column(name = "topic_id", nullable = false, updatable = false)
    private Long topicId;

    @Column(name = "post_id", nullable = false, updatable = false)
    private Long postId;

    @Column(name = "actor_id", nullable = false)
    private Long actorId;

    @Column(name = "actor_count", nullable = false)
    private int actorCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_event_at", nullable = false)
    private Instant lastEventAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(long recipientId, NotificationKind kind, long topicId, long postId, long actorId, Instant now) {
        if (recipientId == actorId) {
            throw new IllegalArgumentException("Nobody is notified of their own action");
        }
        this.recipientId = recipientId;
        this.kind = kind;
        this.topicId = topicId;
        this.postId = postId;
        this.actorId = actorId;
        this.actorCount = 1;
        this.createdAt = now;
        this.lastEventAt = now;
    }

    /** One new post, two reasons to tell the same member (a reply that also names them): keep the telling one. */
    void upgradeTo(NotificationKind other) {
        if (other.outranks(kind)) {
            kind = other;
        }
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getRecipientId() {
        return recipientId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public Long getTopicId() {
        return topicId;
    }

    public Long getPostId() {
        return postId;
    }

    /** Who acted (for a grouped like: the latest to say « merci »). */
    public Long getActorId() {
        return actorId;
    }

    public int getActorCount() {
        return actorCount;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastEventAt() {
        return lastEventAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public boolean isUnread() {
        return readAt == null;
    }
}
