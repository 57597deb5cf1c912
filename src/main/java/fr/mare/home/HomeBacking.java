package fr.mare.home;

import fr.mare.account.Account;
import fr.mare.account.AccountService;
import fr.mare.forum.Category;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.ForumService;
import fr.mare.forum.TopicFilter;
import fr.mare.forum.TopicLists;
import fr.mare.forum.web.TopicRow;
import fr.mare.forum.web.TopicRows;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The home page: a welcome, the latest active topics, the categories, the newest members. */
@Named
@RequestScoped
public class HomeBacking {

    private static final int NEWEST = 12;
    private static final int LATEST_TOPICS = 20;

    @Inject
    private AccountService accounts;


    @Inject
    private ForumService forum;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private TopicLists topicLists;

    @Inject
    private TopicRows rows;

    private List<TopicRow> latestTopics;
    private List<Account> newestMembers;
    private Long memberCount;

    public List<TopicRow> getLatestTopics() {
        if (latestTopics == null) {
            latestTopics = rows.of(topicLists.topics(null, TopicFilter.ALL, null, LATEST_TOPICS).topics());
        }
        return latestTopics;
    }

    public List<Category> getCategories() {
        return forumCategories.categories();
    }

    public List<Account> getNewestMembers() {
        if (newestMembers == null) {
            newestMembers = accounts.newest(NEWEST);
        }
        return newestMembers;
    }

    public long getMemberCount() {
        if (memberCount == null) {
            memberCount = accounts.count();
        }
        return memberCount;
    }
}
