package fr.mare.platform;

import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/**
 * The purge of expired rows of a table that is written to all the time (logins, failed logins,
 * kept drafts): up to 100 rows found by a plain read, then deleted one by one by their primary
 * key, the expiry checked again. A ranged {@code DELETE … WHERE last_seen_at < ? LIMIT 100}
 * locks every row and index gap it scans, where concurrent writers insert: four members logging
 * in at once deadlocked on it (drill R1, issue #17). The plain read takes no lock; each delete
 * locks one row that nobody else wants.
 */
public final class Purges {

    static final int BATCH = 100;

    private Purges() {
    }

    /**
     * @param table  the table; like the column names, a constant of the caller, never input
     * @param key    its primary key column
     * @param column the time column compared with {@code before}
     * @return the rows deleted
     */
    public static int byKey(EntityManager em, String table, String key, String column, Instant before) {
        @SuppressWarnings("unchecked")
        List<Object> expired = em.createNativeQuery("SELECT " + key + " FROM " + table + " WHERE " + column + " < ? LIMIT " + BATCH)
                .setParameter(1, before).getResultList();
        int deleted = 0;
        for (Object id : expired) {
            deleted += em.createNativeQuery("DELETE FROM " + table + " WHERE " + key + " = ? AND " + column + " < ?")
                    .setParameter(1, id).setParameter(2, before).executeUpdate();
        }
        return deleted;
    }
}
