package fr.mare.platform;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Before migrating: a MariaDB that writes a binary log (a primary with replicas, a Galera node)
 * refuses the migrations' triggers to an account without {@code SUPER} unless
 * {@code log_bin_trust_function_creators} is on (error 1419). MariaDB's DDL is not transactional,
 * so a migration stopped there is left half done and Flyway then refuses every later start until
 * someone repairs it by hand: say it before touching anything (issue #17, found by
 * docs/ops/ReplicaDrill.java).
 */
final class BinaryLogCheck {

    private BinaryLogCheck() {
    }

    /** The French reason not to migrate now, or empty. */
    static Optional<String> refusal(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean binaryLog;
            boolean trusted;
            try (ResultSet row = statement.executeQuery("SELECT @@log_bin, @@log_bin_trust_function_creators")) {
                row.next();
                binaryLog = row.getBoolean(1);
                trusted = row.getBoolean(2);
            }
            List<String> grants = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SHOW GRANTS")) {
                while (rows.next()) {
                    grants.add(rows.getString(1));
                }
            }
            return refusal(binaryLog, trusted, grants);
        }
    }

    static Optional<String> refusal(boolean binaryLog, boolean trusted, List<String> grants) {
        if (!binaryLog || trusted || grants.stream().anyMatch(BinaryLogCheck::grantsSuper)) {
            return Optional.empty();
        }
        return Optional.of("la base écrit un journal binaire (log_bin, réplication ou Galera) et refuserait les déclencheurs"
                + " des migrations au compte de Mare, qui n'a pas le privilège SUPER (erreur 1419), en laissant une migration"
                + " à moitié faite. Réglez log_bin_trust_function_creators = 1 dans la configuration du serveur MariaDB"
                + " (SET GLOBAL log_bin_trust_function_creators = 1 pour tout de suite ; docs/operations.md,"
                + " « Une base répliquée »). Rien n'a été modifié.");
    }

    /** {@code GRANT SUPER, … ON *.*} or {@code GRANT ALL PRIVILEGES ON *.*}. */
    private static boolean grantsSuper(String grant) {
        String g = grant.toUpperCase(Locale.ROOT);
        int on = g.indexOf(" ON *.* ");
        if (!g.startsWith("GRANT ") || on < 0) {
            return false;
        }
        String privileges = g.substring("GRANT ".length(), on);
        return privileges.contains("ALL PRIVILEGES") || List.of(privileges.split(",\\s*")).contains("SUPER");
    }
}
