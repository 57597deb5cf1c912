package fr.mare.forum;

import java.time.Instant;
import java.util.Optional;

/**
 * Keyset position in a topic list, ordered by last activity then id, both descending. Written
 * in URLs as {@code <epoch micros>-<id>} ({@code ?apres=…}), so a page is a shareable link and
 * no query ever uses OFFSET.
 */
public record TopicCursor(Instant lastActivityAt, long id) {

    public String toParameter() {
        long micros = lastActivityAt.getEpochSecond() * 1_000_000 + lastActivityAt.getNano() / 1_000;
        return micros + "-" + id;
    }

    public static Optional<TopicCursor> parse(String value) {
        if (value == null || !value.matches("\\d{1,19}-\\d{1,19}")) {
            return Optional.empty();
        }
        String[] parts = value.split("-");
        try {
            long micros = Long.parseLong(parts[0]);
            return Optional.of(new TopicCursor(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000),
                    Long.parseLong(parts[1])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
