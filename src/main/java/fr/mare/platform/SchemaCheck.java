package fr.mare.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the database really holds what its migration history says it holds (reliability issue
 * #17). Flyway trusts {@code flyway_schema_history}: after a restore that stopped half-way (a
 * dump whose trigger definer does not exist stops the import at ERROR 1959, and every later
 * table is missing or empty), the history is complete while tables are not, and Mare used to boot
 * without a word, showing no tutorials. This check reads the applied migration scripts
 * themselves, follows their {@code CREATE}/{@code DROP}/{@code RENAME} of tables and triggers in
 * order, and compares the result with {@code information_schema}: anything missing keeps Mare
 * from declaring itself ready (pages answer 503, {@code /health} is DOWN, the log says what).
 */
final class SchemaCheck {

    private static final Pattern STATEMENT = Pattern.compile(
            "(?i)\\b(CREATE|DROP)\\s+(TABLE|TRIGGER)\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?`?(\\w+)`?"
                    + "|\\bRENAME\\s+TABLE\\s+`?(\\w+)`?\\s+TO\\s+`?(\\w+)`?");

    /** What the scripts leave behind, in lower case. */
    record Expected(Set<String> tables, Set<String> triggers) {
    }

    private SchemaCheck() {
    }

    /** Follows the scripts' statements in order (comments removed first). */
    static Expected expectedFrom(List<String> scripts) {
        Set<String> tables = new LinkedHashSet<>();
        Set<String> triggers = new LinkedHashSet<>();
        for (String script : scripts) {
            Matcher m = STATEMENT.matcher(withoutComments(script));
            while (m.find()) {
                if (m.group(4) != null) {
                    tables.remove(lower(m.group(4)));
                    tables.add(lower(m.group(5)));
                    continue;
                }
                Set<String> kind = "TABLE".equalsIgnoreCase(m.group(2)) ? tables : triggers;
                if ("CREATE".equalsIgnoreCase(m.group(1))) {
                    kind.add(lower(m.group(3)));
                } else {
                    kind.remove(lower(m.group(3)));
                }
            }
        }
        return new Expected(tables, triggers);
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)--[^\\n]*$", " ").replaceAll("(?m)#[^\\n]*$", " ");
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The scripts of the migrations applied, read from the classpath as Flyway read them. */
    static List<String> scripts(ClassLoader loader, List<String> names) {
        List<String> scripts = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = loader.getResourceAsStream("db/migration/" + name)) {
                if (in != null) {
                    scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scripts;
    }

    /** What is expected but absent, in French for the log and the health check; empty when all is there. */
    static List<String> missing(Connection connection, Expected expected) throws SQLException {
        Set<String> tables = names(connection,
                "SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = DATABASE()");
        Set<String> triggers = names(connection,
                "SELECT LOWER(trigger_name) FROM information_schema.triggers WHERE trigger_schema = DATABASE()");
        List<String> missing = new ArrayList<>();
        expected.tables().stream().filter(t -> !tables.contains(t)).forEach(t -> missing.add("table " + t));
        expected.triggers().stream().filter(t -> !triggers.contains(t)).forEach(t -> missing.add("déclencheur " + t));
        return missing;
    }

    private static Set<String> names(Connection connection, String query) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(query); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
