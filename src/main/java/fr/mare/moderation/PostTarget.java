package fr.mare.moderation;

import fr.mare.account.Caller;
import fr.mare.forum.ForumModeration;
import fr.mare.forum.ForumService;
import fr.mare.forum.Post;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicLinks;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** A post of a discussion (the question included). */
@ApplicationScoped
class PostTarget implements ModerationTarget {

    @Inject
    private ForumService forum;

    @Inject
    private ForumModeration forumModeration;

    @Inject
    private ThreadReading threadReading;

    @Override
    public String type() {
        return "post";
    }

    /** A member reports what they read in full (ForumVisibility, #10): the report page shows an excerpt. */
    @Override
    public boolean readableBy(Caller me, long id) {
        return threadReading.readablePost(me, id).isPresent();
    }

    @Override
    public Optional<TargetView> find(long id) {
        return threadReading.post(id).map(post -> {
            Topic topic = threadReading.topic(post.getTopicId()).orElseThrow();
            Set<ActionKind> actions = EnumSet.noneOf(ActionKind.class);
            if (post.isPending()) {
                actions.add(ActionKind.APPROVE);
                actions.add(ActionKind.REJECT);
            }
            if (!post.isDeleted()) {
                actions.add(post.isHidden() ? ActionKind.RESTORE : ActionKind.HIDE);
                actions.add(ActionKind.EDIT);
                if (!post.isQuestion()) {
                    actions.add(ActionKind.DELETE);
                }
            }
            String label = topic.getTitle() + " — " + Texts.excerpt(post.getBodyHtml(), 120);
            return new TargetView(type(), id, label, post.getBodyHtml(), post.getBodyMarkdown(), post.getAuthorId(),
                    TopicLinks.of(topic) + "?message=" + id, post.isHidden(), post.getHiddenReason(), post.isDeleted(),
                    post.isPending(), Set.copyOf(actions));
        });
    }

    @Override
    public Change apply(Caller me, long id, ActionKind action, String reason, String parameter) {
        switch (action) {
            case HIDE, AUTO_HIDE -> forumModeration.hidePost(me, id, reason);
            case RESTORE -> forumModeration.restorePost(me, id);
            case DELETE -> forum.delete(me, id);
            case REJECT -> forumModeration.rejectPost(me, id, reason);
            case APPROVE -> forumModeration.approvePost(me, id);
            case EDIT -> {
                String before = threadReading.post(id).map(Post::getBodyMarkdown).orElse("");
                forum.edit(me, id, parameter == null ? "" : parameter);
                return new Change(before, parameter, "");
            }
            default -> throw new BusinessException("moderation.action.unsupported", null);
        }
        return Change.NONE;
    }
}
