package fr.mare.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the {@link ContentVersion} of the nodes that share one database in step (ADR 0019): every
 * {@code mare.content-version.poll-ms} (500), a node that wrote since its last turn increments the
 * {@code content_version} row, and every node reads it; a number it did not write itself means
 * another node (or someone with SQL) changed content, and its own version changes too. So a
 * visitor's page kept by one node is dropped within about that delay after a write on another,
 * and at once after a write on the same node. While the database is away, nothing is learnt or
 * told; the changes made meanwhile are told when it returns.
 */
@ApplicationScoped
public class ContentVersionSync {

    private static final Logger LOG = Logger.getLogger(ContentVersionSync.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "mare.content-version.poll-ms", defaultValue = "500")
    private long pollMillis;

    private long lastSeen = -1;
    private ScheduledFuture<?> task;

    void start(@Observes DatabaseReady ready) {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::sync, 0, Math.max(50, pollMillis), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** One turn: tell our changes, learn the others'. Synchronized: never two turns at once. */
    synchronized void sync() {
        boolean publish = ContentVersion.takeUnpublished();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (publish) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE content_version SET version = LAST_INSERT_ID(version + 1) WHERE id = 1")) {
                    update.executeUpdate();
                }
                try (PreparedStatement read = connection.prepareStatement("SELECT LAST_INSERT_ID()");
                     ResultSet rs = read.executeQuery()) {
                    long written = rs.next() ? rs.getLong(1) : -1;
                    if (lastSeen >= 0 && written != lastSeen + 1) {
                        // Another node wrote between our two turns: its change is news here too.
                        ContentVersion.changedElsewhere();
                    }
                    lastSeen = written;
                }
                return;
            }
            try (PreparedStatement read = connection.prepareStatement("SELECT version FROM content_version WHERE id = 1");
                 ResultSet rs = read.executeQuery()) {
                long seen = rs.next() ? rs.getLong(1) : -1;
                if (lastSeen >= 0 && seen != lastSeen) {
                    ContentVersion.changedElsewhere();
                }
                lastSeen = seen;
            }
        } catch (SQLException | RuntimeException e) {
            if (publish) {
                ContentVersion.keepUnpublished();
            }
            LOG.log(Level.FINE, "Version du contenu non synchronisée (base absente ?)", e);
        }
    }
}
