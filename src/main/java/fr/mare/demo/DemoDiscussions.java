package fr.mare.demo;

import fr.mare.forum.ForumService;
import fr.mare.forum.Post;
import fr.mare.forum.Topic;
import fr.mare.platform.PinnableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Demo discussions, written for Mare ({@code fr/mare/demo/sujets/}, read by {@link DemoScript}):
 * real questions of small associations on their Nextcloud space, solved, unsolved and unanswered,
 * with threaded answers, quotes, thanks, solutions and edits, spread over eighteen months.
 * Everything goes through {@link ForumService}, acting as the demo members, each write at the
 * date the script gives it ({@link PinnableClock}).
 */
@ApplicationScoped
class DemoDiscussions {

    @Inject
    private ForumService forum;

    @Inject
    private DemoCallers callers;

    /**
     * Writes every discussion; returns the ids, by file name for topics and by
     * {@code file#message} for posts, so that the moderation and the tutorials can point at them.
     */
    Map<String, Long> load(ZonedDateTime now) {
        Map<String, Long> ids = new HashMap<>();
        for (DemoScript.Topic script : DemoScript.topics()) {
            Topic topic = PinnableClock.at(script.when().at(now), () -> forum.createTopic(callers.as(script.author()),
                    script.category(), script.title(), script.body(), script.tags()));
            long topicId = topic.getId();
            ids.put(script.name(), topicId);
            Map<String, Post> posts = new HashMap<>();
            for (DemoScript.Step step : script.steps()) {
                Instant at = step.when().at(now);
                switch (step) {
                    case DemoScript.Reply reply -> {
                        Long parent = reply.parent() == null ? null : posts.get(reply.parent()).getId();
                        Post post = PinnableClock.at(at, () -> forum.reply(callers.as(reply.author()), topicId, parent, reply.body()));
                        posts.put(reply.id(), post);
                        ids.put(script.name() + "#" + reply.id(), post.getId());
                        Instant later = min(at.plus(Duration.ofHours(2)), now.toInstant());
                        for (String member : reply.thanks()) {
                            PinnableClock.at(later, () -> forum.like(callers.as(member), topicId, post.getId()));
                        }
                    }
                    case DemoScript.Edit edit -> {
                        Post post = posts.get(edit.target());
                        String author = authorOf(script, edit.target());
                        PinnableClock.at(at, () -> forum.edit(callers.as(author), topicId, post.getId(), edit.body()));
                    }
                }
            }
            if (script.solution() != null) {
                long solution = posts.get(script.solution()).getId();
                PinnableClock.at(script.solvedAt().at(now), () -> forum.markSolution(callers.as(script.author()), topicId, solution));
            }
        }
        return ids;
    }

    private static String authorOf(DemoScript.Topic script, String replyId) {
        return script.replies().stream().filter(r -> r.id().equals(replyId)).findFirst().orElseThrow().author();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
