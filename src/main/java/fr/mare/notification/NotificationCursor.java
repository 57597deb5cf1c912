package fr.mare.notification;

import java.time.Instant;
import java.util.Optional;

/**
 * Keyset position in a member's notifications, ordered by latest event then id, both descending.
 * Written in URLs as {@code <epoch micros>-<id>} ({@code /notifications?avant=…}): no OFFSET, and
 * new notifications arriving meanwhile do not shift the older pages.
 */
public record NotificationCursor(Instant lastEventAt, long id) {

    public static NotificationCursor after(Notification last) {
        return new NotificationCursor(last.getLastEventAt(), last.getId());
    }

    public String toParameter() {
        long micros = lastEventAt.getEpochSecond() * 1_000_000 + lastEventAt.getNano() / 1_000;
        return micros + "-" + id;
    }

    public static Optional<NotificationCursor> parse(String value) {
        if (value == null || !value.matches("\\d{1,18}-\\d{1,18}")) {
            return Optional.empty();
        }
        String[] parts = value.split("-");
        long micros = Long.parseLong(parts[0]);
        return Optional.of(new NotificationCursor(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000),
                Long.parseLong(parts[1])));
    }
}
