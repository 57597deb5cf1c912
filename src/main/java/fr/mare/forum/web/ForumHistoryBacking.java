package fr.mare.forum.web;

import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.diff.TextDiff;
import fr.mare.forum.ForumService;
import fr.mare.forum.Post;
import fr.mare.forum.PostRevision;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicLinks;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /historique/{postId}[?de=n&a=m]}: every version of a post, who wrote it and when, and
 * the difference between ANY two versions (by default the last two), with insertions and
 * deletions marked by {@code ins}/{@code del}. Readable by whoever reads the post in full
 * ({@link fr.mare.forum.ForumVisibility}): a pending, hidden or deleted post's versions are
 * nobody else's, and its address answers the same 404 as an unknown id (#10).
 */
@Named
@RequestScoped
public class ForumHistoryBacking {

    /** One version as the page lists it. */
    public record Version(int number, AccountSummary editor, Instant at, String markdown) {
    }

    @Inject
    @Param(pathIndex = 0)
    private Long postId;

    @Inject
    @Param(name = "de")
    private Integer from;

    @Inject
    @Param(name = "a")
    private Integer to;

    @Inject
    private ForumService forum;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private AccountService accounts;

    @Inject
    private Caller caller;

    private Post post;
    private Topic topic;
    private List<Version> versions;
    private String diff;

    public void load() {
        ThreadReading.TopicPost readable = postId == null ? null : threadReading.readablePost(caller, postId).orElse(null);
        if (readable == null) {
            Pages.notFound("Message introuvable");
            return;
        }
        post = readable.post();
        topic = readable.topic();
        List<PostRevision> revisions = threadReading.revisions(post.getId());
        Map<Long, AccountSummary> editors = accounts.summaries(revisions.isEmpty() ? List.of(post.getAuthorId())
                : revisions.stream().map(PostRevision::getEditorId).collect(Collectors.toSet()));
        versions = revisions.isEmpty()
                ? List.of(new Version(1, editors.get(post.getAuthorId()), post.getCreatedAt(), post.getBodyMarkdown()))
                : revisions.stream().map(r -> new Version(r.getNumber(), editors.get(r.getEditorId()), r.getCreatedAt(), r.getBodyMarkdown())).toList();
        int last = versions.size();
        if (to == null || to < 1 || to > last) {
            to = last;
        }
        if (from == null || from < 1 || from > last) {
            from = Math.max(1, to - 1);
        }
        if (from.equals(to)) {
            diff = null;
        } else {
            diff = TextDiff.toHtml(TextDiff.diff(versions.get(from - 1).markdown(), versions.get(to - 1).markdown()));
        }
    }

    public Post getPost() {
        return post;
    }

    public Topic getTopic() {
        return topic;
    }

    public String getTopicLink() {
        return TopicLinks.of(topic) + "?message=" + post.getId();
    }

    public List<Version> getVersions() {
        return versions;
    }

    public int getFrom() {
        return from;
    }

    public int getTo() {
        return to;
    }

    /** The difference as HTML built by {@link TextDiff} (every piece of text escaped), or null. */
    public String getDiff() {
        return diff;
    }
}
