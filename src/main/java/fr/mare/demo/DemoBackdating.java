package fr.mare.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * Everything the demo writes through the services is stamped with its own date there
 * ({@link fr.mare.platform.PinnableClock}); the notifications alone are written after the demo's
 * commit (ADR 0007), at the start's time. This one place dates them as the events they tell of
 * (a reply or a mention: its message; thanks: the last thanks; a solution: the day after the
 * message) and marks read those a member would have seen long ago, leaving the last ten days
 * unread. Moderation notices keep the start's date: they name no message to date them by.
 */
@ApplicationScoped
class DemoBackdating {

    /** Notifications younger than this stay unread: the demo members come back to something new. */
    static final Duration UNREAD = Duration.ofDays(10);

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Transactional
    void notifications(ZonedDateTime now) {
        String demo = " AND n.recipient_id IN (SELECT id FROM account WHERE email LIKE '%@demo.mare.invalid'"
                + " OR pending_email LIKE '%@demo.mare.invalid')";
        em.createNativeQuery("UPDATE notification n JOIN forum_post p ON p.id = n.post_id"
                + " SET n.created_at = p.created_at, n.last_event_at = p.created_at"
                + " WHERE n.kind IN ('TOPIC_REPLY', 'POST_REPLY', 'WATCHED_REPLY', 'MENTION')" + demo).executeUpdate();
        em.createNativeQuery("UPDATE notification n JOIN (SELECT post_id, MIN(created_at) AS first, MAX(created_at) AS last"
                + " FROM forum_like GROUP BY post_id) l ON l.post_id = n.post_id"
                + " SET n.created_at = l.first, n.last_event_at = l.last WHERE n.kind = 'LIKE'" + demo).executeUpdate();
        em.createNativeQuery("UPDATE notification n JOIN forum_post p ON p.id = n.post_id"
                + " SET n.created_at = LEAST(p.created_at + INTERVAL 1 DAY, ?), n.last_event_at = LEAST(p.created_at + INTERVAL 1 DAY, ?)"
                + " WHERE n.kind = 'SOLUTION'" + demo)
                .setParameter(1, now.toInstant()).setParameter(2, now.toInstant()).executeUpdate();
        em.createNativeQuery("UPDATE notification n SET n.read_at = n.last_event_at + INTERVAL 1 DAY"
                + " WHERE n.read_at IS NULL AND n.last_event_at < ?" + demo)
                .setParameter(1, now.toInstant().minus(UNREAD)).executeUpdate();
    }
}
