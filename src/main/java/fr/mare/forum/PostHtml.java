package fr.mare.forum;

import fr.mare.markdown.Markdown;
import fr.mare.markdown.StoredHtml;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Posts' stored HTML, rendered again with mentions linked as when posted (#16). */
@ApplicationScoped
class PostHtml extends StoredHtml<Post> {

    @Inject
    private Mentions mentions;

    PostHtml() {
        super(Post.class, "messages du forum");
    }

    @Override
    protected void rerender(Post row, Markdown markdown) {
        row.rerendered(mentions.link(markdown.render(row.getBodyMarkdown()).html()), markdown.version());
    }
}
