package fr.mare.moderation;

import fr.mare.account.Caller;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.ForumModeration;
import fr.mare.forum.ForumService;
import fr.mare.forum.Post;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.TopicLinks;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A whole topic: hidden (out of the lists, its page shows the reason), locked, moved. Deleting a
 * topic is hiding it: its replies belong to other people, whom a deletion would silence.
 */
@ApplicationScoped
class TopicTarget implements ModerationTarget {

    @Inject
    private ForumService forum;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private ForumModeration forumModeration;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private fr.mare.forum.ForumVisibility visibility;

    @Override
    public String type() {
        return "topic";
    }

    /** A member reports a topic they read in full (ForumVisibility, #10): the report page shows its title. */
    @Override
    public boolean readableBy(Caller me, long id) {
        return threadReading.topicFor(me, id).filter(t -> visibility.canRead(me, t)).isPresent();
    }

    @Override
    public Optional<TargetView> find(long id) {
        return threadReading.topic(id).map(topic -> {
            Post question = threadReading.question(id);
            Set<ActionKind> actions = EnumSet.of(topic.isHidden() ? ActionKind.RESTORE : ActionKind.HIDE,
                    topic.isLocked() ? ActionKind.UNLOCK : ActionKind.LOCK, ActionKind.MOVE);
            return new TargetView(type(), id, topic.getTitle(), question.getBodyHtml(), null, topic.getAuthorId(),
                    TopicLinks.of(topic), topic.isHidden(), topic.getHiddenReason(), false, question.isPending(), Set.copyOf(actions));
        });
    }

    @Override
    public Change apply(Caller me, long id, ActionKind action, String reason, String parameter) {
        switch (action) {
            case HIDE -> forumModeration.hideTopic(me, id, reason);
            case RESTORE -> forumModeration.restoreTopic(me, id);
            case LOCK -> forumModeration.lockTopic(me, id, true);
            case UNLOCK -> forumModeration.lockTopic(me, id, false);
            case MOVE -> {
                String from = threadReading.topic(id).flatMap(t -> forumCategories.category(t.getCategoryId())).map(c -> c.getSlug()).orElse("");
                forumModeration.moveTopic(me, id, parameter);
                return Change.detail(from + " → " + parameter);
            }
            default -> throw new BusinessException("moderation.action.unsupported", null);
        }
        return Change.NONE;
    }
}
