package fr.mare.activity;

import fr.mare.account.Account;
import fr.mare.account.web.AccountProfileBacking;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicLinks;
import fr.mare.forum.TopicLists;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Set;

/**
 * The activity part of {@code /u/{username}}: at most {@value #SHOWN} of each kind, newest first,
 * read once per request for the account the profile page loaded.
 */
@Named
@RequestScoped
public class ProfileActivityBacking {

    static final int SHOWN = 5;

    @Inject
    private AccountProfileBacking profile;

    @Inject
    private TopicLists topicLists;

    @Inject
    private WikiService wiki;

    private List<Topic> topics;
    private List<TopicLists.Solution> replies;
    private TopicLists.Solutions solutions;
    private WikiService.Written tutorials;

    private long accountId() {
        Account account = profile.getAccount();
        return account == null ? -1 : account.getId();
    }

    public List<Topic> getTopics() {
        if (topics == null) {
            topics = topicLists.publicTopicsBy(accountId(), SHOWN);
        }
        return topics;
    }

    public List<TopicLists.Solution> getReplies() {
        if (replies == null) {
            replies = topicLists.publicRepliesBy(accountId(), SHOWN);
        }
        return replies;
    }

    public TopicLists.Solutions getSolutions() {
        if (solutions == null) {
            solutions = topicLists.solutionsBy(Set.of(accountId()), SHOWN);
        }
        return solutions;
    }

    public WikiService.Written getTutorials() {
        if (tutorials == null) {
            tutorials = wiki.writtenBy(Set.of(accountId()), SHOWN);
        }
        return tutorials;
    }

    public boolean isWithoutActivity() {
        return getTopics().isEmpty() && getReplies().isEmpty() && getTutorials().total() == 0;
    }

    public String topicLink(Topic topic) {
        return TopicLinks.of(topic);
    }
}
