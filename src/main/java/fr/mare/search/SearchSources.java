package fr.mare.search;

import fr.mare.directory.CollectiveText;
import fr.mare.directory.DirectoryService;
import fr.mare.forum.ForumService;
import fr.mare.forum.TopicLists;
import fr.mare.forum.TopicText;
import fr.mare.wiki.TutorialText;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;

/**
 * Where search gets its documents: only through the features' services, which apply their own
 * visibility rules (ADR 0013) — a document they do not return is removed from the index. Each
 * read runs in a (read-only) transaction of its own: the worker's thread has no request, and
 * Payara closes a non-transactional entity manager before a query could use it there.
 */
@ApplicationScoped
@Transactional
public class SearchSources {

    @Inject
    private ForumService forum;

    @Inject
    private TopicLists topicLists;

    @Inject
    private WikiService wiki;

    @Inject
    private DirectoryService directory;

    /** The document for one outbox row, or empty when no one but its author or moderation reads it. */
    public Optional<SearchDocument> load(String type, long id) {
        return switch (type) {
            case "topic" -> topicLists.publicText(id).map(SearchSources::topic);
            case "tutorial" -> wiki.publicText(id).map(SearchSources::tutorial);
            case "collective" -> directory.publicText(id).map(SearchSources::collective);
            default -> Optional.empty();
        };
    }

    public List<Long> ids(String type, long after, int limit) {
        return switch (type) {
            case "topic" -> topicLists.publicTopicIds(after, limit);
            case "tutorial" -> wiki.publicTutorialIds(after, limit);
            case "collective" -> directory.publicCollectiveIds(after, limit);
            default -> List.of();
        };
    }

    static String key(String type, long id) {
        return type + ":" + id;
    }

    static SearchDocument topic(TopicText t) {
        StringBuilder body = new StringBuilder(text(t.questionHtml()));
        for (String reply : t.replyHtml()) {
            body.append('\n').append(text(reply));
        }
        return new SearchDocument(key("topic", t.id()), SearchType.TOPIC, t.title(), "", text(t.solutionHtml()),
                body.toString(), "/t/" + t.id() + "/" + t.slug(), t.categorySlug(), t.categoryName(), t.solved(), t.tags());
    }

    static SearchDocument tutorial(TutorialText t) {
        return new SearchDocument(key("tutorial", t.id()), SearchType.TUTORIAL, t.title(), String.join("\n", t.headings()),
                "", text(t.bodyHtml()), "/tutoriels/" + t.slug(), null, null, false, List.of());
    }

    static SearchDocument collective(CollectiveText c) {
        String body = text(c.presentationHtml()) + "\n" + String.join("\n", c.expertise());
        return new SearchDocument(key("collective", c.id()), SearchType.COLLECTIVE, c.name(),
                String.join("\n", c.expertise()), "", body, "/voisins/" + c.slug(), null, c.regionName(), false, List.of());
    }

    /** Plain text of sanitised HTML, block elements on lines of their own. */
    static String text(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        var doc = Jsoup.parse(html);
        doc.select("p, li, h1, h2, h3, h4, h5, h6, pre, blockquote, tr, br").forEach(e -> e.appendText("\n"));
        return doc.wholeText().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\n\\s*\\n+", "\n").strip();
    }
}
