package fr.mare.notification;

import fr.mare.forum.ForumEvent;
import fr.mare.forum.ForumService;
import fr.mare.forum.Post;
import fr.mare.forum.ThreadReading;
import fr.mare.platform.Retryable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the notifications of one forum event or one {@link Notice} ({@link #write}), or of many
 * ({@link #writeAll}), in a transaction of its own (the forum's has already committed when the
 * event is delivered). Called by {@link NotificationService}, which catches and logs whatever
 * fails here, commit included.
 */
@Retryable
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class NotificationRecorder {

    /**
     * A « merci »: one unread row per recipient and post, counting. Atomic on the unique key
     * (recipient_id, like_group), so two thanks at the same instant still make one row of two.
     */
    private static final String LIKE_UPSERT = """
            INSERT INTO notification (recipient_id, kind, topic_id, post_id, actor_id, actor_count, created_at, last_event_at)
            VALUES (?1, 'LIKE', ?2, ?3, ?4, 1, ?5, ?5)
            ON DUPLICATE KEY UPDATE actor_count = actor_count + 1, actor_id = VALUES(actor_id), last_event_at = VALUES(last_event_at)""";

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ForumService forum;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private NotificationMails mails;

    /** Binds the EntityManager to its persistence unit at start-up (see {@link NotificationService#prepare}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    void prepare() {
        em.getEntityManagerFactory();
    }

    /** The notifications of one event. */
    void write(Object event) {
        dispatch(event);
    }

    /**
     * The notifications of many events, in this one transaction ({@link NotificationService#batched}):
     * the per-kind methods below are private, so that calling them here opens no transaction each.
     */
    void writeAll(java.util.List<Object> events) {
        events.forEach(this::dispatch);
    }

    private void dispatch(Object event) {
        switch (event) {
            case ForumEvent.ReplyPosted e -> replyPosted(e);
            case ForumEvent.MembersMentioned e -> membersMentioned(e);
            case ForumEvent.SolutionMarked e -> solutionMarked(e);
            case ForumEvent.PostLiked e -> postLiked(e);
            case Notice notice -> notice(notice);
            default -> throw new IllegalArgumentException("Pas de notification pour " + event);
        }
    }

    /**
     * The author of the post replied to (« a répondu à votre question / message »), then every
     * other watcher (« … a répondu dans « … », un sujet que vous suivez »). The author is told only
     * while they watch the topic: authors are subscribed when they post, so not watching means
     * they chose « Ne plus suivre ».
     */
    private void replyPosted(ForumEvent.ReplyPosted e) {
        Post reply = threadReading.post(e.postId()).orElse(null);
        if (reply == null) {
            return;
        }
        boolean toQuestion = reply.getParentId() == null
                || threadReading.post(reply.getParentId()).map(Post::isQuestion).orElse(false);
        Map<Long, NotificationKind> recipients = new LinkedHashMap<>();
        if (e.watchers().contains(e.parentAuthorId())) {
            recipients.put(e.parentAuthorId(), toQuestion ? NotificationKind.TOPIC_REPLY : NotificationKind.POST_REPLY);
        }
        e.watchers().forEach(watcher -> recipients.putIfAbsent(watcher, NotificationKind.WATCHED_REPLY));
        recordNewPost(e.topicId(), e.postId(), e.replierId(), recipients);
    }

    /** Mentions are told whether or not the member follows the topic. */
    private void membersMentioned(ForumEvent.MembersMentioned e) {
        Map<Long, NotificationKind> recipients = new LinkedHashMap<>();
        e.mentioned().forEach(member -> recipients.put(member, NotificationKind.MENTION));
        recordNewPost(e.topicId(), e.postId(), e.authorId(), recipients);
    }

    private void solutionMarked(ForumEvent.SolutionMarked e) {
        if (e.solutionAuthorId() == e.markedById()) {
            return;
        }
        boolean alreadyTold = em.createNamedQuery("Notification.aboutPost", Notification.class)
                .setParameter("recipient", e.solutionAuthorId()).setParameter("post", e.postId())
                .setParameter("kinds", Set.of(NotificationKind.SOLUTION))
                .getResultStream().anyMatch(Notification::isUnread);
        if (!alreadyTold) {
            lockReferences(new java.util.HashSet<>(java.util.List.of(e.solutionAuthorId(), e.markedById())), e.topicId(), e.postId());
            persistAndMail(new Notification(e.solutionAuthorId(), NotificationKind.SOLUTION, e.topicId(), e.postId(), e.markedById(),
                    clock.instant()));
        }
    }

    private void postLiked(ForumEvent.PostLiked e) {
        if (e.postAuthorId() == e.likerId()) {
            return;
        }
        lockReferences(new java.util.HashSet<>(java.util.List.of(e.postAuthorId(), e.likerId())), e.topicId(), e.postId());
        em.createNativeQuery(LIKE_UPSERT)
                .setParameter(1, e.postAuthorId()).setParameter(2, e.topicId()).setParameter(3, e.postId())
                .setParameter(4, e.likerId()).setParameter(5, clock.instant())
                .executeUpdate();
    }

    /**
     * Takes, before any insert, the shared locks that the notification rows' foreign keys take
     * anyway, in the one order of the forum's writes: account rows by id, then the topic, then
     * the post (#17). Left to the inserts, InnoDB checks the keys by constraint name (actor,
     * post, recipient, topic): it held a recipient's account while waiting for the topic, which
     * a reply of that recipient held while waiting for their account, and MariaDB killed one of
     * the two (error 1213) — the reply, a 500, 2 % of replies with four people writing.
     */
    private void lockReferences(Set<Long> accountIds, long topicId, long postId) {
        String ids = accountIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        em.createNativeQuery("SELECT id FROM account WHERE id IN (" + ids + ") ORDER BY id LOCK IN SHARE MODE").getResultList();
        em.createNativeQuery("SELECT id FROM forum_topic WHERE id = ? LOCK IN SHARE MODE").setParameter(1, topicId).getResultList();
        em.createNativeQuery("SELECT id FROM forum_post WHERE id = ? LOCK IN SHARE MODE").setParameter(1, postId).getResultList();
    }

    /** A notice from another feature; one told of their own action is not written. */
    private void notice(Notice notice) {
        if (!notice.toSelf()) {
            persistAndMail(new Notification(notice, clock.instant()));
        }
    }

    /**
     * Writes a new notification and, in the same transaction, its mail or its place in the digest
     * ({@link NotificationMails}): both commit or neither (a retried deadlock writes both again).
     */
    private void persistAndMail(Notification notification) {
        em.persist(notification);
        mails.told(notification);
    }

    /**
     * At most one notification per member and new post, whatever the order in which the reply
     * and mention events arrive: an existing one is upgraded to the more telling kind.
     */
    private void recordNewPost(long topicId, long postId, long actorId, Map<Long, NotificationKind> recipients) {
        recipients.remove(actorId);
        if (recipients.isEmpty()) {
            return;
        }
        Map<Long, Notification> existing = em.createQuery(
                        "SELECT n FROM Notification n WHERE n.postId = :post AND n.kind IN :kinds", Notification.class)
                .setParameter("post", postId).setParameter("kinds", NotificationKind.NEW_POST)
                .getResultStream().collect(Collectors.toMap(Notification::getRecipientId, Function.identity(), (a, b) -> a));
        Set<Long> accounts = new java.util.HashSet<>(recipients.keySet());
        accounts.add(actorId);
        lockReferences(accounts, topicId, postId);
        Instant now = clock.instant();
        recipients.forEach((recipient, kind) -> {
            Notification told = existing.get(recipient);
            if (told == null) {
                persistAndMail(new Notification(recipient, kind, topicId, postId, actorId, now));
            } else {
                told.upgradeTo(kind);
            }
        });
    }
}
