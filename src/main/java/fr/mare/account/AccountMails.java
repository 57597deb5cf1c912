package fr.mare.account;

import fr.mare.mail.Mail;
import fr.mare.mail.MailBody;
import fr.mare.mail.MailSettings;
import fr.mare.mail.Outbox;
import fr.mare.web.Bundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The account's mails (issue #13), written to the outbox in the caller's transaction. French, from
 * the bundle's {@code mail.*} keys; links from {@code mare.public-url}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AccountMails {

    static final String RESET = "password-reset";
    static final String PASSWORD_CHANGED = "password-changed";
    static final String VERIFY = "verify-email";
    static final String CHANGE = "change-email";
    static final String CHANGED = "email-changed";
    static final String TAKEN = "email-taken";
    static final String TWO_FACTOR_RESET = "two-factor-reset";

    @Inject
    private Outbox outbox;

    @Inject
    private MailSettings settings;

    /** To {@code email}: the account's proven address, or the one it waits for (following the link proves it). */
    void passwordReset(Account account, String email, String token) {
        MailBody body = MailBody.create()
                .paragraph(text("mail.greeting", account.getDisplayName()))
                .paragraph(text("mail.reset.intro", account.getUsername()))
                .link(text("mail.reset.link"), settings.link("/nouveau-mot-de-passe?jeton=" + encode(token)))
                .paragraph(text("mail.reset.expiry"))
                .paragraph(text("mail.reset.ignore"));
        outbox.enqueue(Mail.secret(RESET, account.getId(), email, text("mail.reset.subject"), body));
    }

    void passwordChanged(Account account) {
        if (account.getEmail() == null) {
            return; // no proven address to tell
        }
        MailBody body = MailBody.create()
                .paragraph(text("mail.greeting", account.getDisplayName()))
                .paragraph(text("mail.passwordChanged.body", account.getUsername()))
                .link(text("mail.passwordChanged.link"), settings.link("/mot-de-passe-oublie"));
        outbox.enqueue(Mail.plain(PASSWORD_CHANGED, account.getId(), account.getEmail(), text("mail.passwordChanged.subject"), body));
    }

    /** The link that proves the address of a new account. */
    void verifyNewAccount(Account account, String email, String token) {
        MailBody body = MailBody.create()
                .paragraph(text("mail.greeting", account.getDisplayName()))
                .paragraph(text("mail.verify.intro"))
                .link(text("mail.verify.link"), verifyLink(token))
                .paragraph(text("mail.verify.expiry"))
                .paragraph(text("mail.verify.ignore"));
        outbox.enqueue(Mail.secret(VERIFY, account.getId(), email, text("mail.verify.subject"), body));
    }

    /** The link that proves a new address before it replaces the old one; sent to the new address. */
    void verifyNewAddress(Account account, String newEmail, String token) {
        MailBody body = MailBody.create()
                .paragraph(text("mail.greeting", account.getDisplayName()))
                .paragraph(text("mail.change.intro", account.getUsername()))
                .link(text("mail.verify.link"), verifyLink(token))
                .paragraph(text("mail.verify.expiry"))
                .paragraph(text("mail.change.ignore"));
        outbox.enqueue(Mail.secret(CHANGE, account.getId(), newEmail, text("mail.change.subject"), body));
    }

    /** To the old address, once the new one replaced it. */
    void addressChanged(Account account, String oldEmail) {
        MailBody body = MailBody.create()
                .paragraph(text("mail.greeting", account.getDisplayName()))
                .paragraph(text("mail.changed.body", account.getUsername(), masked(account.getEmail())))
                .paragraph(text("mail.changed.notYou"))
                .link(text("mail.passwordChanged.link"), settings.link("/mot-de-passe-oublie"));
        outbox.enqueue(Mail.plain(CHANGED, account.getId(), oldEmail, text("mail.changed.subject"), body));
    }

    /**
     * To the owner of an address someone tried to use for another account (registration or change of
     * address): the page said the same as for a free address, this mail tells the truth to the owner only.
     */
    void addressTaken(Account owner) {
        MailBody body = MailBody.create()
                .paragraph(text("mail.greeting", owner.getDisplayName()))
                .paragraph(text("mail.taken.body", owner.getUsername()))
                .paragraph(text("mail.taken.nothingToDo"))
                .link(text("mail.reset.link"), settings.link("/mot-de-passe-oublie"));
        outbox.enqueue(Mail.plain(TAKEN, owner.getId(), owner.getEmail(), text("mail.taken.subject"), body));
    }

    /** To the proven address: an administrator removed the account's second factor (lost phone and codes). */
    void twoFactorReset(Account account) {
        if (account.getEmail() == null) {
            return; // no proven address to tell
        }
        MailBody body = MailBody.create()
                .paragraph(text("mail.greeting", account.getDisplayName()))
                .paragraph(text("mail.twoFactorReset.body", account.getUsername()))
                .paragraph(text(account.getRole().moderates() ? "mail.twoFactorReset.staff" : "mail.twoFactorReset.member"))
                .paragraph(text("mail.twoFactorReset.notYou"))
                .link(text("mail.passwordChanged.link"), settings.link("/mot-de-passe-oublie"));
        outbox.enqueue(Mail.plain(TWO_FACTOR_RESET, account.getId(), account.getEmail(), text("mail.twoFactorReset.subject"), body));
    }

    private String verifyLink(String token) {
        return settings.link("/confirmer-adresse?jeton=" + encode(token));
    }

    /** {@code camille@example.org} → {@code c…@example.org}: enough to recognise, not to copy. */
    static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "…" : email.charAt(0) + "…" + email.substring(at);
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String text(String key, Object... arguments) {
        return Bundle.text(Locale.FRENCH, key, arguments);
    }
}
