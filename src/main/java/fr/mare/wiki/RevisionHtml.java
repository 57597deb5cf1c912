package fr.mare.wiki;

import fr.mare.markdown.Markdown;
import fr.mare.markdown.Rendered;
import fr.mare.markdown.StoredHtml;
import jakarta.enterprise.context.ApplicationScoped;

/** Tutorial revisions' stored HTML and table of contents, rendered again (#16). */
@ApplicationScoped
class RevisionHtml extends StoredHtml<WikiRevision> {

    @jakarta.inject.Inject
    private WikiRevisions revisions;

    RevisionHtml() {
        super(WikiRevision.class, "révisions des tutoriels");
    }

    @Override
    protected void rerender(WikiRevision row, Markdown markdown) {
        Rendered body = markdown.render(revisions.expandLinks(row.getBodyMarkdown()));
        row.rerendered(body.html(), Toc.encode(body.headings()), body.version());
    }
}
