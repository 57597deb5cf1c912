package fr.mare.forum.web;

import fr.mare.forum.Category;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.TopicCursor;
import fr.mare.forum.TopicFilter;
import fr.mare.forum.TopicLists;
import fr.mare.forum.TopicPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.List;

/**
 * {@code /discussions} (#12): every category's topics by last activity — « Récents », « Sans
 * réponse », « Non résolus », « Résolus » with {@code ?filtre=} — keyset-paged with {@code ?apres=}
 * through all of them, as {@code /c/{slug}} does for one category. Only what everyone reads in full
 * is listed ({@link TopicLists}).
 */
@Named
@RequestScoped
public class ForumDiscussionsBacking {

    @Inject
    @Param(name = "filtre")
    private String filterParameter;

    @Inject
    @Param(name = "apres")
    private String after;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private TopicLists topicLists;

    @Inject
    private TopicRows rows;

    private TopicPage page;
    private List<TopicRow> topics;

    public void load() {
        page = topicLists.topics(null, getFilter(), TopicCursor.parse(after).orElse(null), ForumCategoryBacking.PAGE_SIZE);
        topics = rows.of(page.topics());
    }

    public List<TopicRow> getTopics() {
        return topics;
    }

    public List<Category> getCategories() {
        return forumCategories.categories();
    }

    public TopicFilter getFilter() {
        return TopicFilter.fromParameter(filterParameter);
    }

    public List<TopicFilter> getFilters() {
        return List.of(TopicFilter.values());
    }

    public boolean isFirstPage() {
        return after == null;
    }

    /** The query string of the next page, or null on the last one. */
    public String getNextPageQuery() {
        return TopicListLinks.nextPageQuery(getFilter(), page);
    }
}
