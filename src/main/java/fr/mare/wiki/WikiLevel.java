package fr.mare.wiki;

import java.util.Locale;
import java.util.Optional;

/** How much a reader needs to know already; its label is {@code wiki.level.CONSTANT}. */
public enum WikiLevel {
    DEBUTANT, INTERMEDIAIRE, AVANCE;

    /** The value in addresses ({@code ?niveau=debutant}). */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WikiLevel> fromParam(String value) {
        for (WikiLevel level : values()) {
            if (level.param().equals(value)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
