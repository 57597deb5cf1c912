package fr.mare.platform;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiskSpaceTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path data;

    private final Map<Path, Long> free = new HashMap<>();
    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private DiskSpace space;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(data.resolve("mariadb"));
        space = new DiskSpace();
        space.dataDir = data.toString();
        space.uploadsDir = " ";
        space.minFreeMegabytes = 16;
        space.freeBytes = folder -> free.getOrDefault(folder, 10_000 * MB);
        space.clock = () -> now;
    }

    @Test
    void plentyOfSpaceAndNoRefusalIsNotFull() {
        assertFalse(space.full());
    }

    @Test
    void theEmbeddedDatabaseFolderNearlyFullIsFullEvenWithoutARefusal() {
        free.put(data.resolve("mariadb").toAbsolutePath().normalize(), 3 * MB);
        assertTrue(space.full());
        assertTrue(space.reason().contains("mariadb"), space.reason());
        assertTrue(space.reason().startsWith("espace disque plein"), space.reason());
    }

    @Test
    void spaceComingBackIsSeenAtTheNextProbe() {
        Path db = data.resolve("mariadb").toAbsolutePath().normalize();
        free.put(db, 0L);
        assertTrue(space.full());
        free.put(db, 500 * MB);
        assertTrue(space.full(), "probed at most once a second");
        now = now.plus(DiskSpace.PROBE_EVERY);
        assertFalse(space.full());
    }

    @Test
    void anUploadsFolderElsewhereIsWatchedToo() throws Exception {
        Path uploads = Files.createTempDirectory("mare-uploads");
        try {
            space.uploadsDir = uploads.toString();
            free.put(uploads.toAbsolutePath().normalize(), MB);
            assertTrue(space.full());
        } finally {
            Files.delete(uploads);
        }
    }

    @Test
    void aFolderThatCannotBeReadDoesNotCountAsFull() {
        space.freeBytes = folder -> -1;
        assertFalse(space.full());
    }

    @Test
    void aRefusedWriteHoldsForTheWindowThenClears() {
        space.recordRefusal();
        assertTrue(space.full());
        assertEquals("espace disque plein : la base refuse les écritures", space.reason());
        now = now.plus(DiskSpace.WINDOW).minus(Duration.ofSeconds(1));
        assertTrue(space.full());
        now = now.plus(Duration.ofSeconds(1));
        assertFalse(space.full());
    }

    @Test
    void missingFoldersAreNotWatched() {
        space.dataDir = data.resolve("absent").toString();
        assertTrue(space.watched().isEmpty());
        assertFalse(space.full());
    }
}
