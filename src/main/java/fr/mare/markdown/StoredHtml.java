package fr.mare.markdown;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * HTML a feature stored with the {@link MarkdownRenderer#VERSION} that produced it (#16). Each
 * feature that stores rendered Markdown has one subclass, in its own package, that says how one of
 * its rows is rendered again; the {@link Rerenderer} brings old rows up to the current pipeline
 * without knowing the feature. The entity needs {@code id} and {@code rendererVersion} attributes.
 *
 * @param <E> the entity holding the HTML
 */
public abstract class StoredHtml<E> {

    private final Class<E> type;
    private final String what;

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Markdown markdown;

    protected StoredHtml(Class<E> type, String what) {
        this.type = type;
        this.what = what;
    }

    /** A short name for the log (« messages du forum »). */
    public String what() {
        return what;
    }

    /**
     * Re-renders, in one transaction, at most {@code max} rows of an older version whose id is
     * above {@code afterId}, in id order, from their stored Markdown. A text longer than today's
     * limit keeps the HTML it was stored with.
     *
     * @return the last id looked at (pass it back as {@code afterId}), or -1 when none is left
     */
    @Transactional
    public long rerender(long afterId, int max) {
        List<E> stale = em.createQuery("SELECT x FROM " + type.getSimpleName()
                        + " x WHERE x.rendererVersion < :version AND x.id > :after ORDER BY x.id", type)
                .setParameter("version", markdown.version()).setParameter("after", afterId).setMaxResults(max).getResultList();
        for (E row : stale) {
            try {
                rerender(row, markdown);
            } catch (ContentTooLargeException e) {
                // kept as stored
            }
        }
        return stale.isEmpty() ? -1 : (Long) em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(stale.getLast());
    }

    /** Renders {@code row}'s Markdown again with {@code markdown} and stores the HTML with {@link Markdown#version()}. */
    protected abstract void rerender(E row, Markdown markdown);
}
