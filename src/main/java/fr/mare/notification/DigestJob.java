package fr.mare.notification;

import fr.mare.platform.DatabaseReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily digest (docs/adr/0021): every {@code mare.mail.digest-poll-seconds} (5 min), each node
 * looks for members whose digest is due — something waiting since before today's digest hour
 * ({@code mare.mail.digest-hour}, 7 h, Paris time) and no digest sent since that hour — and writes
 * each one's digest in a transaction of its own that first claims the member's
 * {@code notification_digest} row by one conditional UPDATE. Two nodes never send the same digest:
 * the second's UPDATE finds the row no longer due. Runs with or without SMTP (without it, digests
 * wait in the outbox like every mail).
 */
@ApplicationScoped
public class DigestJob {

    private static final Logger LOG = Logger.getLogger(DigestJob.class.getName());
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int BATCH = 50;
    private static final int FIRST_ROUND_SECONDS = 30;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Digests digests;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "mare.mail.digest-poll-seconds", defaultValue = "300")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "mare.mail.digest-hour", defaultValue = "7")
    int digestHour;

    private volatile ScheduledFuture<?> task;

    void start(@Observes @Priority(310) DatabaseReady ready) {
        digests.prepare();
        int every = Math.max(1, pollSeconds);
        // The first round soon after start: a node that was down at the digest hour (or a demo just
        // loaded, whose digests are due) sends them within seconds, not a whole poll later.
        task = scheduler.scheduleWithFixedDelay(this::sendDue, Math.min(every, FIRST_ROUND_SECONDS), every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
    }

    /** The latest digest hour at or before {@code now}, Paris time. */
    static Instant slot(Instant now, int hour) {
        ZonedDateTime here = now.atZone(PARIS);
        ZonedDateTime today = here.toLocalDate().atTime(LocalTime.of(Math.floorMod(hour, 24), 0)).atZone(PARIS);
        return (today.isAfter(here) ? today.minusDays(1) : today).toInstant();
    }

    /** One round: every due digest, a batch at a time. Never throws (the schedule would stop). */
    void sendDue() {
        try {
            Instant slot = slot(clock.instant(), digestHour);
            List<Long> due;
            do {
                due = digests.due(slot, BATCH);
                for (long accountId : due) {
                    try {
                        digests.claimAndSend(accountId, slot);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Résumé du compte " + accountId + " non écrit, repris au prochain tour.", e);
                    }
                }
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Résumés quotidiens : tour interrompu, repris au prochain.", e);
        }
    }
}
