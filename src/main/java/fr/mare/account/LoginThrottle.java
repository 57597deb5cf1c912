package fr.mare.account;

import fr.mare.platform.Purges;
import fr.mare.platform.Retryable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Slows down password guessing. After {@code mare.login.max-failures} failed logins for one
 * name (5 by default), or {@code mare.login.max-failures-per-address} from one address (20),
 * further attempts are refused until a delay has passed: {@code mare.login.delay-seconds}
 * (30 s), doubling with each further failure, at most 15 minutes. A correct password after the
 * delay works and clears the name's count.
 * <p>
 * The name is counted whether or not an account has it, so the throttle tells nothing about
 * which accounts exist. Refused attempts are not hashed at all, which also protects the CPU
 * (one PBKDF2 check costs ~150 ms). Counters live in the database (table {@code login_failure},
 * issue #17, ADR 0032), like the write limits (ADR 0011): every node of one database counts the
 * same guesses, and a restart forgets none. Only a keyed hash of the name or address is stored
 * ({@link RegistrationsPerAddress#keyedHash}). A count is forgotten an hour after its last
 * failure. Native statements, in transactions of their own: a refused login rolls nothing back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@Retryable
public class LoginThrottle {

    private static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private RegistrationsPerAddress hashes;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mare.login.max-failures", defaultValue = "5")
    int maxFailuresPerName;

    @Inject
    @ConfigProperty(name = "mare.login.max-failures-per-address", defaultValue = "20")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "mare.login.delay-seconds", defaultValue = "30")
    long delaySeconds;

    /** How long the caller must still wait before trying again; zero when they may try now. */
    public Duration remainingWait(String typedUsername, String address) {
        Instant now = clock.instant();
        Duration byName = wait(nameKey(typedUsername), maxFailuresPerName, now);
        Duration byAddress = wait(addressKey(address), maxFailuresPerAddress, now);
        return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    }

    /** A wait in whole seconds for a message, at least one. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public void recordFailure(String typedUsername, String address) {
        Instant now = clock.instant();
        // By key, not by a ranged DELETE (Purges): a barrage of failed logins inserts here non-stop.
        Purges.byKey(em, "login_failure", "subject_hash", "last_failure_at", now.minus(FORGET_AFTER));
        count(nameKey(typedUsername), now);
        count(addressKey(address), now);
    }

    public void recordSuccess(String typedUsername) {
        em.createNativeQuery("DELETE FROM login_failure WHERE subject_hash = ?")
                .setParameter(1, hashes.keyedHash(nameKey(typedUsername))).executeUpdate();
    }

    /** One more failure; a count whose last failure is older than an hour starts again at one. */
    private void count(String key, Instant now) {
        // MariaDB applies the assignments left to right: failures reads the old last_failure_at.
        em.createNativeQuery("INSERT INTO login_failure (subject_hash, failures, last_failure_at) VALUES (?1, 1, ?2)"
                        + " ON DUPLICATE KEY UPDATE failures = IF(last_failure_at < ?3, 1, failures + 1), last_failure_at = ?2")
                .setParameter(1, hashes.keyedHash(key)).setParameter(2, now).setParameter(3, now.minus(FORGET_AFTER))
                .executeUpdate();
    }

    private Duration wait(String key, int threshold, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT failures, last_failure_at FROM login_failure WHERE subject_hash = ?")
                .setParameter(1, hashes.keyedHash(key)).getResultList();
        if (rows.isEmpty()) {
            return Duration.ZERO;
        }
        int count = ((Number) rows.getFirst()[0]).intValue();
        Instant last = rows.getFirst()[1] instanceof java.sql.Timestamp t ? t.toInstant()
                : java.sql.Timestamp.valueOf((java.time.LocalDateTime) rows.getFirst()[1]).toInstant();
        return delay(count, last, threshold, now);
    }

    /** The wait left after {@code count} failures, the last at {@code last} (pure rule, tested alone). */
    Duration delay(int count, Instant last, int threshold, Instant now) {
        if (count < threshold || last.plus(FORGET_AFTER).isBefore(now)) {
            return Duration.ZERO;
        }
        int extra = Math.min(count - threshold, 10);
        Duration delay = Duration.ofSeconds(delaySeconds).multipliedBy(1L << extra);
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        Duration remaining = Duration.between(now, last.plus(delay));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    private static String nameKey(String typedUsername) {
        String name = typedUsername == null ? "" : typedUsername;
        try {
            return "login-name:" + Usernames.parse(name).canonical();
        } catch (InvalidUsernameException e) {
            return "login-name:" + name.strip().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static String addressKey(String address) {
        return "login-address:" + address;
    }
}
