package fr.mare.directory.contact;

import fr.mare.markdown.ContentTooLargeException;
import fr.mare.markdown.Markdown;
import fr.mare.markdown.StoredHtml;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;

/** Contact messages' stored HTML, re-rendered by {@link fr.mare.markdown.Rerenderer} (#16). */
@ApplicationScoped
@Transactional
class MessageHtml implements StoredHtml {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Markdown markdown;

    @Override
    public String what() {
        return "messages de contact";
    }

    @Override
    public long rerender(long afterId, int max) {
        List<ContactMessage> stale = em.createQuery("SELECT x FROM ContactMessage x WHERE x.rendererVersion < :version AND x.id > :after ORDER BY x.id", ContactMessage.class)
                .setParameter("version", markdown.version()).setParameter("after", afterId).setMaxResults(max).getResultList();
        for (ContactMessage x : stale) {
            try {
                x.rerendered(markdown.render(x.getBodyMarkdown()).html(), markdown.version());
            } catch (ContentTooLargeException e) {
                // Longer than today's limit: it keeps the HTML it was stored with.
            }
        }
        return stale.isEmpty() ? -1 : stale.get(stale.size() - 1).getId();
    }
}
