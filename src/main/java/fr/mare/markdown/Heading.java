package fr.mare.markdown;

import java.util.Objects;

/**
 * One heading of a rendered text, for a table of contents. {@code anchor} is exactly the
 * {@code id} the heading carries in {@link Rendered#html()} (always with the {@code h-} prefix,
 * so it never collides with an id of Mare's own page), hence {@code "#" + anchor} always lands.
 *
 * @param level 1 to 6, as in {@code h1}..{@code h6}
 * @param text the heading's visible text, whitespace-normalised
 * @param anchor the heading's id in the rendered HTML
 */
public record Heading(int level, String text, String anchor) {

    public Heading {
        if (level < 1 || level > 6) {
            throw new IllegalArgumentException("heading level must be 1..6: " + level);
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(anchor, "anchor");
    }
}
