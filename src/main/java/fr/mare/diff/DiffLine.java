package fr.mare.diff;

import java.util.List;
import java.util.Objects;

/**
 * One row of a diff: a line of the old version, of the new version, or of both.
 * <p>
 * Invariants, checked on construction so a renderer can rely on them:
 * <ul>
 * <li>line numbers start at 1; {@code 0} means "this version has no such line": {@link Kind#SAME}
 * and {@link Kind#CHANGED} have both numbers, {@link Kind#REMOVED} only {@code oldNumber},
 * {@link Kind#ADDED} only {@code newNumber};</li>
 * <li>{@code SAME}, {@code REMOVED} and {@code ADDED} lines have exactly one segment, whose op is
 * {@code EQUAL}, {@code DELETE} or {@code INSERT} respectively and whose text is the whole line
 * (possibly empty, for a blank line);</li>
 * <li>{@code CHANGED} lines have at least one segment, none empty, no two neighbours with the same
 * op; the {@code EQUAL} and {@code DELETE} texts, in order, spell the old line and the
 * {@code EQUAL} and {@code INSERT} texts spell the new line (see {@link #oldText()},
 * {@link #newText()}).</li>
 * </ul>
 * Lines never carry their line terminator.
 *
 * @param kind      how the line differs between versions
 * @param oldNumber 1-based line number in the old version, or 0 when absent
 * @param newNumber 1-based line number in the new version, or 0 when absent
 * @param segments  the line's text, cut where the versions differ; unmodifiable
 */
public record DiffLine(Kind kind, int oldNumber, int newNumber, List<Segment> segments) {

    /** How a line differs between the two versions. */
    public enum Kind {
        /** In both versions, unchanged. */
        SAME,
        /** Only in the new version. */
        ADDED,
        /** Only in the old version. */
        REMOVED,
        /** An old line edited into a new one: its segments show the words that changed. */
        CHANGED
    }

    public DiffLine {
        Objects.requireNonNull(kind, "kind");
        segments = List.copyOf(segments);
        boolean hasOld = kind != Kind.ADDED;
        boolean hasNew = kind != Kind.REMOVED;
        if (hasOld ? oldNumber < 1 : oldNumber != 0) {
            throw new IllegalArgumentException(kind + " line with old number " + oldNumber);
        }
        if (hasNew ? newNumber < 1 : newNumber != 0) {
            throw new IllegalArgumentException(kind + " line with new number " + newNumber);
        }
        if (kind == Kind.CHANGED) {
            if (segments.isEmpty()) {
                throw new IllegalArgumentException("CHANGED line without segments");
            }
            Segment.Op previous = null;
            for (Segment s : segments) {
                if (s.text().isEmpty() || s.op() == previous) {
                    throw new IllegalArgumentException("CHANGED segments must be non-empty and alternate: " + segments);
                }
                previous = s.op();
            }
        } else {
            Segment.Op expected = switch (kind) {
                case SAME -> Segment.Op.EQUAL;
                case ADDED -> Segment.Op.INSERT;
                default -> Segment.Op.DELETE;
            };
            if (segments.size() != 1 || segments.getFirst().op() != expected) {
                throw new IllegalArgumentException(kind + " line needs exactly one " + expected + " segment: " + segments);
            }
        }
    }

    /** The line as the old version has it, or {@code ""} when {@link #oldNumber()} is 0. */
    public String oldText() {
        return text(Segment.Op.DELETE);
    }

    /** The line as the new version has it, or {@code ""} when {@link #newNumber()} is 0. */
    public String newText() {
        return text(Segment.Op.INSERT);
    }

    private String text(Segment.Op side) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (s.op() == Segment.Op.EQUAL || s.op() == side) {
                sb.append(s.text());
            }
        }
        return sb.toString();
    }
}
