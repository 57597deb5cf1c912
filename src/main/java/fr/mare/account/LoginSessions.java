package fr.mare.account;

import fr.mare.platform.Purges;
import fr.mare.platform.Retryable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Logins that outlive the node that made them (issue #17, docs/adr/0032). A login's 128-bit
 * binding ({@code MARE_SESSION}, #10) is also its token here: table {@code login_session} keeps
 * its SHA-256, the account, the instant the revocation rule compares ({@code opened_at}), when it
 * was last seen and when it ended. Another node that receives the cookie without a session of its
 * own opens one from the row ({@link #resumable}); every node checks at each request of a
 * logged-in member that the row still lives ({@link #check}), so a logout on one node ends the
 * login on all. Last-seen is written at most once per {@link #SEEN_EVERY} per login, never
 * at each request. Native statements: nothing here is content a visitor sees (ADR 0019).
 */
@ApplicationScoped
@Transactional
@Retryable
public class LoginSessions {

    /** How often a live login's last-seen instant is written. */
    static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    /** A row that may open a session: whose login it is, and the instant revocations compare. */
    public record Resumable(long accountId, String username, Instant openedAt) {
    }

    /** What a node learns of a login at a member's request: ended (logged out elsewhere), and the instant revocations compare. */
    public record State(boolean ended, Instant openedAt) {
    }

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** The session timeout of web.xml: a login unseen for longer opens nothing. */
    @Inject
    @ConfigProperty(name = "mare.login.idle-minutes", defaultValue = "120")
    long idleMinutes;

    /** Records a new login (the token is the session's binding, never stored in clear). */
    public void open(String token, long accountId, Instant openedAt) {
        Instant now = clock.instant();
        purgeExpired(now.minus(idle()).minus(Duration.ofDays(1)));
        em.createNativeQuery("INSERT INTO login_session (token_hash, account_id, opened_at, last_seen_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, AccountTokens.hash(token)).setParameter(2, accountId)
                .setParameter(3, openedAt).setParameter(4, now).executeUpdate();
    }

    /** Forgets up to 100 logins unseen since {@code before}. */
    private void purgeExpired(Instant before) {
        Purges.byKey(em, "login_session", "token_hash", "last_seen_at", before);
    }

    /** The session revoked the others itself (password change, « fermer mes autres sessions »): its login survives on every node. */
    public void restamp(String token, Instant openedAt) {
        if (token != null) {
            em.createNativeQuery("UPDATE login_session SET opened_at = ? WHERE token_hash = ?")
                    .setParameter(1, openedAt).setParameter(2, AccountTokens.hash(token)).executeUpdate();
        }
    }

    /** Logout: the login ends on every node. */
    public void end(String token) {
        if (token != null) {
            em.createNativeQuery("UPDATE login_session SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL")
                    .setParameter(1, clock.instant()).setParameter(2, AccountTokens.hash(token)).executeUpdate();
        }
    }

    /**
     * The login this token may open on a node that has no session for it: not ended, seen within
     * the idle time, of an account that is neither erased, suspended, nor revoked its sessions
     * since. Empty otherwise (or for no token).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Resumable> resumable(String token) {
        if (token == null || token.length() < 20 || token.length() > 60) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.account_id, s.opened_at FROM login_session s"
                        + " JOIN account a ON a.id = s.account_id"
                        + " WHERE s.token_hash = ? AND s.ended_at IS NULL AND s.last_seen_at > ? AND a.erased_at IS NULL"
                        + " AND (a.sessions_revoked_at IS NULL OR a.sessions_revoked_at <= s.opened_at)")
                .setParameter(1, AccountTokens.hash(token)).setParameter(2, now.minus(idle())).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long accountId = ((Number) rows.getFirst()[0]).longValue();
        Instant openedAt = instant(rows.getFirst()[1]);
        Account account = em.find(Account.class, accountId);
        if (account == null || account.isErased()) {
            return Optional.empty();
        }
        return Optional.of(new Resumable(accountId, account.getUsername(), openedAt));
    }

    /**
     * At a logged-in member's request: whether the login ended elsewhere (empty: this session has no
     * row, e.g. opened before rows existed, and is left to the other rules). Writes last-seen when
     * it is older than {@link #SEEN_EVERY}.
     */
    public Optional<State> check(String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] hash = AccountTokens.hash(token);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT ended_at, last_seen_at, opened_at FROM login_session WHERE token_hash = ?")
                .setParameter(1, hash).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.getFirst();
        Instant now = clock.instant();
        if (row[0] == null && instant(row[1]).plus(SEEN_EVERY).isBefore(now)) {
            em.createNativeQuery("UPDATE login_session SET last_seen_at = ? WHERE token_hash = ?")
                    .setParameter(1, now).setParameter(2, hash).executeUpdate();
        }
        return Optional.of(new State(row[0] != null, instant(row[2])));
    }

    private Duration idle() {
        return Duration.ofMinutes(idleMinutes);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Timestamp t -> t.toInstant();
            case java.time.LocalDateTime l -> Timestamp.valueOf(l).toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("Unexpected timestamp " + value);
        };
    }
}
