package fr.mare.account;

import fr.mare.platform.Purges;
import fr.mare.platform.Retryable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Logins half done (ADR 0023, issue #17, ADR 0036): the password was right, the code of the second
 * factor is still to come, maybe to another node. Table {@code login_pending}: the SHA-256 of a
 * 256-bit token (the browser holds the token, in the {@code MARE_LOGIN_STEP} cookie), the account,
 * where to go next, {@link #LIFETIME} to live, the wrong codes so far. A step ends when a right
 * code claims it ({@link #finish}: one use, whichever node gets there first), when it has seen
 * {@link #MAX_WRONG_CODES} wrong codes (the password must be typed again), or when it expires.
 * Nothing of the password is kept. Native statements, like {@link LoginSessions}.
 */
@ApplicationScoped
@Transactional
@Retryable
public class PendingLogins {

    /** How long the code may take after the password. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    /**
     * Wrong codes one password entry allows, whatever the throttle's settings (which count them
     * too, per name and per address, and are the first barrier).
     */
    static final int MAX_WRONG_CODES = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A step that may still be finished: whose, and where the login goes. */
    public record Pending(long accountId, String username, String returnTo) {
    }

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Records the step for an account whose password was just accepted; returns its token (the only time it exists in clear). */
    public String start(long accountId, String returnTo) {
        Instant now = clock.instant();
        Purges.byKey(em, "login_pending", "token_hash", "expires_at", now.minus(Duration.ofHours(1)));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em.createNativeQuery("INSERT INTO login_pending (token_hash, account_id, return_to, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, AccountTokens.hash(token)).setParameter(2, accountId)
                .setParameter(3, returnTo == null || returnTo.length() > 2000 ? "/" : returnTo)
                .setParameter(4, now).setParameter(5, now.plus(LIFETIME)).executeUpdate();
        return token;
    }

    /** The step this token names, if it is unused, unexpired, under its wrong codes' limit, and its account not erased. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Pending> current(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.account_id, a.username, p.return_to FROM login_pending p"
                        + " JOIN account a ON a.id = p.account_id"
                        + " WHERE p.token_hash = ? AND p.used_at IS NULL AND p.expires_at > ? AND p.attempts < ? AND a.erased_at IS NULL")
                .setParameter(1, AccountTokens.hash(token)).setParameter(2, clock.instant()).setParameter(3, MAX_WRONG_CODES)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Pending(((Number) row[0]).longValue(), (String) row[1], (String) row[2]));
    }

    /** One more wrong (or replayed) code for this step. */
    public void wrongCode(String token) {
        if (wellFormed(token)) {
            em.createNativeQuery("UPDATE login_pending SET attempts = attempts + 1 WHERE token_hash = ?")
                    .setParameter(1, AccountTokens.hash(token)).executeUpdate();
        }
    }

    /**
     * A right code was given: claims the step, in one conditional statement. False if it was
     * already used (the same code sent twice, to two nodes), expired or exhausted meanwhile.
     */
    public boolean finish(String token) {
        if (!wellFormed(token)) {
            return false;
        }
        Instant now = clock.instant();
        return em.createNativeQuery("UPDATE login_pending SET used_at = ? WHERE token_hash = ? AND used_at IS NULL"
                        + " AND expires_at > ? AND attempts < ?")
                .setParameter(1, now).setParameter(2, AccountTokens.hash(token)).setParameter(3, now)
                .setParameter(4, MAX_WRONG_CODES).executeUpdate() == 1;
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
