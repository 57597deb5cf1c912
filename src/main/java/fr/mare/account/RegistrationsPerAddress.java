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
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        em.createNativeQuery("DELETE FROM rate_limit_hit WHERE created_at < ?").setParameter(1, since).executeUpdate();
        byte[] hash = hash(address);
        Number count = (Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM rate_limit_hit WHERE kind = ? AND subject_hash = ? AND created_at >= ?")
                .setParameter(1, KIND).setParameter(2, hash).setParameter(3, since).getSingleResult();
        if (count.longValue() >= maxPerAddress) {
            throw new RateLimitedException("limits.registrations", null, maxPerAddress);
        }
        em.createNativeQuery("INSERT INTO rate_limit_hit (kind, subject_hash, created_at) VALUES (?, ?, ?)")
                .setParameter(1, KIND).setParameter(2, hash).setParameter(3, now).executeUpdate();
    }

    byte[] hash(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(network(address).getBytes(StandardCharsets.UTF_8));
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
