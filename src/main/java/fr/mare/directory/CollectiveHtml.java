package fr.mare.directory;

import fr.mare.markdown.Markdown;
import fr.mare.markdown.StoredHtml;
import jakarta.enterprise.context.ApplicationScoped;

/** Collectives' stored presentation HTML, rendered again (#16). */
@ApplicationScoped
class CollectiveHtml extends StoredHtml<Collective> {

    CollectiveHtml() {
        super(Collective.class, "présentations des collectifs");
    }

    @Override
    protected void rerender(Collective row, Markdown markdown) {
        row.rerendered(markdown.render(row.getPresentationMarkdown()).html(), markdown.version());
    }
}
