package fr.mare.notification;

import java.util.List;

/** One page of a member's notifications, newest first, and where the next (older) page starts, or null. */
public record NotificationPage(List<Notification> notifications, NotificationCursor next) {
}
