package fr.mare.directory.contact;

import fr.mare.markdown.Markdown;
import fr.mare.markdown.StoredHtml;
import jakarta.enterprise.context.ApplicationScoped;

/** Contact messages' stored HTML, rendered again (#16). */
@ApplicationScoped
class MessageHtml extends StoredHtml<ContactMessage> {

    MessageHtml() {
        super(ContactMessage.class, "messages de contact");
    }

    @Override
    protected void rerender(ContactMessage row, Markdown markdown) {
        row.rerendered(markdown.render(row.getBodyMarkdown()).html(), markdown.version());
    }
}
