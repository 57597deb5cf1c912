package fr.mare.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The digest rows ({@code notification_digest}): which are due, and claiming one (for {@link DigestJob}). */
@ApplicationScoped
class Digests {

    private static final String DUE = "pending_since IS NOT NULL AND pending_since < ?1 AND (last_sent_at IS NULL OR last_sent_at < ?1)";

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private NotificationMails mails;

    @Transactional(Transactional.TxType.SUPPORTS)
    void prepare() {
        em.getEntityManagerFactory();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Long> due(Instant slot, int max) {
        return em.createNativeQuery("SELECT account_id FROM notification_digest WHERE " + DUE + " ORDER BY pending_since LIMIT ?2")
                .setParameter(1, slot).setParameter(2, max).getResultList().stream()
                .map(id -> ((Number) id).longValue()).toList();
    }

    /**
     * Claims one member's due digest (one UPDATE: on two nodes, only one changes the row) and, in
     * the same transaction, writes it to the outbox. A failure rolls the claim back: the next round
     * tries again.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void claimAndSend(long accountId, Instant slot) {
        int claimed = em.createNativeQuery("UPDATE notification_digest SET pending_since = NULL, last_sent_at = ?2"
                        + " WHERE account_id = ?3 AND " + DUE)
                .setParameter(1, slot).setParameter(2, clock.instant()).setParameter(3, accountId).executeUpdate();
        if (claimed == 1) {
            mails.sendDigest(accountId);
        }
    }
}
