package fr.mare.forum;

import java.util.Set;

/**
 * What happened in discussions, fired by {@link ForumService} inside the transaction and meant
 * to be observed after it commits ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}),
 * e.g. by notifications. Ids only: observers ask the services for anything else.
 */
public sealed interface ForumEvent {

    long topicId();

    /** A reply was published. {@code watchers}: who follows the topic, the replier excluded. */
    record ReplyPosted(long topicId, long postId, long replierId, long parentAuthorId, Set<Long> watchers) implements ForumEvent {
    }

    /** Members named with {@code @nom} in a new post (its author excluded). */
    record MembersMentioned(long topicId, long postId, long authorId, Set<Long> mentioned) implements ForumEvent {
    }

    /** A reply was chosen as the solution. */
    record SolutionMarked(long topicId, long postId, long solutionAuthorId, long markedById) implements ForumEvent {
    }

    /**
     * A newcomer's post is held for approval (#6): moderation queues it. Fired synchronously
     * (observers run inside the transaction); no reply or mention event is fired until approval.
     */
    record PostHeld(long topicId, long postId, long authorId) implements ForumEvent {
    }

    /** Someone said « merci » for a post. */
    record PostLiked(long topicId, long postId, long postAuthorId, long likerId) implements ForumEvent {
    }
}
