package fr.mare.forum;

import fr.mare.markdown.ContentTooLargeException;
import fr.mare.markdown.Markdown;
import fr.mare.markdown.StoredHtml;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/** Posts' stored HTML, re-rendered by {@link fr.mare.markdown.Rerenderer} with mentions linked as when posted (#16). */
@ApplicationScoped
@Transactional
class PostHtml implements StoredHtml {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Markdown markdown;

    @Inject
    private Mentions mentions;

    @Override
    public String what() {
        return "messages du forum";
    }

    @Override
    public long rerender(long afterId, int max) {
        List<Post> stale = em.createQuery("SELECT x FROM Post x WHERE x.rendererVersion < :version AND x.id > :after ORDER BY x.id", Post.class)
                .setParameter("version", markdown.version()).setParameter("after", afterId).setMaxResults(max).getResultList();
        for (Post x : stale) {
            try {
                x.rerendered(mentions.link(markdown.render(x.getBodyMarkdown()).html()), markdown.version());
            } catch (ContentTooLargeException e) {
                // Longer than today's limit: it keeps the HTML it was stored with.
            }
        }
        return stale.isEmpty() ? -1 : stale.get(stale.size() - 1).getId();
    }
}
