package fr.mare.forum.web;

import fr.mare.forum.ForumService;
import fr.mare.forum.Tags;
import fr.mare.forum.TopicCursor;
import fr.mare.forum.TopicLists;
import fr.mare.forum.TopicPage;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

import java.util.List;

/** {@code /tag/{tag}}: the topics carrying a tag, by last activity, keyset-paged. */
@Named
@RequestScoped
public class ForumTagBacking {

    @Inject
    @Param(pathIndex = 0)
    private String tag;

    @Inject
    @Param(name = "apres")
    private String after;

    @Inject
    private ForumService forum;

    @Inject
    private TopicLists topicLists;

    @Inject
    private TopicRows rows;

    private TopicPage page;
    private List<TopicRow> topics;

    public void load() {
        String normalized = tag == null ? "" : Tags.normalize(tag);
        if (normalized.isEmpty()) {
            Pages.notFound("Étiquette introuvable");
            return;
        }
        if (!normalized.equals(tag)) {
            Faces.redirectPermanent(Faces.getRequestContextPath() + "/tag/" + normalized);
            return;
        }
        page = topicLists.taggedTopics(tag, TopicCursor.parse(after).orElse(null), ForumCategoryBacking.PAGE_SIZE);
        topics = rows.of(page.topics());
    }

    public String getTag() {
        return tag;
    }

    public List<TopicRow> getTopics() {
        return topics;
    }

    public String getNextPageQuery() {
        return page == null || page.next() == null ? null : "apres=" + page.next().toParameter();
    }
}
