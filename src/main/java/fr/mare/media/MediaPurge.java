package fr.mare.media;

import fr.mare.platform.DatabaseReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every hour, the images uploaded more than a day ago and never used are deleted, rows and files
 * (#15): what a member sent and then did not publish does not stay. Several nodes may run it at
 * once: a row deleted by one is simply not found by the other.
 */
@ApplicationScoped
public class MediaPurge {

    private static final Logger LOG = Logger.getLogger(MediaPurge.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private MediaService media;

    /** How often ({@code mare.uploads.purge-seconds}, an hour; the tests make it seconds). */
    @Inject
    @ConfigProperty(name = "mare.uploads.purge-seconds", defaultValue = "3600")
    long periodSeconds;

    private ScheduledFuture<?> task;

    void start(@Observes DatabaseReady ready) {
        if (task == null) {
            long period = Math.max(1, periodSeconds);
            task = scheduler.scheduleWithFixedDelay(this::purge, Math.min(300, period), period, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void purge() {
        try {
            media.purgeUnused();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purge des images inutilisées manquée ; nouvel essai au prochain passage.", e);
        }
    }
}
