package fr.mare.account;

import fr.mare.platform.Retryable;
import fr.mare.platform.BusinessException;
import fr.mare.platform.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Two-factor authentication (TOTP, RFC 6238; security issue #10, ADR 0023): enrolment confirmed by
 * a first code, login codes refused a second time (the last accepted step is stored), single-use
 * backup codes, and the rule that moderation and administration need it.
 * <p>
 * Secrets are sealed with AES-256-GCM (bound to the account id) and backup codes stored as an
 * HMAC-SHA-256, both under one key: {@code mare.two-factor.key} (Base64 of 32 bytes, e.g.
 * {@code MARE_TWO_FACTOR_KEY}) when configured, which keeps it out of the database so that a dump
 * alone reveals no secret; otherwise a key drawn once in the database ({@code two_factor_key}),
 * which still keeps secrets out of logs and of a copy of the {@code account_two_factor} table.
 * Wrong codes go through the login throttle ({@link LoginThrottle}), like passwords.
 */
@ApplicationScoped
@Transactional
@Retryable
public class TwoFactorService {

    /** How many backup codes an enrolment gives. */
    public static final int BACKUP_CODES = 10;
    private static final String BACKUP_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final int BACKUP_LENGTH = 10;
    private static final int GCM_IV = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private AccountService accounts;

    @Inject
    private AccountMails mails;

    @Inject
    @ConfigProperty(name = "mare.two-factor.key")
    Optional<String> configuredKey;

    /** Moderation and administration need a second factor before their pages (never off in production). */
    @Inject
    @ConfigProperty(name = "mare.two-factor.staff-required", defaultValue = "true")
    boolean staffRequired;

    /** The local demo (loopback only, set by the launcher): staff may try Mare without an authenticator app. */
    @Inject
    @ConfigProperty(name = "mare.demo.local", defaultValue = "false")
    boolean demoLocal;

    private volatile byte[] key;

    /** A login code's fate. */
    public enum Check { ACCEPTED, BACKUP_CODE, REPLAYED, WRONG }

    /** An enrolment under way: the secret for manual entry and the address the QR code holds. */
    public record Enrolment(String secret, String otpauth) {
    }

    public boolean enabled(long accountId) {
        return !em.createNativeQuery("SELECT 1 FROM account_two_factor WHERE account_id = ? AND enabled_at IS NOT NULL")
                .setParameter(1, accountId).getResultList().isEmpty();
    }

    /** Whether this role must have a second factor before moderation and administration pages. */
    public boolean requiredFor(Role role) {
        return role.moderates() && staffRequired && !demoLocal;
    }

    /** A moderator or administrator who must enrol before acting as one (until then: a member). */
    public boolean mustEnrol(Account account) {
        return requiredFor(account.getRole()) && !enabled(account.getId());
    }

    /** The enrolment begun and not yet confirmed, if any. */
    public Optional<Enrolment> pending(Account account) {
        List<?> rows = em.createNativeQuery("SELECT secret FROM account_two_factor WHERE account_id = ? AND enabled_at IS NULL")
                .setParameter(1, account.getId()).getResultList();
        return rows.stream().findFirst().map(sealed -> enrolment(account, open(account.getId(), (byte[]) sealed)));
    }

    /** Starts (or starts again) an enrolment with a new secret; an enabled second factor is left alone. */
    public Enrolment begin(Account account) {
        if (enabled(account.getId())) {
            throw new BusinessException("account.twoFactor.alreadyEnabled", null);
        }
        byte[] secret = Totp.newSecret();
        em.createNativeQuery("DELETE FROM account_two_factor WHERE account_id = ?").setParameter(1, account.getId()).executeUpdate();
        em.createNativeQuery("INSERT INTO account_two_factor (account_id, secret, created_at) VALUES (?, ?, ?)")
                .setParameter(1, account.getId()).setParameter(2, seal(account.getId(), secret))
                .setParameter(3, Timestamp.from(clock.instant())).executeUpdate();
        return enrolment(account, secret);
    }

    /**
     * Confirms the enrolment with a first code from the app: from then on, logins ask for a code.
     *
     * @return the backup codes, to show once (only their HMAC is kept)
     */
    public List<String> confirm(Account account, String typedCode, String address) {
        requireNotThrottled(account, address, "code");
        List<?> rows = em.createNativeQuery("SELECT secret FROM account_two_factor WHERE account_id = ? AND enabled_at IS NULL")
                .setParameter(1, account.getId()).getResultList();
        if (rows.isEmpty()) {
            throw new BusinessException("account.twoFactor.noEnrolment", null);
        }
        byte[] secret = open(account.getId(), (byte[]) rows.getFirst());
        long step = Totp.matchingStep(secret, typedCode, Totp.step(clock.instant()), Long.MIN_VALUE);
        if (step < 0) {
            throttle.recordFailure(account.getUsername(), address);
            throw new BusinessException("account.twoFactor.codeWrong", "code");
        }
        em.createNativeQuery("UPDATE account_two_factor SET enabled_at = ?, last_step = ? WHERE account_id = ?")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, step).setParameter(3, account.getId())
                .executeUpdate();
        throttle.recordSuccess(account.getUsername());
        return newBackupCodes(account.getId());
    }

    /**
     * Checks a login's second step: a 6-digit code not used before, or an unused backup code
     * (then used up). Throttling is the caller's (the login page), with the password's counters.
     */
    public Check check(long accountId, String typed) {
        String code = Totp.normalize(typed);
        if (code.length() == Totp.DIGITS && code.chars().allMatch(Character::isDigit)) {
            Object[] row = totpRow(accountId);
            if (row == null) {
                return Check.WRONG;
            }
            byte[] secret = open(accountId, (byte[]) row[0]);
            long last = ((Number) row[1]).longValue();
            long now = Totp.step(clock.instant());
            long step = Totp.matchingStep(secret, code, now, last);
            if (step < 0) {
                return Totp.matchesAnyStep(secret, code, now) ? Check.REPLAYED : Check.WRONG;
            }
            // Conditional, so that two requests with the same code cannot both pass.
            int won = em.createNativeQuery("UPDATE account_two_factor SET last_step = ? WHERE account_id = ? AND last_step < ?")
                    .setParameter(1, step).setParameter(2, accountId).setParameter(3, step).executeUpdate();
            return won == 1 ? Check.ACCEPTED : Check.REPLAYED;
        }
        if (totpRow(accountId) == null) {
            return Check.WRONG;
        }
        int used = em.createNativeQuery("UPDATE account_backup_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, accountId)
                .setParameter(3, backupHash(accountId, code)).executeUpdate();
        return used == 1 ? Check.BACKUP_CODE : Check.WRONG;
    }

    /** Backup codes not used yet. */
    public long backupCodesLeft(long accountId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM account_backup_code WHERE account_id = ? AND used_at IS NULL")
                .setParameter(1, accountId).getSingleResult()).longValue();
    }

    /** Turns the second factor off: needs the password and a code (or a backup code). */
    public void disable(Account account, String password, String typedCode, String address) {
        accounts.requireCurrentPassword(account, password, address);
        requireCode(account, typedCode, address);
        em.createNativeQuery("DELETE FROM account_backup_code WHERE account_id = ?").setParameter(1, account.getId()).executeUpdate();
        em.createNativeQuery("DELETE FROM account_two_factor WHERE account_id = ?").setParameter(1, account.getId()).executeUpdate();
    }

    /**
     * Recovery for a member who lost their authenticator and every backup code (docs/adr/0025): an
     * administrator removes their second factor. Never one's own (another administrator must do it,
     * so that no one lifts their own protection without a witness); every session of the account
     * ends; the next login asks for the password only, and staff are then sent to enrol again
     * before any moderation or administration page. Journalled ({@link AccountEvent}, and the
     * security log by the caller) and told to the member by mail.
     */
    public void resetByAdmin(Caller me, long accountId) {
        if (!me.admin()) {
            throw new BusinessException("account.admin.notAllowed", null);
        }
        if (me.is(accountId)) {
            throw new BusinessException("account.admin.twoFactor.self", null);
        }
        Account account = em.find(Account.class, accountId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new BusinessException("account.unknown", null);
        }
        if (account.isErased()) {
            throw new BusinessException("account.admin.erasedAccount", null);
        }
        if (em.createNativeQuery("SELECT 1 FROM account_two_factor WHERE account_id = ?").setParameter(1, accountId)
                .getResultList().isEmpty()) {
            throw new BusinessException("account.admin.twoFactor.none", null);
        }
        em.createNativeQuery("DELETE FROM account_backup_code WHERE account_id = ?").setParameter(1, accountId).executeUpdate();
        em.createNativeQuery("DELETE FROM account_two_factor WHERE account_id = ?").setParameter(1, accountId).executeUpdate();
        Instant now = clock.instant();
        account.revokeSessions(now);
        em.persist(new AccountEvent(accountId, me.accountId(), AccountEvent.Kind.TWO_FACTOR_RESET,
                account.getRole().moderates() ? "à réactiver à la prochaine connexion" : "", now));
        mails.twoFactorReset(account);
    }

    /** New backup codes (the old ones stop working): needs the password and a code. */
    public List<String> renewBackupCodes(Account account, String password, String typedCode, String address) {
        accounts.requireCurrentPassword(account, password, address);
        requireCode(account, typedCode, address);
        return newBackupCodes(account.getId());
    }

    private void requireCode(Account account, String typedCode, String address) {
        requireNotThrottled(account, address, "code");
        Check result = check(account.getId(), typedCode);
        if (result == Check.WRONG || result == Check.REPLAYED) {
            throttle.recordFailure(account.getUsername(), address);
            throw new BusinessException("account.twoFactor.codeWrong", "code");
        }
    }

    private void requireNotThrottled(Account account, String address, String field) {
        Duration wait = throttle.remainingWait(account.getUsername(), address);
        if (!wait.isZero()) {
            throw new RateLimitedException("account.twoFactor.throttled", field, LoginThrottle.seconds(wait));
        }
    }

    private Object[] totpRow(long accountId) {
        List<?> rows = em.createNativeQuery("SELECT secret, last_step FROM account_two_factor WHERE account_id = ? AND enabled_at IS NOT NULL")
                .setParameter(1, accountId).getResultList();
        return rows.isEmpty() ? null : (Object[]) rows.getFirst();
    }

    private List<String> newBackupCodes(long accountId) {
        em.createNativeQuery("DELETE FROM account_backup_code WHERE account_id = ?").setParameter(1, accountId).executeUpdate();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < BACKUP_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < BACKUP_LENGTH; c++) {
                code.append(BACKUP_ALPHABET.charAt(RANDOM.nextInt(BACKUP_ALPHABET.length())));
            }
            String shown = code.substring(0, BACKUP_LENGTH / 2) + "-" + code.substring(BACKUP_LENGTH / 2);
            codes.add(shown);
            em.createNativeQuery("INSERT INTO account_backup_code (account_id, code_hash) VALUES (?, ?)")
                    .setParameter(1, accountId).setParameter(2, backupHash(accountId, code.toString())).executeUpdate();
        }
        return codes;
    }

    private Enrolment enrolment(Account account, byte[] secret) {
        String base32 = Totp.base32(secret);
        String label = URLEncoder.encode("Mare:" + account.getUsername(), StandardCharsets.UTF_8).replace("+", "%20");
        return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32
                + "&issuer=Mare&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
    }

    private byte[] backupHash(long accountId, String typed) {
        String code = Totp.normalize(typed).toLowerCase(Locale.ROOT);
        return mac(derived("codes-de-secours"), (accountId + ":" + code).getBytes(StandardCharsets.UTF_8));
    }

    byte[] seal(long accountId, byte[] secret) {
        try {
            byte[] iv = new byte[GCM_IV];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived("secrets-totp"), "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(ByteBuffer.allocate(8).putLong(accountId).array());
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(GCM_IV + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] open(long accountId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(derived("secrets-totp"), "AES"),
                    new GCMParameterSpec(128, sealed, 0, GCM_IV));
            cipher.updateAAD(ByteBuffer.allocate(8).putLong(accountId).array());
            return cipher.doFinal(sealed, GCM_IV, sealed.length - GCM_IV);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Secret de double authentification illisible (clé mare.two-factor.key changée ?)", e);
        }
    }

    private byte[] derived(String purpose) {
        return mac(key(), purpose.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            String configured = configuredKey.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
            if (configured != null) {
                known = Base64.getDecoder().decode(configured);
                if (known.length < 32) {
                    throw new IllegalStateException("mare.two-factor.key : 32 octets au moins, en Base64");
                }
            } else {
                known = (byte[]) em.createNativeQuery("SELECT secret FROM two_factor_key WHERE id = 1").getSingleResult();
            }
            key = known;
        }
        return known;
    }
}
