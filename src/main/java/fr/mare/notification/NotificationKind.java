package fr.mare.notification;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why a member is notified. Stored by name ({@code notification.kind}, checked by the database);
 * each has its sentence {@code notification.text.<NAME>} in the bundle.
 */
public enum NotificationKind {

    /** A reply to the member's question (the topic's root post). */
    TOPIC_REPLY,

    /** A reply to one of the member's replies. */
    POST_REPLY,

    /** A new reply in a topic the member follows, to someone else's post. */
    WATCHED_REPLY,

    /** The member was named with {@code @nom} in a new post. */
    MENTION,

    /** The member's reply was chosen as the solution of its topic. */
    SOLUTION,

    /** « Merci » for the member's post: one unread notification per post, counting the thanks. */
    LIKE,

    /** Anything else a feature tells a member ({@link Notice}): its sentence and link are stored with it. */
    NOTICE;

    /** The kinds that tell of a new post: a member gets at most one of them per post. */
    static final Set<NotificationKind> NEW_POST = EnumSet.of(TOPIC_REPLY, POST_REPLY, WATCHED_REPLY, MENTION);

    /**
     * Which of two notifications of the same new post a member keeps: a reply to their own post
     * says most, then a mention, then « … replied in a topic you follow ».
     */
    boolean outranks(NotificationKind other) {
        return rank() > other.rank();
    }

    private int rank() {
        return switch (this) {
            case TOPIC_REPLY, POST_REPLY -> 3;
            case MENTION -> 2;
            case WATCHED_REPLY -> 1;
            case SOLUTION, LIKE, NOTICE -> 0;
        };
    }
}
