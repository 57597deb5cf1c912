package fr.mare.forum;

import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import fr.mare.platform.Retryable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Moderation's actions on discussions (#6, #16): each method checks that the caller is a
 * moderator; the moderation package journals the action and tells the people concerned. Only
 * moderation calls these (hide and restore stay the forum's own, ADR 0018).
 */
@Retryable
@ApplicationScoped
@Transactional
public class ForumModeration {

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AccountService accounts;

    @Inject
    private ForumCategories categories;

    @Inject
    private ForumService posting;

    @Inject
    private PostBodies bodies;

    /** Hides a post from readers, who see the reason instead; its author and moderation still see it. */
    public Post hidePost(Caller me, long postId, String reason) {
        me.requireModerator();
        Post post = posting.existingPost(postId);
        post.hide(me.accountId(), reason, clock.instant());
        return post;
    }

    public Post restorePost(Caller me, long postId) {
        me.requireModerator();
        Post post = posting.existingPost(postId);
        post.restore();
        return post;
    }

    /** Hides a whole topic: out of the lists, and its page shows the reason instead of the discussion. */
    public Topic hideTopic(Caller me, long topicId, String reason) {
        me.requireModerator();
        Topic topic = posting.existingTopic(topicId);
        topic.hide(me.accountId(), reason, clock.instant());
        return topic;
    }

    public Topic restoreTopic(Caller me, long topicId) {
        me.requireModerator();
        Topic topic = posting.existingTopic(topicId);
        topic.restore();
        return topic;
    }

    /** Locks (only moderation may reply) or unlocks a topic. */
    public Topic lockTopic(Caller me, long topicId, boolean locked) {
        me.requireModerator();
        Topic topic = posting.existingTopic(topicId);
        topic.lock(locked);
        return topic;
    }

    /** Moves a topic to another category; its address stays the same. */
    public Topic moveTopic(Caller me, long topicId, String categorySlug) {
        me.requireModerator();
        Topic topic = posting.existingTopic(topicId);
        Category category = categories.category(categorySlug == null ? "" : categorySlug)
                .orElseThrow(() -> new BusinessException("forum.category.required", "category"));
        topic.moveTo(category.getId());
        return topic;
    }

    /** Approves a newcomer's pending post: it becomes visible to everyone. */
    public Post approvePost(Caller me, long postId) {
        me.requireModerator();
        Post seen = em.find(Post.class, postId);
        if (seen == null) {
            throw new BusinessException("forum.post.unknown", null);
        }
        // The lock order of every forum write: account, topic, post (#17).
        accounts.lockForWrite(seen.getAuthorId());
        posting.existingTopic(seen.getTopicId());
        Post post = posting.existingPost(postId);
        if (!post.isPending()) {
            return post;
        }
        post.approve();
        accounts.postApproved(post.getAuthorId());
        Topic topic = posting.existingTopic(post.getTopicId());
        if (post.isQuestion()) {
            topic.approve();
            bodies.fireMentions(topic.getId(), post);
        } else {
            topic.replied(clock.instant());
            Post parent = em.find(Post.class, post.getParentId());
            posting.announceReply(topic.getId(), post, parent.getAuthorId());
        }
        return post;
    }

    /** Rejects a pending post: deleted softly (a rejected question hides its topic too). */
    public Post rejectPost(Caller me, long postId, String reason) {
        me.requireModerator();
        Post post = posting.existingPost(postId);
        post.delete(clock.instant());
        if (post.isQuestion()) {
            posting.existingTopic(post.getTopicId()).hide(me.accountId(), reason, clock.instant());
        }
        return post;
    }
}
