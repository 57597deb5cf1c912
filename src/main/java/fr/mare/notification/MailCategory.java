package fr.mare.notification;

import java.util.Locale;
import java.util.Optional;

/**
 * What a member chooses to receive by mail, one choice per category (issue #13): a reply to their
 * post, a mention, their reply chosen as solution, a contact message, a moderation decision, an
 * invitation to a collective. « Merci » and replies in followed topics stay in the app only.
 */
public enum MailCategory {

    REPLY(Mode.IMMEDIATE),
    MENTION(Mode.DIGEST),
    SOLUTION(Mode.DIGEST),
    CONTACT(Mode.IMMEDIATE),
    MODERATION(Mode.DIGEST),
    INVITATION(Mode.DIGEST);

    /** How a category's notifications are mailed. */
    public enum Mode {
        /** One mail per notification, as it is written. */
        IMMEDIATE,
        /** In the daily digest, if still unread then. */
        DIGEST,
        /** Never by mail (the app still shows it). */
        NEVER
    }

    private final Mode byDefault;

    MailCategory(Mode byDefault) {
        this.byDefault = byDefault;
    }

    /** The mode of a member who never chose: immediate for replies to one's posts and contact messages, digest for the rest. */
    public Mode byDefault() {
        return byDefault;
    }

    /** The form field and URL name ({@code reply}, {@code contact}…). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MailCategory> parse(String id) {
        for (MailCategory category : values()) {
            if (category.id().equals(id)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** The category of a notification, or empty for those never mailed (« merci », followed topics). */
    static Optional<MailCategory> of(NotificationKind kind, String textKey) {
        return Optional.ofNullable(switch (kind) {
            case TOPIC_REPLY, POST_REPLY -> REPLY;
            case MENTION -> MENTION;
            case SOLUTION -> SOLUTION;
            case WATCHED_REPLY, LIKE -> null;
            case NOTICE -> textKey == null ? null
                    : textKey.startsWith("contact.") ? CONTACT
                    : textKey.startsWith("moderation.") ? MODERATION
                    : textKey.startsWith("directory.notice.invited") || textKey.equals("directory.notice.handedOver") ? INVITATION
                    : null;
        });
    }
}
