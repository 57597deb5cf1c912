package fr.mare.wiki;

import fr.mare.markdown.ContentTooLargeException;
import fr.mare.markdown.Markdown;
import fr.mare.markdown.Rendered;
import fr.mare.markdown.StoredHtml;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/** Tutorial revisions' stored HTML and table of contents, re-rendered by {@link fr.mare.markdown.Rerenderer} (#16). */
@ApplicationScoped
@Transactional
class RevisionHtml implements StoredHtml {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Markdown markdown;

    @Override
    public String what() {
        return "révisions des tutoriels";
    }

    @Override
    public long rerender(long afterId, int max) {
        List<WikiRevision> stale = em.createQuery("SELECT x FROM WikiRevision x WHERE x.rendererVersion < :version AND x.id > :after ORDER BY x.id", WikiRevision.class)
                .setParameter("version", markdown.version()).setParameter("after", afterId).setMaxResults(max).getResultList();
        for (WikiRevision x : stale) {
            try {
                Rendered body = markdown.render(WikiLinks.expand(x.getBodyMarkdown()));
                x.rerendered(body.html(), Toc.encode(body.headings()), body.version());
            } catch (ContentTooLargeException e) {
                // Longer than today's limit: it keeps the HTML it was stored with.
            }
        }
        return stale.isEmpty() ? -1 : stale.get(stale.size() - 1).getId();
    }
}
