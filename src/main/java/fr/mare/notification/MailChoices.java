package fr.mare.notification;

import fr.mare.platform.Retryable;
import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each member's mail choices per {@link MailCategory} ({@code notification_mail_choice}; no row: the
 * category's default), and the unsubscribe links of notification mails: an HMAC-SHA-256 of account
 * and category under a key drawn once per installation ({@code notification_mail_key}), so a link
 * works without logging in, for that account and category only, and needs no stored token.
 * « Digest » as a link's category turns off every category the member receives in the digest.
 */
@ApplicationScoped
@Transactional
@Retryable
public class MailChoices {

    /** The pseudo-category of a digest's unsubscribe link. */
    public static final String DIGEST = "digest";

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    private volatile byte[] key;

    @Transactional(Transactional.TxType.SUPPORTS)
    void prepare() {
        em.getEntityManagerFactory();
    }

    /** The caller's choices, defaults filled in. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<MailCategory, MailCategory.Mode> of(Caller me) {
        requireMember(me);
        return modes(me.accountId());
    }

    Map<MailCategory, MailCategory.Mode> modes(long accountId) {
        Map<MailCategory, MailCategory.Mode> modes = new EnumMap<>(MailCategory.class);
        for (MailCategory category : MailCategory.values()) {
            modes.put(category, category.byDefault());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT category, mode FROM notification_mail_choice WHERE account_id = ?")
                .setParameter(1, accountId).getResultList();
        for (Object[] row : rows) {
            modes.put(MailCategory.valueOf((String) row[0]), MailCategory.Mode.valueOf((String) row[1]));
        }
        return modes;
    }

    MailCategory.Mode mode(long accountId, MailCategory category) {
        return modes(accountId).get(category);
    }

    /** Saves the caller's choices (« Mes courriels » on /compte). */
    public void save(Caller me, Map<MailCategory, MailCategory.Mode> choices) {
        requireMember(me);
        choices.forEach((category, mode) -> set(me.accountId(), category, mode));
    }

    private void set(long accountId, MailCategory category, MailCategory.Mode mode) {
        em.createNativeQuery("INSERT INTO notification_mail_choice (account_id, category, mode) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE mode = VALUES(mode)")
                .setParameter(1, accountId).setParameter(2, category.name()).setParameter(3, mode.name()).executeUpdate();
    }

    /** The {@code jeton} of an unsubscribe link for {@code category} (a {@link MailCategory#id()} or {@link #DIGEST}). */
    String token(long accountId, String category) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(("unsubscribe:" + accountId + ":" + category).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path and query of an unsubscribe link (the page that asks to confirm, and the one-click POST target). */
    String unsubscribePath(long accountId, String category) {
        return "/desabonnement?compte=" + accountId + "&type=" + category + "&jeton=" + token(accountId, category);
    }

    /** What an unsubscribe link names, if its token is right: the categories it turns off. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<MailCategory>> unsubscribeTarget(String account, String category, String token) {
        long accountId;
        try {
            accountId = Long.parseLong(account == null ? "" : account);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (token == null || category == null) {
            return Optional.empty();
        }
        boolean valid = MessageDigest.isEqual(token(accountId, category).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            return Optional.empty();
        }
        if (DIGEST.equals(category)) {
            Map<MailCategory, MailCategory.Mode> modes = modes(accountId);
            return Optional.of(modes.keySet().stream().filter(c -> modes.get(c) == MailCategory.Mode.DIGEST).toList());
        }
        return MailCategory.parse(category).map(List::of);
    }

    /**
     * Turns off, without logging in, what a valid unsubscribe link names (RFC 8058 one-click POST,
     * or the confirmation page's button). Repeating it changes nothing more.
     */
    public List<MailCategory> unsubscribe(String account, String category, String token) {
        List<MailCategory> target = unsubscribeTarget(account, category, token)
                .orElseThrow(() -> new BusinessException("notification.unsubscribe.invalid", null));
        long accountId = Long.parseLong(account);
        target.forEach(c -> set(accountId, c, MailCategory.Mode.NEVER));
        return target;
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = (byte[]) em.createNativeQuery("SELECT secret FROM notification_mail_key WHERE id = 1").getSingleResult();
            key = known;
        }
        return known;
    }

    private static void requireMember(Caller me) {
        if (me.isAnonymous()) {
            throw new BusinessException("notification.loginRequired", null);
        }
    }
}
