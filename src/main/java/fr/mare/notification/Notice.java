package fr.mare.notification;

import java.util.Objects;

/**
 * Something to tell one member that is not about a forum post: an invitation to a collective, a
 * contact message, a moderation decision. A feature fires it as a CDI event inside its own
 * transaction ({@code @Inject Event<Notice>}); {@link NotificationService} writes it after that
 * transaction commits, so a rolled-back action tells nobody anything.
 *
 * @param recipientId who is told
 * @param actorId     who acted, or null for an automatic decision (shown as « Mare »); a member is
 *                    never told of their own action (such a notice is dropped)
 * @param textKey     the bundle key of the sentence; its MessageFormat arguments are {0} the actor's
 *                    display name, {1} {@code subject}, {2} {@code detail} (so its apostrophes are
 *                    doubled)
 * @param subject     what it is about, as shown (a collective's name, a topic's title), or null
 * @param detail      a second text (a moderator's reason), or null
 * @param link        the local path the notice leads to, starting with a single "/"
 */
public record Notice(long recipientId, Long actorId, String textKey, String subject, String detail, String link) {

    static final int SUBJECT_MAX = 300;
    static final int DETAIL_MAX = 500;
    static final int LINK_MAX = 500;

    public Notice {
        Objects.requireNonNull(textKey, "textKey");
        Objects.requireNonNull(link, "link");
        if (!link.startsWith("/") || link.startsWith("//") || link.length() > LINK_MAX) {
            throw new IllegalArgumentException("A notice links to a local path: " + link);
        }
        subject = shorten(subject, SUBJECT_MAX);
        detail = shorten(detail, DETAIL_MAX);
    }

    /** Whether the recipient would be told of their own action (such notices are not written). */
    boolean toSelf() {
        return actorId != null && actorId == recipientId;
    }

    /** Long texts (a reason, a title) are cut with an ellipsis rather than refused: the action is done already. */
    static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
