package fr.mare.notification;

import fr.mare.account.Account;
import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.forum.ForumService;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.TopicLinks;
import fr.mare.mail.Mail;
import fr.mare.mail.MailBody;
import fr.mare.mail.MailSettings;
import fr.mare.mail.Outbox;
import fr.mare.web.Bundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Notification mails (issue #13, docs/adr/0021). {@link #told} runs in the transaction that writes
 * the notification ({@link NotificationRecorder}, after the forum's or the feature's commit): the
 * notification and its mail, or its place in the next digest, commit together. {@link #sendDigest}
 * writes one member's daily digest, in the transaction that claims it ({@link DigestJob}).
 * <p>
 * Only to a proven address ({@link Account#isEmailVerified}); never about a post the recipient may
 * not read now; French multipart mails from the {@code mail.notification.*} keys, every link from
 * {@code mare.public-url}, and each with its one-click unsubscribe link (RFC 8058).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NotificationMails {

    static final String IMMEDIATE = "notification";
    static final String DIGEST = "digest";

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AccountService accounts;

    @Inject
    private ForumService forum;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private MailChoices choices;

    @Inject
    private Outbox outbox;

    @Inject
    private MailSettings settings;

    /** Binds this bean's and its helpers' EntityManagers at start-up ({@link NotificationService#prepare}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    void prepare() {
        em.getEntityManagerFactory();
        choices.prepare();
        outbox.prepare();
        accounts.count();
    }

    /** A notification was just written (and flushed): mails it now, marks the digest due, or nothing, as its recipient chose. */
    void told(Notification notification) {
        Optional<MailCategory> category = MailCategory.of(notification.getKind(), notification.getTextKey());
        if (category.isEmpty()) {
            return;
        }
        Account recipient = accounts.find(notification.getRecipientId()).orElse(null);
        if (recipient == null || !recipient.isEmailVerified()) {
            return;
        }
        switch (choices.mode(recipient.getId(), category.get())) {
            case IMMEDIATE -> sentence(recipient, notification).ifPresent(told -> {
                MailBody body = MailBody.create()
                        .paragraph(text("mail.greeting", recipient.getDisplayName()))
                        .paragraph(told.text())
                        .link(text("mail.notification.open"), told.url())
                        .paragraph(text("mail.notification.why", text("notification.mail.category." + category.get().id())));
                String unsubscribe = choices.unsubscribePath(recipient.getId(), category.get().id());
                footer(body, unsubscribe);
                outbox.enqueue(new Mail(IMMEDIATE, recipient.getId(), recipient.getEmail(), subject(told.text()), body,
                        oneClick(unsubscribe), false));
                notification.mailed(clock.instant());
            });
            case DIGEST -> em.createNativeQuery("INSERT INTO notification_digest (account_id, pending_since) VALUES (?, ?)"
                            + " ON DUPLICATE KEY UPDATE pending_since = COALESCE(pending_since, VALUES(pending_since))")
                    .setParameter(1, recipient.getId()).setParameter(2, clock.instant()).executeUpdate();
            case NEVER -> {
            }
        }
    }

    /**
     * One member's digest: their unread notifications of the categories they receive in the digest
     * and not mailed yet, oldest first, in one mail; they are marked mailed. Nothing unread (all
     * seen in the app meanwhile): no mail.
     *
     * @return whether a mail was written
     */
    boolean sendDigest(long accountId) {
        Account recipient = accounts.find(accountId).orElse(null);
        if (recipient == null || !recipient.isEmailVerified()) {
            return false;
        }
        Map<MailCategory, MailCategory.Mode> modes = choices.modes(accountId);
        List<Notification> unread = em.createQuery("SELECT n FROM Notification n WHERE n.recipientId = :recipient"
                        + " AND n.readAt IS NULL AND n.mailedAt IS NULL ORDER BY n.createdAt, n.id", Notification.class)
                .setParameter("recipient", accountId).setMaxResults(200).getResultList().stream()
                .filter(n -> MailCategory.of(n.getKind(), n.getTextKey()).map(c -> modes.get(c) == MailCategory.Mode.DIGEST).orElse(false))
                .toList();
        MailBody body = MailBody.create()
                .paragraph(text("mail.greeting", recipient.getDisplayName()))
                .paragraph(text("mail.digest.intro"));
        int items = 0;
        Instant now = clock.instant();
        for (Notification n : unread) {
            Optional<Told> told = sentence(recipient, n);
            n.mailed(now);
            if (told.isPresent()) {
                body.link(told.get().text(), told.get().url());
                items++;
            }
        }
        if (items == 0) {
            return false;
        }
        body.link(text("mail.digest.all"), settings.link("/notifications"));
        String unsubscribe = choices.unsubscribePath(accountId, MailChoices.DIGEST);
        footer(body, unsubscribe);
        outbox.enqueue(new Mail(DIGEST, accountId, recipient.getEmail(), text("mail.digest.subject", items), body,
                oneClick(unsubscribe), false));
        return true;
    }

    /** The List-Unsubscribe address: the one-click POST target ({@code OneClickUnsubscribeServlet}); its GET leads to the page. */
    private String oneClick(String unsubscribePath) {
        return settings.link("/courriels" + unsubscribePath);
    }

    /** The links every notification mail ends with: the confirmation page of its unsubscribe link, and the choices. */
    private void footer(MailBody body, String unsubscribePath) {
        body.link(text("mail.notification.unsubscribe"), settings.link(unsubscribePath))
                .link(text("mail.notification.choose"), settings.link("/compte#courriels"));
    }

    /** What a notification says and where it leads; empty if the recipient may no longer read its post. */
    private record Told(String text, String url) {
    }

    private Optional<Told> sentence(Account recipient, Notification n) {
        String actor = actorName(n.getActorId());
        if (n.getKind() == NotificationKind.NOTICE) {
            NotificationText text = NotificationText.ofNotice(n.getTextKey(), actor, n.getSubject(), n.getDetail());
            return Optional.of(new Told(Bundle.text(Locale.FRENCH, text.key(), text.arguments()), settings.link(n.getLink())));
        }
        AccountSummary self = accounts.summaries(List.of(recipient.getId())).get(recipient.getId());
        return threadReading.readablePost(Caller.of(self), n.getPostId()).map(found -> {
            NotificationText text = NotificationText.of(n.getKind(), actor, n.getActorCount(), found.topic().getTitle());
            return new Told(Bundle.text(Locale.FRENCH, text.key(), text.arguments()),
                    settings.link(TopicLinks.of(found.topic()) + "?message=" + n.getPostId()));
        });
    }

    private String actorName(Long actorId) {
        if (actorId == null) {
            return text("notification.system");
        }
        AccountSummary actor = accounts.summaries(List.of(actorId)).get(actorId);
        return actor == null ? text("notification.someone") : actor.displayName();
    }

    private static String subject(String sentence) {
        return sentence.length() <= 300 ? sentence : sentence.substring(0, 299) + "…";
    }

    private static String text(String key, Object... arguments) {
        return Bundle.text(Locale.FRENCH, key, arguments);
    }
}
