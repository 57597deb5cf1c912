package fr.mare.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The word-level comparison of one old line with the new line it was edited into.
 * <p>
 * Both lines are cut into {@link Tokens}, and a shortest edit script over the tokens says which
 * ones were kept, deleted and inserted. Edits are then grouped for reading: within a run of edits,
 * everything deleted comes first as one segment, then everything inserted, and a short piece of
 * kept text squeezed between two edits, no longer than the larger side of each of them
 * (typically a space, a comma or a short word such as "de"), is shown as deleted and inserted
 * rather than kept. Without this, "le petit chat" → "le gros chien" reads as
 * <i>le [petit→gros] [chat→chien]</i> with a kept space in the middle; with it, as
 * <i>le [petit chat→gros chien]</i>. This is the "semantic cleanup" idea of Neil Fraser's
 * diff-match-patch, in one stack pass, so it stays linear.
 * <p>
 * Word counts are taken from the edit script before grouping: they count the words that really
 * changed, not the words a group shows for readability.
 */
final class WordDiff {

    /** Most word edits searched for in one pair of lines (see {@link EditScript} for the memory). */
    static final int MAX_EDITS = 2_000;

    record Result(List<Segment> segments, int insertedWords, int deletedWords) {
    }

    /** A run of kept tokens, or of edited ones: a range of the old line and one of the new line. */
    private static final class Part {
        final boolean edit;
        final int oldFrom;
        final int newFrom;
        int oldTo;
        int newTo;

        Part(boolean edit, int oldFrom, int newFrom) {
            this.edit = edit;
            this.oldFrom = oldFrom;
            this.oldTo = oldFrom;
            this.newFrom = newFrom;
            this.newTo = newFrom;
        }

        int oldLength() {
            return oldTo - oldFrom;
        }

        int largerSide() {
            return Math.max(oldTo - oldFrom, newTo - newFrom);
        }
    }

    private WordDiff() {
    }

    /**
     * Compares two different lines. When the token search is over budget, the pair keeps its common
     * token prefix and suffix and shows the rest as one deletion and one insertion.
     */
    static Result compare(String oldLine, String newLine, Symbols symbols, EditScript.Budget budget) {
        Tokens oldTokens = Tokens.of(oldLine);
        Tokens newTokens = Tokens.of(newLine);
        int[] a = ids(oldTokens, symbols);
        int[] b = ids(newTokens, symbols);
        byte[] script = EditScript.shortest(a, b, MAX_EDITS, budget);
        if (script == null) {
            script = EditScript.coarse(a, b);
        }

        List<Part> parts = new ArrayList<>();
        int inserted = 0;
        int deleted = 0;
        int i = 0;
        int j = 0;
        for (byte op : script) {
            boolean edit = op != EditScript.EQUAL;
            Part last = parts.isEmpty() ? null : parts.getLast();
            if (last == null || last.edit != edit) {
                last = new Part(edit, oldTokens.start(i), newTokens.start(j));
                parts.add(last);
            }
            if (op != EditScript.INSERT) {
                if (op == EditScript.DELETE && oldTokens.isWord(i)) {
                    deleted++;
                }
                last.oldTo = oldTokens.end(i++);
            }
            if (op != EditScript.DELETE) {
                if (op == EditScript.INSERT && newTokens.isWord(j)) {
                    inserted++;
                }
                last.newTo = newTokens.end(j++);
            }
        }

        List<Segment> segments = new ArrayList<>();
        for (Part part : absorbShortEqualities(parts)) {
            if (!part.edit) {
                segments.add(new Segment(Segment.Op.EQUAL, oldLine.substring(part.oldFrom, part.oldTo)));
                continue;
            }
            if (part.oldTo > part.oldFrom) {
                segments.add(new Segment(Segment.Op.DELETE, oldLine.substring(part.oldFrom, part.oldTo)));
            }
            if (part.newTo > part.newFrom) {
                segments.add(new Segment(Segment.Op.INSERT, newLine.substring(part.newFrom, part.newTo)));
            }
        }
        return new Result(segments, inserted, deleted);
    }

    private static int[] ids(Tokens tokens, Symbols symbols) {
        int[] ids = new int[tokens.count()];
        for (int t = 0; t < ids.length; t++) {
            ids[t] = symbols.id(tokens.text(t));
        }
        return ids;
    }

    /**
     * Merges edit, short equality, edit into one edit. Parts alternate (kept, edited, kept, …), and
     * every range is contiguous in its line, so a merge only moves the first edit's ends: the merged
     * deletion is exactly the old text from the first edit to the second, likewise the insertion.
     * After a merge the grown edit may now swallow the equality before it, hence the loop.
     */
    private static List<Part> absorbShortEqualities(List<Part> parts) {
        List<Part> out = new ArrayList<>(parts.size());
        for (Part part : parts) {
            out.add(part);
            while (out.size() >= 3) {
                Part second = out.get(out.size() - 1);
                Part equality = out.get(out.size() - 2);
                Part first = out.get(out.size() - 3);
                if (!second.edit || equality.edit
                        || equality.oldLength() > first.largerSide()
                        || equality.oldLength() > second.largerSide()) {
                    break;
                }
                first.oldTo = second.oldTo;
                first.newTo = second.newTo;
                out.removeLast();
                out.removeLast();
            }
        }
        return out;
    }
}
