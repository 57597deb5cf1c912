package fr.mare.notification;

/**
 * The sentence of a notification, as a bundle key and its MessageFormat arguments: {0} who acted
 * (their display name), {1} the topic's title, {2} how many others also said « merci » (grouped
 * likes: « Karim et 2 autres ont dit merci pour votre message »). Pure, so it is unit-tested.
 */
public record NotificationText(String key, Object[] arguments) {

    public NotificationText {
        arguments = arguments.clone();
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    /** A notice's sentence: its own key, with {0} who acted, {1} its subject, {2} its detail (empty when absent). */
    public static NotificationText ofNotice(String textKey, String actorName, String subject, String detail) {
        return new NotificationText(textKey, new Object[] {actorName, subject == null ? "" : subject, detail == null ? "" : detail});
    }

    public static NotificationText of(NotificationKind kind, String actorName, int actorCount, String topicTitle) {
        int others = Math.max(0, actorCount - 1);
        return new NotificationText("notification.text." + kind.name(), new Object[] {actorName, topicTitle, others});
    }
}
