package fr.mare.notification.web;

import fr.mare.notification.NotificationKind;

import java.time.Instant;

/** One line of the notifications page: its sentence, the post it links to, when, and whether it is unread. */
public record NotificationRow(long id, NotificationKind kind, String text, String link, Instant at, boolean unread) {

    /** The row's link: through {@link NotificationOpenServlet}, which marks it read on the way (#14). */
    public String openLink() {
        return NotificationOpenServlet.link(id, link);
    }
}
