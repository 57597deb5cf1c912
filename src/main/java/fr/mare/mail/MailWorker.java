package fr.mare.mail;

import fr.mare.platform.DatabaseReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the outbox in the background (docs/adr/0016): every {@code mare.mail.poll-seconds} (5 s),
 * claims due mails, sends each over SMTP, and marks it sent or failed. A page never waits for SMTP.
 * A failure is tried again after {@link #backOff}: 1 min, 2, 4… at most 6 h, and given up after
 * {@link #MAX_ATTEMPTS} attempts (some eight and a half hours of retries). Without SMTP configured the worker does
 * not run: mails wait in the outbox, readable at {@code /admin/courriels}, and the console says so.
 */
@ApplicationScoped
public class MailWorker {

    static final int MAX_ATTEMPTS = 10;
    private static final int BATCH = 20;
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);
    private static final Logger LOG = Logger.getLogger(MailWorker.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private MailSettings settings;

    @Inject
    private Outbox outbox;

    @Inject
    private SmtpSender sender;

    @Inject
    @ConfigProperty(name = "mare.mail.poll-seconds", defaultValue = "5")
    int pollSeconds;

    private volatile ScheduledFuture<?> task;

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    static Duration backOff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    void start(@Observes @Priority(300) DatabaseReady ready) {
        if (!settings.smtpConfigured()) {
            String notice = "Aucun serveur SMTP n'est configuré (MARE_SMTP_HOST) : Mare n'envoie aucun courriel. "
                    + "Ils restent dans la boîte d'envoi, que les administrateurs lisent à /admin/courriels.";
            System.out.println(notice);
            LOG.info(notice);
            return;
        }
        settings.tls(); // a wrong MARE_SMTP_TLS is said at start, not at the first mail
        LOG.info("Courriels envoyés par " + settings.host() + ":" + settings.port() + " (" + settings.tls().name().toLowerCase()
                + "), expéditeur " + settings.from() + ".");
        task = scheduler.scheduleWithFixedDelay(this::sendDue, pollSeconds, Math.max(1, pollSeconds), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
    }

    /** One round: claims and sends until nothing is due. Never throws (the schedule would stop). */
    void sendDue() {
        try {
            List<OutboxEntry> claimed;
            do {
                String token = UUID.randomUUID().toString();
                claimed = outbox.claim(token, BATCH);
                for (OutboxEntry entry : claimed) {
                    sendOne(entry, token);
                }
            } while (claimed.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Boîte d'envoi : tour d'envoi interrompu, repris au prochain.", e);
        }
    }

    private void sendOne(OutboxEntry entry, String token) {
        try {
            sender.send(entry);
        } catch (Exception e) {
            // Never the message's content nor the server's password: the error's class and text.
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warning("Courriel " + entry.getId() + " (" + entry.getKind() + ") non envoyé, essai " + entry.getAttempts()
                    + " : " + error);
            outbox.markFailed(entry.getId(), token, error);
            return;
        }
        outbox.markSent(entry.getId(), token);
    }
}
