package fr.mare.forum.web;

import fr.mare.forum.Category;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.TopicCursor;
import fr.mare.forum.TopicFilter;
import fr.mare.forum.TopicLists;
import fr.mare.forum.TopicPage;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.List;

/**
 * {@code /c/{slug}}: a category's topics by last activity, filtered (« sans réponse », « non
 * résolus », « résolus ») with {@code ?filtre=}, paged with a keyset cursor {@code ?apres=}; and
 * {@code /discussions} (#12, {@link #loadAll}): the same list over every category, with the
 * categories beside it.
 */
@Named
@RequestScoped
public class ForumCategoryBacking {

    /** Topics per page of a list. */
    public static final int PAGE_SIZE = 30;

    @Inject
    @Param(pathIndex = 0)
    private String slug;

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

    private Category category;
    private TopicPage page;
    private List<TopicRow> topics;

    /** {@code /c/{slug}}: one category's list, or 404. */
    public void load() {
        category = slug == null ? null : forumCategories.category(slug).orElse(null);
        if (category == null) {
            Pages.notFound("Catégorie introuvable");
            return;
        }
        list(category.getId());
    }

    /** {@code /discussions}: every category's topics together. */
    public void loadAll() {
        list(null);
    }

    private void list(Long categoryId) {
        page = topicLists.topics(categoryId, getFilter(), TopicCursor.parse(after).orElse(null), PAGE_SIZE);
        topics = rows.of(page.topics());
    }

    /** The categories, beside the list of {@code /discussions}. */
    public List<Category> getCategories() {
        return forumCategories.categories();
    }

    public Category getCategory() {
        return category;
    }

    public List<TopicRow> getTopics() {
        return topics;
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
        if (page == null || page.next() == null) {
            return null;
        }
        String filter = getFilter().parameter();
        return (filter.isEmpty() ? "" : "filtre=" + filter + "&") + "apres=" + page.next().toParameter();
    }
}
