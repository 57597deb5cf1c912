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
 * One thing a member should know about: a forum event, with the post it is about, or a
 * {@link NotificationKind#NOTICE} from another feature ({@link Notice}), with its sentence's key,
 * texts and link. Invariants (also enforced by the database): the actor is never the recipient;
 * forum notifications have a topic, a post and an actor, notices a key and a link but no post
 * (and maybe no actor); {@code actorCount} is 1 except for
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

    @Column(name = "topic_id", updatable = false)
    private Long topicId;

    @Column(name = "post_id", updatable = false)
    private Long postId;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "actor_count", nullable = false)
    private int actorCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_event_at", nullable = false)
    private Instant lastEventAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "text_key", updatable = false, length = 100)
    private String textKey;

    @Column(name = "subject", updatable = false, length = Notice.SUBJECT_MAX)
    private String subject;

    @Column(name = "detail", updatable = false, length = Notice.DETAIL_MAX)
    private String detail;

    @Column(name = "link", updatable = false, length = Notice.LINK_MAX)
    private String link;

    /** When it went out by mail (at once or in a digest), or null (docs/adr/0021). */
    @Column(name = "mailed_at")
    private Instant mailedAt;

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

    Notification(Notice notice, Instant now) {
        if (notice.toSelf()) {
            throw new IllegalArgumentException("Nobody is notified of their own action");
        }
        this.recipientId = notice.recipientId();
        this.kind = NotificationKind.NOTICE;
        this.actorId = notice.actorId();
        this.actorCount = 1;
        this.textKey = notice.textKey();
        this.subject = notice.subject();
        this.detail = notice.detail();
        this.link = notice.link();
        this.createdAt = now;
        this.lastEventAt = now;
    }

    /** One new post, two reasons to tell the same member (a reply that also names them): keep the telling one. */
    void upgradeTo(NotificationKind other) {
        if (other.outranks(kind)) {
            kind = other;
        }
    }

    void mailed(Instant now) {
        mailedAt = now;
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

    /** A notice's sentence (bundle key), or null for a forum notification. */
    public String getTextKey() {
        return textKey;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetail() {
        return detail;
    }

    /** Where a notice leads (a local path), or null for a forum notification (its post's permalink). */
    public String getLink() {
        return link;
    }

    /** Who acted (for a grouped like: the latest to say « merci »); null for an automatic notice. */
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
