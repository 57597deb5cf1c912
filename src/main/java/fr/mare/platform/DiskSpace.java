package fr.mare.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether writes are impossible for lack of disk space (issue #17, R4), for {@code /health} and
 * for the refusal page. Two signals:
 * <ul>
 *   <li>the free space of the data folder, of the embedded database's own folder inside it
 *       ({@code mariadb/}) and of the uploads folder, below {@code mare.disk.min-free-mb}
 *       (16 Mio by default), read at most once a second. This is what sees an embedded MariaDB
 *       that stopped itself on ENOSPC (10.11 aborts « Out of disk space in rollback » instead of
 *       answering 1114), and the space coming back;</li>
 *   <li>the last write the database refused for lack of space ({@link DiskFullException}):
 *       the only signal for an external database, whose disk Mare cannot see. It holds for
 *       {@link #WINDOW} after the last refusal: no write is tried to find out sooner.</li>
 * </ul>
 */
@ApplicationScoped
public class DiskSpace {

    static final Duration WINDOW = Duration.ofMinutes(2);
    static final Duration PROBE_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(DiskSpace.class.getName());

    @Inject
    @ConfigProperty(name = "mare.data.dir", defaultValue = "data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "mare.uploads.dir", defaultValue = " ")
    String uploadsDir;

    @Inject
    @ConfigProperty(name = "mare.disk.min-free-mb", defaultValue = "16")
    long minFreeMegabytes;

    /** Free bytes of a folder's file system; replaced in tests. */
    ToLongFunction<Path> freeBytes = DiskSpace::usableSpace;
    /** The clock; replaced in tests. */
    java.util.function.Supplier<Instant> clock = Instant::now;

    private volatile Instant lastRefusal;
    private volatile Instant probedAt = Instant.EPOCH;
    private volatile Path lowFolder;

    public void recordRefusal() {
        lastRefusal = clock.get();
    }

    /** True while a watched folder is nearly full, or a write was refused for lack of space. */
    public boolean full() {
        return lowFolder() != null || recentRefusal();
    }

    /** The French reason for {@code /health}, when {@link #full()}. */
    public String reason() {
        Path low = lowFolder();
        return low != null
                ? "espace disque plein : moins de " + minFreeMegabytes + " Mio libres pour " + low
                : "espace disque plein : la base refuse les écritures";
    }

    private boolean recentRefusal() {
        Instant last = lastRefusal;
        return last != null && clock.get().isBefore(last.plus(WINDOW));
    }

    private Path lowFolder() {
        Instant now = clock.get();
        if (now.isBefore(probedAt.plus(PROBE_EVERY))) {
            return lowFolder;
        }
        Path low = null;
        for (Path folder : watched()) {
            long free = freeBytes.applyAsLong(folder);
            if (free >= 0 && free < minFreeMegabytes * 1024 * 1024) {
                low = folder;
                break;
            }
        }
        if (low != null && lowFolder == null) {
            LOG.log(Level.SEVERE, "ESPACE DISQUE PLEIN : moins de {0} Mio libres pour {1}", new Object[] {minFreeMegabytes, low});
        }
        lowFolder = low;
        probedAt = now;
        return low;
    }

    /** The data folder, the embedded database's folder inside it, the uploads folder: those that exist. */
    List<Path> watched() {
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        List<Path> folders = new ArrayList<>(List.of(data.resolve("mariadb"), data));
        if (uploadsDir != null && !uploadsDir.isBlank()) {
            folders.add(Path.of(uploadsDir.strip()).toAbsolutePath().normalize());
        }
        folders.removeIf(folder -> !Files.isDirectory(folder));
        return folders;
    }

    /** -1 when the folder cannot be read: not a reason to say the disk is full. */
    private static long usableSpace(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }
}
