package fr.mare.forum;

import fr.mare.account.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

/**
 * The one rule of who reads what in discussions (#10): every read path — pages, history and
 * diffs, feeds, notifications, other features — asks {@link #of} for one item, and every query
 * that lists topics or posts embeds one of the JPQL fragments below, written next to the rule so
 * that a list and a single-item check cannot disagree.
 * <ul>
 * <li>Pending (a newcomer's post awaiting approval, or the topic of such a question): exists only
 * for its author and moderation; for anyone else it is {@link Access#NONE}, answered like an
 * unknown id (the same 404).</li>
 * <li>Hidden by moderation: its author and moderation read it; others get {@link Access#NOTICE},
 * « Masqué par la modération : raison », never its text nor its older versions.</li>
 * <li>Deleted (soft): {@link Access#NOTICE} for everyone, « Message supprimé » — moderation reads
 * the text in its own pages, not through the public ones.</li>
 * <li>A post is never more readable than its topic.</li>
 * </ul>
 * Lists, feeds and other features' summaries (contributions, linked discussions) show what
 * everyone may read in full ({@link #PUBLIC_TOPIC}, {@link #PUBLIC_POST}): a reader finds their
 * own pending or hidden content by its address, moderation by its queue.
 */
@ApplicationScoped
public class ForumVisibility {

    /** How much of an item a caller reads. */
    public enum Access {
        /** Does not exist for this caller: 404, like an unknown id. */
        NONE,
        /** Its place only, with the moderation or deletion notice: no text, no versions. */
        NOTICE,
        /** Everything: text, history, quotes. */
        FULL
    }

    /** JPQL, a topic aliased {@code t} that everyone reads in full. */
    public static final String PUBLIC_TOPIC = "t.moderation.hiddenAt IS NULL AND t.pending = FALSE";

    /** JPQL, a post aliased {@code p} that everyone reads in full (its topic checked apart, with {@link #PUBLIC_TOPIC}). */
    public static final String PUBLIC_POST = "p.deletedAt IS NULL AND p.moderation.hiddenAt IS NULL AND p.pending = FALSE";

    /**
     * JPQL to append to a condition: the posts aliased {@code p} a thread page lists for this
     * caller (deleted and hidden ones keep their place, shown as their notice; pending ones only
     * for their author and moderation). Its parameter is set by {@link #bindThread}.
     */
    static String threadPost(Caller caller) {
        return caller.moderator() ? "" : " AND (p.pending = FALSE OR p.authorId = :viewer)";
    }

    static <Q extends Query> Q bindThread(Q query, Caller caller) {
        if (!caller.moderator()) {
            query.setParameter("viewer", caller.isAnonymous() ? -1L : caller.accountId());
        }
        return query;
    }

    /** Sees hidden or pending content as it is: its author, or moderation. */
    static boolean seesHidden(Caller caller, long authorId) {
        return caller.moderator() || caller.is(authorId);
    }

    public Access of(Caller caller, Topic topic) {
        if (topic == null) {
            return Access.NONE;
        }
        boolean insider = seesHidden(caller, topic.getAuthorId());
        if (topic.isPending() && !insider) {
            return Access.NONE;
        }
        return topic.isHidden() && !insider ? Access.NOTICE : Access.FULL;
    }

    /** A post of this topic (the caller's view of the topic bounds its view of the post). */
    public Access of(Caller caller, Topic topic, Post post) {
        Access ofTopic = of(caller, topic);
        if (post == null || ofTopic == Access.NONE || !post.getTopicId().equals(topic.getId())) {
            return Access.NONE;
        }
        boolean insider = seesHidden(caller, post.getAuthorId());
        if (post.isPending() && !insider) {
            return Access.NONE;
        }
        if (post.isDeleted() || ofTopic == Access.NOTICE || (post.isHidden() && !insider)) {
            return Access.NOTICE;
        }
        return Access.FULL;
    }

    public boolean canRead(Caller caller, Topic topic) {
        return of(caller, topic) == Access.FULL;
    }

    public boolean canRead(Caller caller, Topic topic, Post post) {
        return of(caller, topic, post) == Access.FULL;
    }

    /** Whether everyone reads this topic in full: what lists and feeds may show ({@link #PUBLIC_TOPIC}). */
    public boolean isPublic(Topic topic) {
        return canRead(fr.mare.account.Caller.ANONYMOUS, topic);
    }

    /** Whether the address of this topic answers (with the notice when hidden), rather than 404. */
    public boolean exists(Caller caller, Topic topic) {
        return of(caller, topic) != Access.NONE;
    }
}
