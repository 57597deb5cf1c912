package fr.mare.mail;

import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The outbox: the only way a feature sends mail. {@link #enqueue} joins the caller's transaction,
 * so the mail exists exactly when the change that causes it commits. The claim and mark methods
 * serve {@link MailWorker}; the read methods serve the administrators' page and check the role.
 */
@ApplicationScoped
public class Outbox {

    /** How long a worker owns a claimed mail; past it, another attempt may take the mail. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private MailSettings settings;

    /**
     * Binds the EntityManager at start-up, for features whose first mail is written outside any
     * component environment (notifications of the demo content: docs/adr/0007).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void prepare() {
        em.getEntityManagerFactory();
    }

    /** Writes a mail to the outbox, inside the transaction of the change that causes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Mail mail) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String messageId = "<" + HexFormat.of().formatHex(random) + "@" + settings.domain() + ">";
        em.persist(new OutboxEntry(mail, messageId, clock.instant()));
    }

    /**
     * Claims up to {@code max} due mails for {@code claimToken}: pending ones whose time has come,
     * and mails another worker claimed but whose lease ran out. One UPDATE, so two workers (two
     * nodes) never claim the same row. Each claim counts as an attempt.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<OutboxEntry> claim(String claimToken, int max) {
        Instant now = clock.instant();
        em.createNativeQuery("UPDATE mail_outbox SET status = 'SENDING', claimed_by = ?, lease_until = ?, attempts = attempts + 1"
                        + " WHERE (status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND lease_until < ?)"
                        + " ORDER BY next_attempt_at, id LIMIT ?")
                .setParameter(1, claimToken).setParameter(2, now.plus(LEASE)).setParameter(3, now).setParameter(4, now)
                .setParameter(5, max).executeUpdate();
        List<OutboxEntry> claimed = em.createQuery(
                        "SELECT e FROM OutboxEntry e WHERE e.claimedBy = :token AND e.status = :status ORDER BY e.id", OutboxEntry.class)
                .setParameter("token", claimToken).setParameter("status", OutboxEntry.Status.SENDING).getResultList();
        return claimed;
    }

    /** The SMTP server accepted the mail. Ignored if the lease was lost meanwhile (another worker took it). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markSent(long id, String claimToken) {
        OutboxEntry entry = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (entry != null && claimToken.equals(claimedBy(entry))) {
            entry.sent(clock.instant());
        }
    }

    /** Sending failed: tried again after {@link MailWorker#backOff}, or given up after too many attempts. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markFailed(long id, String claimToken, String error) {
        OutboxEntry entry = em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (entry != null && claimToken.equals(claimedBy(entry))) {
            boolean giveUp = entry.getAttempts() >= MailWorker.MAX_ATTEMPTS;
            entry.failed(error, clock.instant().plus(MailWorker.backOff(entry.getAttempts())), giveUp);
        }
    }

    private static String claimedBy(OutboxEntry entry) {
        return entry.getClaimedBy();
    }

    // --- The administrators' page (/admin/courriels).

    /** The newest mails, for an administrator. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutboxEntry> newest(boolean admin, int limit) {
        requireAdmin(admin);
        return em.createQuery("SELECT e FROM OutboxEntry e ORDER BY e.createdAt DESC, e.id DESC", OutboxEntry.class)
                .setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OutboxEntry> find(boolean admin, long id) {
        requireAdmin(admin);
        return Optional.ofNullable(em.find(OutboxEntry.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countWaiting(boolean admin) {
        requireAdmin(admin);
        return em.createQuery("SELECT COUNT(e) FROM OutboxEntry e WHERE e.status = :p OR e.status = :s", Long.class)
                .setParameter("p", OutboxEntry.Status.PENDING).setParameter("s", OutboxEntry.Status.SENDING).getSingleResult();
    }

    private static void requireAdmin(boolean admin) {
        if (!admin) {
            throw new BusinessException("mail.admin.notAllowed", null);
        }
    }

    /**
     * The member deleted their account (#13): their mails lose address and text (the rows stay, as
     * what was sent and when), and those not sent yet never will be.
     *
     * @return how many mails were cleared
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(long accountId, String placeholderAddress) {
        return em.createNativeQuery("UPDATE mail_outbox SET recipient = ?, body_text = '', body_html = '', unsubscribe_url = NULL,"
                        // MariaDB assigns left to right: last_error reads the status before it changes.
                        + " last_error = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'compte supprimé' ELSE last_error END,"
                        + " status = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'FAILED' ELSE status END,"
                        + " claimed_by = NULL, lease_until = NULL"
                        + " WHERE account_id = ?")
                .setParameter(1, placeholderAddress).setParameter(2, accountId).executeUpdate();
    }
}
