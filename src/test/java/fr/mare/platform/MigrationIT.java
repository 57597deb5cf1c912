package fr.mare.platform;

import fr.mare.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrations of {@code sql/}, applied by Flyway to a brand-new empty database on the test
 * MariaDB: they run, they build the schema Mare's entities expect (InnoDB, utf8mb4, the
 * collations and constraints we rely on), and a second run applies nothing.
 */
class MigrationIT {

    private final String database = "mare_migration_" + System.nanoTime();
    private String url;

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.available(), "needs the test MariaDB (mvn verify starts it)");
        try (Connection server = TestDatabase.connectToServer(); Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci");
        }
        String serverUrl = TestDatabase.jdbcUrl();
        url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (url == null) {
            return;
        }
        try (Connection server = TestDatabase.connectToServer(); Statement statement = server.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(url, TestDatabase.user(), TestDatabase.password())
                .locations("filesystem:sql")
                .validateMigrationNaming(true)
                .load();
    }

    @Test
    void migrationsBuildTheSchemaOnAnEmptyDatabaseAndRunOnce() throws SQLException {
        var first = flyway().migrate();
        assertTrue(first.migrationsExecuted >= 1, "at least V0001 applied");
        assertEquals(0, flyway().migrate().migrationsExecuted, "a second run applies nothing");

        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            Map<String, String> collations = new HashMap<>();
            try (PreparedStatement columns = connection.prepareStatement(
                    "SELECT column_name, collation_name FROM information_schema.columns WHERE table_schema = ? AND table_name = 'account'")) {
                columns.setString(1, database);
                try (ResultSet rs = columns.executeQuery()) {
                    while (rs.next()) {
                        collations.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            assertEquals("utf8mb4_bin", collations.get("username"), "usernames compare byte for byte (zoé ≠ zoe)");
            assertEquals("utf8mb4_uca1400_ai_ci", collations.get("display_name"), "names are searched accent- and case-insensitively");
            assertEquals("utf8mb4_uca1400_ai_ci", collations.get("email"));

            try (PreparedStatement tables = connection.prepareStatement(
                    "SELECT engine FROM information_schema.tables WHERE table_schema = ? AND table_name = 'account'")) {
                tables.setString(1, database);
                try (ResultSet rs = tables.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals("InnoDB", rs.getString(1));
                }
            }

            insert(connection, "zoé", "zoe-accent@example.org");
            insert(connection, "zoe", "zoe@example.org");
            assertThrows(SQLIntegrityConstraintViolationException.class, () -> insert(connection, "zoé", "autre@example.org"),
                    "the canonical username is unique");
            assertThrows(SQLIntegrityConstraintViolationException.class, () -> insert(connection, "zoë", "ZOE@example.org"),
                    "e-mails are unique whatever their case");
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate(
                    "UPDATE account SET role = 'ROOT' WHERE username = 'zoe'"), "roles are checked");
            // V0022: the two newer kinds of account_event are accepted, anything else still refused.
            for (String kind : new String[] {"TWO_FACTOR_RESET", "COLLECTIVE_ADMIN"}) {
                assertEquals(1, connection.createStatement().executeUpdate("INSERT INTO account_event (account_id, kind, created_at)"
                        + " SELECT id, '" + kind + "', NOW(6) FROM account WHERE username = 'zoe'"));
            }
            assertThrows(SQLException.class, () -> connection.createStatement().executeUpdate("INSERT INTO account_event"
                    + " (account_id, kind, created_at) SELECT id, 'WHATEVER', NOW(6) FROM account WHERE username = 'zoe'"));
            // V0025: a login's row goes with its account; V0026: the import locks exist.
            assertEquals(1, connection.createStatement().executeUpdate("INSERT INTO login_session (token_hash, account_id, opened_at, last_seen_at)"
                    + " SELECT UNHEX(SHA2('jeton', 256)), id, NOW(6), NOW(6) FROM account WHERE username = 'zoé'"));
            connection.createStatement().executeUpdate("DELETE FROM account WHERE username = 'zoé'");
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM login_session")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "deleting an account deletes its logins");
            }
            try (ResultSet rs = connection.createStatement().executeQuery("SELECT GROUP_CONCAT(name ORDER BY name) FROM import_lock")) {
                assertTrue(rs.next());
                assertEquals("corpus,demo", rs.getString(1));
            }
        }
    }

    /** Issue #13 (V0014): accounts made before e-mail count as verified; the outbox and tokens keep their rules. */
    @Test
    void mailMigrationKeepsExistingAccountsVerified() throws SQLException {
        Flyway.configure().dataSource(url, TestDatabase.user(), TestDatabase.password()).locations("filesystem:sql")
                .target("0012").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            insert(connection, "ancienne", "ancienne@example.org");
        }
        flyway().migrate();
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT email_verified_at FROM account WHERE username = 'ancienne'")) {
                assertTrue(rs.next());
                assertTrue(rs.getTimestamp(1) != null, "an existing account is not asked to verify again");
            }
            assertThrows(SQLException.class, () -> statement.executeUpdate("INSERT INTO mail_outbox (kind, recipient, subject,"
                    + " body_text, body_html, message_id, status, next_attempt_at, created_at)"
                    + " VALUES ('x', 'a@b.c', 's', 't', 'h', '<1@x>', 'LOST', NOW(6), NOW(6))"), "outbox states are checked");
            statement.executeUpdate("INSERT INTO account_token (account_id, purpose, token_hash, created_at, expires_at)"
                    + " SELECT id, 'PASSWORD_RESET', UNHEX(SHA2('t', 256)), NOW(6), NOW(6) FROM account WHERE username = 'ancienne'");
            assertThrows(SQLIntegrityConstraintViolationException.class, () -> statement.executeUpdate(
                    "INSERT INTO account_token (account_id, purpose, token_hash, created_at, expires_at)"
                    + " SELECT id, 'VERIFY_EMAIL', UNHEX(SHA2('t', 256)), NOW(6), NOW(6) FROM account WHERE username = 'ancienne'"),
                    "a token hash is unique");
        }
    }

    /** Reliability issue #17: a restore that stopped half-way left tables out while the history was complete. */
    @Test
    void theSchemaCheckNamesWhatAnInterruptedRestoreLeftOut() throws Exception {
        flyway().migrate();
        SchemaCheck.Expected expected = SchemaCheck.expectedFrom(sqlScripts());
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password())) {
            assertEquals(java.util.List.of(), SchemaCheck.missing(connection, expected), "a migrated database is complete");
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE wiki_link");
                statement.execute("DROP TRIGGER moderation_action_no_delete");
            }
            assertEquals(java.util.List.of("table wiki_link", "déclencheur moderation_action_no_delete"),
                    SchemaCheck.missing(connection, expected));
        }
        assertEquals(0, flyway().migrate().migrationsExecuted, "Flyway alone sees nothing wrong: hence the check");
    }

    private static java.util.List<String> sqlScripts() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("sql"))) {
            java.util.List<String> scripts = new java.util.ArrayList<>();
            for (java.nio.file.Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).sorted().toList()) {
                scripts.add(java.nio.file.Files.readString(file));
            }
            return scripts;
        }
    }

    private static void insert(Connection connection, String username, String email) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO account (username, username_skeleton, "
                + "username_raw_skeleton, display_name, email, password_hash, role, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, 'x', 'MEMBER', NOW(6), NOW(6))")) {
            insert.setString(1, username);
            insert.setString(2, "skeleton-" + username + "-" + email);
            insert.setString(3, username);
            insert.setString(4, username);
            insert.setString(5, email);
            insert.executeUpdate();
        }
    }
}
