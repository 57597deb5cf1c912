package fr.mare.mail;

/**
 * One mail to write to the outbox.
 *
 * @param kind           what it is about ({@code password-reset}, {@code verify-email}…), for the
 *                       administrators' list and the tests
 * @param accountId      the recipient's account, if any (null once the account is deleted)
 * @param to             the recipient's address, never shown to other members
 * @param unsubscribeUrl one-click unsubscribe address (RFC 8058) for notification mails, else null
 * @param sensitive      carries a secret link: its bodies are erased once the mail is sent
 */
public record Mail(String kind, Long accountId, String to, String subject, MailBody body, String unsubscribeUrl,
                   boolean sensitive) {

    public static Mail secret(String kind, Long accountId, String to, String subject, MailBody body) {
        return new Mail(kind, accountId, to, subject, body, null, true);
    }

    public static Mail plain(String kind, Long accountId, String to, String subject, MailBody body) {
        return new Mail(kind, accountId, to, subject, body, null, false);
    }
}
