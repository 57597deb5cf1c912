package fr.mare.wiki;

import fr.mare.account.Caller;
import fr.mare.markdown.ContentTooLargeException;
import fr.mare.markdown.Markdown;
import fr.mare.markdown.Rendered;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

import static fr.mare.wiki.WikiService.BODY_MAX;
import static fr.mare.wiki.WikiService.NC_VERSION_MAX;
import static fr.mare.wiki.WikiService.NC_VERSION_MIN;

/**
 * What the wiki's services share (#16): the locked page, the rendering of a text and the saving
 * of a revision with its links. Called inside their transactions; never by pages.
 */
@ApplicationScoped
class WikiRevisions {

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Markdown markdown;

    @Inject
    private fr.mare.media.MediaService media;

    WikiPage locked(String slug) {
        return em.createNamedQuery("WikiPage.bySlug", WikiPage.class).setParameter("slug", slug == null ? "" : slug)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> new BusinessException("wiki.page.unknown", null));
    }

    WikiPage lockedById(long pageId) {
        WikiPage page = em.find(WikiPage.class, pageId, LockModeType.PESSIMISTIC_WRITE);
        if (page == null) {
            throw new BusinessException("wiki.page.unknown", null);
        }
        return page;
    }

    WikiRevision add(WikiPage page, Caller author, String summary, String markdown, Rendered body, Instant now) {
        WikiRevision revision = new WikiRevision(page.getId(), page.getRevisionCount() + 1, author.accountId(), summary,
                markdown, body.html(), Toc.encode(body.headings()), body.version(), now);
        em.persist(revision);
        em.flush();
        page.revised(revision, now);
        media.used(WikiMediaHolder.KIND, page.getId(), body.html());
        em.createQuery("DELETE FROM WikiLink l WHERE l.sourcePageId = :page").setParameter("page", page.getId()).executeUpdate();
        for (String target : WikiLinks.targets(body.links(), this.markdown.siteHost())) {
            em.persist(new WikiLink(page.getId(), target));
        }
        return revision;
    }

    static Integer ncVersion(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            int version = Integer.parseInt(typed.strip());
            if (version >= NC_VERSION_MIN && version <= NC_VERSION_MAX) {
                return version;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new BusinessException("wiki.versions.invalid", field);
    }

    /** {@code [[slug]]} links expanded, those without a text showing the tutorial's current title (#14). */
    String expandLinks(String markdown) {
        java.util.Set<String> untitled = WikiLinks.untitled(markdown);
        java.util.Map<String, String> titles = untitled.isEmpty() ? java.util.Map.of()
                : em.createQuery("SELECT p.slug, p.title FROM WikiPage p WHERE p.slug IN :slugs", Object[].class)
                .setParameter("slugs", untitled).getResultStream()
                .collect(java.util.stream.Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
        return WikiLinks.expand(markdown, titles::get);
    }

    Rendered render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            throw new BusinessException("wiki.body.required", "body");
        }
        if (markdown.length() > BODY_MAX) {
            throw new BusinessException("wiki.body.tooLong", "body", BODY_MAX);
        }
        try {
            return this.markdown.render(expandLinks(markdown));
        } catch (ContentTooLargeException e) {
            throw new BusinessException("wiki.body.tooLong", "body", BODY_MAX);
        }
    }
}
