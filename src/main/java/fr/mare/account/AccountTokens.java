package fr.mare.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The secret links sent by mail ({@code account_token}, issue #13): 256 random bits, sent once in
 * the link and stored only as their SHA-256, so that reading the database gives no usable link.
 * A token serves one purpose, once ({@code used_at}), until it expires.
 */
@ApplicationScoped
public class AccountTokens {

    /** What a link is for, and how long it lives. */
    public enum Purpose {
        PASSWORD_RESET(Duration.ofHours(1)),
        VERIFY_EMAIL(Duration.ofHours(48));

        final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    /** A valid token: its account and, for a verification, the address it proves. */
    public record Valid(long id, long accountId, String email) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Draws a new token for the account and returns it (the only time it exists in clear). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(long accountId, Purpose purpose, String email) {
        byte[] random = new byte[BYTES];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO account_token (account_id, purpose, token_hash, email, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .setParameter(1, accountId).setParameter(2, purpose.name()).setParameter(3, hash(token))
                .setParameter(4, email).setParameter(5, now).setParameter(6, now.plus(purpose.lifetime)).executeUpdate();
        return token;
    }

    /** The token if it is unused and unexpired, without using it (to show the page behind a link). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Valid> peek(Purpose purpose, String token) {
        return lookUp(purpose, token, false);
    }

    /** Uses the token: locked, checked and marked used in the caller's transaction (a second use finds nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Valid> consume(Purpose purpose, String token) {
        Optional<Valid> valid = lookUp(purpose, token, true);
        valid.ifPresent(v -> em.createNativeQuery("UPDATE account_token SET used_at = ? WHERE id = ?")
                .setParameter(1, clock.instant()).setParameter(2, v.id()).executeUpdate());
        return valid;
    }

    /** Every unused token of this purpose for the account stops working (a reset done, a newer link sent). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokeAll(long accountId, Purpose purpose) {
        em.createNativeQuery("UPDATE account_token SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL")
                .setParameter(1, clock.instant()).setParameter(2, accountId).setParameter(3, purpose.name()).executeUpdate();
    }

    private Optional<Valid> lookUp(Purpose purpose, String token, boolean lock) {
        if (token == null || token.length() < 40 || token.length() > 60) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, account_id, email FROM account_token"
                        + " WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?" + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, hash(token)).setParameter(2, purpose.name()).setParameter(3, clock.instant()).getResultList();
        return rows.stream().findFirst().map(r -> new Valid(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2]));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
