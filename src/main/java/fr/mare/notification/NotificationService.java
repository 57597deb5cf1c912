package fr.mare.notification;

import fr.mare.platform.Retryable;
import fr.mare.account.Caller;
import fr.mare.forum.ForumEvent;
import fr.mare.platform.BusinessException;
import fr.mare.platform.DatabaseReady;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A member's notifications: written from forum events and from {@link Notice}s fired by other
 * features, read and marked read by their recipient
 * only. Reads and marks take the {@link Caller} from the authenticated principal and answer a
 * refused mark with a {@link BusinessException} ({@code notification.*}).
 * <p>
 * The observers run after the forum's transaction has committed ({@code AFTER_SUCCESS}): the post
 * is published whatever happens here. Each event is written by {@link NotificationRecorder} in its
 * own transaction; a failure (database away, a row deleted meanwhile) is logged and forgotten,
 * never thrown back at the person posting.
 */
@ApplicationScoped
@Transactional
@Retryable
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private NotificationRecorder recorder;

    @Inject
    private NotificationMails mails;

    private volatile TransactionManager transactionManager;

    /**
     * Prepares this service and its recorder during start-up, before the demo content (priority
     * 100) fires the first forum events. Those events are delivered while the demo's
     * transaction completes, during the start-up, outside any request, where Payara neither injects
     * {@code @PersistenceContext} into a bean created then (it stayed null for the application's
     * whole life) nor finds the persistence unit behind an EntityManager used for the first time
     * ({@code Unable to retrieve EntityManagerFactory}). So both beans are created, and their
     * EntityManagers bound to the unit, here (without touching the database).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    void prepare(@Observes @Priority(10) DatabaseReady ready) {
        em.getEntityManagerFactory();
        recorder.prepare();
        mails.prepare();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) ForumEvent.ReplyPosted e) {
        record(e);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) ForumEvent.MembersMentioned e) {
        record(e);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) ForumEvent.SolutionMarked e) {
        record(e);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) ForumEvent.PostLiked e) {
        record(e);
    }

    /** A notice is fired inside the firing feature's transaction and written once it has committed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notice notice) {
        record(notice);
    }

    /**
     * Writes in a transaction of its own ({@link NotificationRecorder} is REQUIRES_NEW) and logs any
     * failure. An AFTER_SUCCESS observer runs inside the forum transaction's completion, while that
     * finished transaction is still attached to the thread: a {@code @Transactional} that suspends
     * it for a new one then fails to resume it on Payara ({@code InvalidTransactionException:
     * Invalid transaction passed to resume()}, after the write). So the finished transaction is
     * detached first and never resumed: the transaction manager clears the thread itself when the
     * forum's commit returns. (A managed executor was tried instead: its task closed the request's
     * own non-transactional EntityManager.)
     */
    private void record(Object event) {
        List<Object> batch = BATCH.get();
        if (batch != null) {
            batch.add(event); // written with the others once the batch's work is over
            return;
        }
        try {
            detachFinishedTransaction();
            recorder.write(event);
        } catch (RuntimeException | SystemException e) {
            LOG.log(Level.WARNING, "Notification non enregistrée pour " + event + " : la publication reste faite.", e);
        }
    }

    /** While {@link #batched} runs on this thread: the events whose notifications wait for its end. */
    private static final ThreadLocal<List<Object>> BATCH = new ThreadLocal<>();

    /**
     * Runs {@code work}, a transaction that fires many events (the demo at the first start), and
     * then writes all their notifications in one transaction instead of one each: the demo's
     * hundreds of commits were seconds of the first start (#11, docs/perf.md). Should that one
     * transaction fail, they are written one by one, as usual. What {@code work} returns is
     * returned; if it fails, its transaction has delivered no event and nothing is written.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> T batched(Supplier<T> work) {
        List<Object> events = new ArrayList<>();
        BATCH.set(events);
        T result;
        try {
            result = work.get();
        } finally {
            BATCH.remove();
        }
        if (events.isEmpty()) {
            return result;
        }
        try {
            detachFinishedTransaction();
            recorder.writeAll(events);
        } catch (RuntimeException | SystemException e) {
            LOG.log(Level.WARNING, events.size() + " notifications n'ont pas pu être écrites d'un coup : elles le sont une à une.", e);
            events.forEach(this::record);
        }
        return result;
    }

    private void detachFinishedTransaction() throws SystemException {
        TransactionManager manager = transactionManager();
        if (manager != null && manager.getTransaction() != null && manager.getStatus() != Status.STATUS_ACTIVE) {
            manager.suspend();
        }
    }

    /** Payara's (GlassFish's) name for it; elsewhere, nothing is detached and the write is tried as is. */
    private TransactionManager transactionManager() {
        if (transactionManager == null) {
            try {
                transactionManager = InitialContext.doLookup("java:appserver/TransactionManager");
            } catch (NamingException e) {
                LOG.log(Level.FINE, "Pas de TransactionManager à java:appserver/TransactionManager", e);
            }
        }
        return transactionManager;
    }

    /** How many unread notifications the caller has (0 for anonymous callers, without a query). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long unreadCount(Caller me) {
        return me.isAnonymous() ? 0 : unreadCountOf(me.accountId());
    }

    /**
     * The same count for an account id the server already knows from the authenticated principal
     * (the header has it in the session, without the query producing a {@link Caller} would cost).
     * One COUNT on the (recipient_id, read_at, …) index.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long unreadCountOf(long accountId) {
        return em.createNamedQuery("Notification.unreadCount", Long.class).setParameter("recipient", accountId).getSingleResult();
    }

    /** One page of the caller's notifications, newest event first, read ones included. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationPage list(Caller me, NotificationCursor before, int limit) {
        if (me.isAnonymous()) {
            return new NotificationPage(List.of(), null);
        }
        TypedQuery<Notification> query = em.createQuery("SELECT n FROM Notification n WHERE n.recipientId = :recipient"
                        + (before == null ? "" : " AND (n.lastEventAt < :at OR (n.lastEventAt = :at AND n.id < :id))")
                        + " ORDER BY n.lastEventAt DESC, n.id DESC", Notification.class)
                .setParameter("recipient", me.accountId())
                .setMaxResults(limit + 1);
        if (before != null) {
            query.setParameter("at", before.lastEventAt()).setParameter("id", before.id());
        }
        List<Notification> found = query.getResultList();
        boolean more = found.size() > limit;
        List<Notification> page = more ? found.subList(0, limit) : found;
        return new NotificationPage(List.copyOf(page), more ? NotificationCursor.after(page.getLast()) : null);
    }

    /** The newest page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public NotificationPage list(Caller me, int limit) {
        return list(me, null, limit);
    }

    /**
     * Marks one notification read; only its recipient may. Someone else's id is answered as an
     * unknown one, so ids reveal nothing. Marking a read notification again changes nothing.
     */
    public void markRead(Caller me, long notificationId) {
        if (me.isAnonymous()) {
            throw new BusinessException("notification.loginRequired", null);
        }
        Notification notification = em.find(Notification.class, notificationId);
        if (notification == null || !me.is(notification.getRecipientId())) {
            throw new BusinessException("notification.unknown", null);
        }
        notification.markRead(clock.instant());
    }

    /** Marks all the caller's notifications read; returns how many were unread. */
    public int markAllRead(Caller me) {
        if (me.isAnonymous()) {
            throw new BusinessException("notification.loginRequired", null);
        }
        return em.createNamedQuery("Notification.markAllRead")
                .setParameter("recipient", me.accountId()).setParameter("now", clock.instant())
                .executeUpdate();
    }

    // --- A member's own data (#13: « Vos données »), by recipient id.

    /** Every notification of the member, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Notification> allOf(long recipientId) {
        return em.createQuery("SELECT n FROM Notification n WHERE n.recipientId = :me ORDER BY n.lastEventAt DESC, n.id DESC",
                Notification.class).setParameter("me", recipientId).getResultList();
    }

    /** The member deleted their account: their notifications go (others' notifications naming them show « ancien membre »). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deleteAllOf(long recipientId) {
        return em.createQuery("DELETE FROM Notification n WHERE n.recipientId = :me").setParameter("me", recipientId).executeUpdate();
    }
}
