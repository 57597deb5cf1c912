package fr.mare.account;

import fr.mare.platform.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * At most {@code mare.limits.registrations-per-address} new accounts (10 by default) from one
 * network address in 24 hours.
 * <p>
 * No surveillance: the address itself is never stored. Mare keeps an HMAC-SHA-256 of it, keyed by
 * a secret drawn once per installation inside the database (table {@code rate_limit_key}, by the
 * migration), with the time of the registration, in {@code rate_limit_hit}; rows older than a day
 * are deleted at each registration (a refused one rolls back: the next accepted one deletes them).
 * An IPv6 address counts by its /64 prefix, which one person usually holds whole. Rows are shared
 * by every Mare instance of the database (docs/adr/0011).
 */
@ApplicationScoped
public class RegistrationsPerAddress {

    static final String KIND = "registration";
    private static final Duration WINDOW = Duration.ofDays(1);

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mare.limits.registrations-per-address", defaultValue = "10")
    int maxPerAddress;

    private volatile byte[] key;

    /** Refuses a registration from an address that reached the limit, otherwise counts this one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkAndCount(String address) {
        if (address == null || address.isBlank()) {
            return;
        }
        checkAndCount(KIND, network(address), maxPerAddress, WINDOW, "limits.registrations");
    }

    /**
     * The same check for a registration attempt, in a transaction of its own: the attempt counts
     * even when the registration is then refused (a taken name, a weak password) and rolls back,
     * so that guessing through refusals costs as much as registering (issue #10).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void countAttempt(String address) {
        checkAndCount(address);
    }

    /** Counts one more of {@code kind} for {@code subject} if under {@code max} in {@code window}; false (nothing counted) past it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryCount(String kind, String subject, int max, Duration window) {
        try {
            checkAndCount(kind, subject, max, window, "limits.registrations");
            return true;
        } catch (RateLimitedException e) {
            return false;
        }
    }

    /**
     * The same counting for another kind of attempt (password-reset requests per address and per
     * e-mail, « renvoyer le lien »: issue #13): at most {@code max} of {@code kind} for {@code subject}
     * in {@code window} (one day at most), else {@link RateLimitedException} with {@code messageKey}
     * and {0} = max. Only a keyed hash of the subject is stored, never the subject itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkAndCount(String kind, String subject, int max, Duration window, String messageKey) {
        Instant now = clock.instant();
        Instant since = now.minus(window.compareTo(WINDOW) > 0 ? WINDOW : window);
        em.createNativeQuery("DELETE FROM rate_limit_hit WHERE created_at < ?").setParameter(1, now.minus(WINDOW)).executeUpdate();
        byte[] hash = keyedHash(subject);
        Number count = (Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM rate_limit_hit WHERE kind = ? AND subject_hash = ? AND created_at >= ?")
                .setParameter(1, kind).setParameter(2, hash).setParameter(3, since).getSingleResult();
        if (count.longValue() >= max) {
            throw new RateLimitedException(messageKey, null, max);
        }
        em.createNativeQuery("INSERT INTO rate_limit_hit (kind, subject_hash, created_at) VALUES (?, ?, ?)")
                .setParameter(1, kind).setParameter(2, hash).setParameter(3, now).executeUpdate();
    }

    byte[] hash(String address) {
        return keyedHash(network(address));
    }

    /** The installation's keyed hash of any subject (the login throttle's too: ADR 0032). */
    byte[] keyedHash(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address as counted: IPv4 whole, IPv6 by its /64 prefix, anything unparsable as given. */
    static String network(String address) {
        String literal = address.strip();
        if (!literal.contains(":")) {
            return literal;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal.replace("[", "").replace("]", "")).getAddress();
            if (bytes.length == 16) {
                Arrays.fill(bytes, 8, 16, (byte) 0);
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return literal;
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = (byte[]) em.createNativeQuery("SELECT secret FROM rate_limit_key WHERE id = 1").getSingleResult();
            key = known;
        }
        return known;
    }
}
