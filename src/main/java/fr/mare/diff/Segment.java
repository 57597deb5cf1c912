package fr.mare.diff;

import java.util.Objects;

/**
 * A piece of one line in a {@link DiffLine}: text both versions share, or text only the old
 * version has, or text only the new version has.
 * <p>
 * Segments are always cut at word boundaries (see {@link TextDiff}), never inside a word, so a
 * reader sees {@code chat} → {@code chien}, never {@code ch[at→ien]}.
 *
 * @param op   whether the text is in both versions, only in the new one, or only in the old one
 * @param text the raw text (user content, never escaped); never {@code null}
 */
public record Segment(Op op, String text) {

    /** Where a segment's text lives. */
    public enum Op {
        /** In both versions. */
        EQUAL,
        /** Only in the new version. */
        INSERT,
        /** Only in the old version. */
        DELETE
    }

    public Segment {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(text, "text");
    }
}
