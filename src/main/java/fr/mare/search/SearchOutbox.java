package fr.mare.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Reads {@code search_outbox} (V0013): rows the database's triggers write in the same
 * transaction as each change to a topic, post, tag, tutorial or collective. Search's own table,
 * read with plain SQL; the documents themselves come from the features' services.
 */
@ApplicationScoped
public class SearchOutbox {

    /** One change: {@code type} is topic, tutorial or collective. */
    public record Row(long id, String type, long docId) {
    }

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    /** Rows after this id, in id order. */
    @Transactional
    public List<Row> after(long id, int limit) {
        return rows("SELECT id, doc_type, doc_id FROM search_outbox WHERE id > ?1 ORDER BY id LIMIT " + limit, id, null);
    }

    /** Rows in (from, to], in id order: to find the ones whose transaction committed late. */
    @Transactional
    public List<Row> between(long from, long to) {
        return rows("SELECT id, doc_type, doc_id FROM search_outbox WHERE id > ?1 AND id <= ?2 ORDER BY id LIMIT 10000",
                from, to);
    }

    @Transactional
    public long maxId() {
        Number max = (Number) em.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM search_outbox").getSingleResult();
        return max.longValue();
    }

    @Transactional
    public long minId() {
        Number min = (Number) em.createNativeQuery("SELECT COALESCE(MIN(id), 0) FROM search_outbox").getSingleResult();
        return min.longValue();
    }

    /** This database's identity: an index built from another database is rebuilt. */
    @Transactional
    public String generation() {
        return (String) em.createNativeQuery("SELECT generation FROM search_generation WHERE id = 1").getSingleResult();
    }

    /** Deletes rows older than this many days; a node further behind rebuilds (ADR 0015). */
    @Transactional
    public int prune(int days) {
        return em.createNativeQuery("DELETE FROM search_outbox WHERE created_at < NOW(6) - INTERVAL ?1 DAY")
                .setParameter(1, days).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(String sql, long from, Long to) {
        var query = em.createNativeQuery(sql).setParameter(1, from);
        if (to != null) {
            query.setParameter(2, to);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Row(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue())).toList();
    }
}
