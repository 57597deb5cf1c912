package fr.mare.directory.web;

import fr.mare.directory.DirectorySearchService;
import fr.mare.directory.DirectoryService;
import fr.mare.forum.Category;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.ForumService;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicLists;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.List;
import java.util.Set;

/**
 * The directory's side of a discussion page ({@code /t/{id}/…}): « Des voisins connaissent ce
 * sujet », the collectives that can help in the areas of the topic's category or tags. The forum
 * knows nothing of the directory: the page composes the two.
 */
@Named
@RequestScoped
public class DirectoryTopicNeighboursBacking {

    @Inject
    @Param(pathIndex = 0)
    private String topicParameter;

    @Inject
    private DirectoryService directory;

    @Inject
    private DirectorySearchService search;

    @Inject
    private ForumService forum;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private TopicLists topicLists;

    @Inject
    private fr.mare.forum.ForumVisibility visibility;

    @Inject
    private fr.mare.account.Caller caller;

    private List<DirectorySearchService.Match> neighbours;

    public List<DirectorySearchService.Match> getNeighbours() {
        if (neighbours == null) {
            neighbours = load();
        }
        return neighbours;
    }

    private List<DirectorySearchService.Match> load() {
        if (topicParameter == null || !topicParameter.matches("[0-9]{1,18}")) {
            return List.of();
        }
        // Drawn from the topic's category and tags: only for a topic this reader may read (ForumVisibility, #10).
        Topic topic = threadReading.topicFor(caller, Long.parseLong(topicParameter)).filter(t -> visibility.canRead(caller, t)).orElse(null);
        if (topic == null) {
            return List.of();
        }
        String category = forumCategories.category(topic.getCategoryId()).map(Category::getSlug).orElse(null);
        List<String> tags = topicLists.tagsOf(Set.of(topic.getId())).getOrDefault(topic.getId(), List.of());
        return search.knowingNeighbours(category, tags);
    }
}
