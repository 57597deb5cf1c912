package fr.mare.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One statement on the test database, for ITs that arrange data or check what was written. */
public final class Sql {

    private Sql() {
    }

    /**
     * Runs an INSERT, UPDATE or DELETE and returns the rows it changed. Written behind Mare's back,
     * so it then tells Mare's page cache, as an administrator with SQL would ({@link #contentChanged}).
     */
    public static int sql(String statement, Object... parameters) throws SQLException {
        int changed;
        try (Connection c = TestDatabase.connect(); PreparedStatement s = prepare(c, statement, parameters)) {
            changed = s.executeUpdate();
        }
        contentChanged();
        return changed;
    }

    /**
     * After rows were written behind Mare's back: increments content_version and waits until Mare
     * has read it (ADR 0019), so that no visitor's page kept from before is served.
     */
    public static void contentChanged() throws SQLException {
        try (Connection c = TestDatabase.connect();
             PreparedStatement s = c.prepareStatement("UPDATE content_version SET version = version + 1 WHERE id = 1")) {
            s.executeUpdate();
        }
        try {
            Thread.sleep(3 * TestDatabase.CONTENT_VERSION_POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The number in the first column of the first row (a COUNT); fails if there is no row. */
    public static long count(String query, Object... parameters) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = prepare(c, query, parameters);
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + query);
            }
            return rs.getLong(1);
        }
    }

    /** The text in the first column of the first row, or null when there is no row (or the value is NULL). */
    public static String text(String query, Object... parameters) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement s = prepare(c, query, parameters);
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static PreparedStatement prepare(Connection c, String statement, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(statement);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
    }
}
