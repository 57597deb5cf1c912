package fr.mare.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/** Checks every {@link DiffResult} invariant that holds whatever the input. */
final class DiffChecks {

    private DiffChecks() {
    }

    /**
     * The result lists every old line once and every new line once, in order, and each side reads
     * back as the (normalized) text it came from.
     */
    static void assertConsistent(String before, String after, DiffResult result) {
        List<String> oldLines = new ArrayList<>();
        List<String> newLines = new ArrayList<>();
        for (DiffLine line : result.lines()) {
            if (line.oldNumber() > 0) {
                assertEquals(oldLines.size() + 1, line.oldNumber(), () -> "old numbering at " + line);
                oldLines.add(line.oldText());
            }
            if (line.newNumber() > 0) {
                assertEquals(newLines.size() + 1, line.newNumber(), () -> "new numbering at " + line);
                newLines.add(line.newText());
            }
            if (line.kind() == DiffLine.Kind.CHANGED) {
                assertNotEquals(line.oldText(), line.newText(), "a CHANGED line changes");
            }
        }
        assertEquals(TextDiff.lines(TextDiff.normalize(before)), oldLines, "old side");
        assertEquals(TextDiff.lines(TextDiff.normalize(after)), newLines, "new side");
        boolean allSame = result.lines().stream().allMatch(l -> l.kind() == DiffLine.Kind.SAME);
        assertEquals(allSame, result.identical(), "identical iff every line is SAME");
        if (result.identical()) {
            assertEquals(0, result.insertedWords());
            assertEquals(0, result.deletedWords());
        }
    }

    static DiffResult diffChecked(String before, String after) {
        DiffResult result = TextDiff.diff(before, after);
        assertConsistent(before, after, result);
        return result;
    }

    static long count(DiffResult result, DiffLine.Kind kind) {
        return result.lines().stream().filter(l -> l.kind() == kind).count();
    }

    static void assertNoneChanged(DiffResult result) {
        assertTrue(result.lines().stream().noneMatch(l -> l.kind() == DiffLine.Kind.CHANGED));
    }

    static Segment eq(String text) {
        return new Segment(Segment.Op.EQUAL, text);
    }

    static Segment del(String text) {
        return new Segment(Segment.Op.DELETE, text);
    }

    static Segment ins(String text) {
        return new Segment(Segment.Op.INSERT, text);
    }

    static DiffLine same(int oldNumber, int newNumber, String text) {
        return new DiffLine(DiffLine.Kind.SAME, oldNumber, newNumber, List.of(eq(text)));
    }

    static DiffLine added(int newNumber, String text) {
        return new DiffLine(DiffLine.Kind.ADDED, 0, newNumber, List.of(ins(text)));
    }

    static DiffLine removed(int oldNumber, String text) {
        return new DiffLine(DiffLine.Kind.REMOVED, oldNumber, 0, List.of(del(text)));
    }

    static DiffLine changed(int oldNumber, int newNumber, Segment... segments) {
        return new DiffLine(DiffLine.Kind.CHANGED, oldNumber, newNumber, List.of(segments));
    }
}
