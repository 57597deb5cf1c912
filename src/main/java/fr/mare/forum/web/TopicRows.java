package fr.mare.forum.web;

import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.forum.Category;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.ForumService;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Joins topics with their categories and authors (one query each, whatever the list's length). */
@ApplicationScoped
public class TopicRows {

    @Inject
    private ForumService forum;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private TopicLists topicLists;

    @Inject
    private AccountService accounts;

    public List<TopicRow> of(List<Topic> topics) {
        Map<Long, Category> categories = forumCategories.categories().stream().collect(Collectors.toMap(Category::getId, Function.identity()));
        Map<Long, AccountSummary> authors = accounts.summaries(topics.stream().map(Topic::getAuthorId).collect(Collectors.toSet()));
        Map<Long, List<String>> tags = topicLists.tagsOf(topics.stream().map(Topic::getId).toList());
        return topics.stream()
                .map(t -> new TopicRow(t, categories.get(t.getCategoryId()), authors.get(t.getAuthorId()),
                        tags.getOrDefault(t.getId(), List.of())))
                .toList();
    }
}
