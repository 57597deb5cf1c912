package fr.mare.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares two versions of a text (the Markdown source of a forum post or of a wiki tutorial) line
 * by line, then word by word inside edited lines, and renders the result as an accessible HTML
 * table.
 * <p>
 * <b>Reading the texts.</b> {@code null} is the empty text. Line endings are normalised
 * ({@code \r\n} and lone {@code \r} become {@code \n}), so a version saved from Windows and one
 * saved from a phone compare as equal. A final line terminator does not start a line:
 * {@code "a\n"} is the one line {@code a}, like {@code "a"}, since browsers add or drop that
 * newline on their own and a diff showing it would show a change nobody made or can see. The
 * empty text has no lines; {@code "\n"} has one, blank.
 * <p>
 * <b>Lines.</b> A shortest line-level edit script ({@link EditScript}: Myers' O(ND) algorithm after
 * trimming the common prefix and suffix) says which lines are unchanged. Each run of removed and
 * added lines between unchanged ones (a hunk) is then paired up ({@link LinePairing}: similar
 * lines first, the rest in order, pairs never crossing): a paired removed and added line become one
 * {@link DiffLine.Kind#CHANGED} line, the others stay {@code REMOVED} or {@code ADDED}.
 * Within a hunk, lines come in line-number order, unpaired removed lines before unpaired added
 * ones.
 * <p>
 * <b>Words.</b> A {@code CHANGED} line is compared token by token ({@link Tokens}: words, including
 * accented letters and inner apostrophes as in {@code l'été}; runs of whitespace; single other
 * characters), so its segments show exactly the words that changed (grouped for reading, see
 * {@link WordDiff}).
 * <p>
 * <b>Bounds.</b> Work is bounded whatever the input, without clocks, so a given pair of texts
 * always gives the same result:
 * <ul>
 * <li>every search of one call draws from one budget of 20 million elementary steps (a few tens
 * of milliseconds), and a search needing more than 2,000 line edits (or 2,000 word edits in one
 * line) gives up;</li>
 * <li>if the line search gives up, the result is coarse but still correct: the common first and
 * last lines are {@code SAME}, every line between them {@code REMOVED} then {@code ADDED}, with no
 * word-level detail; if a word search gives up, that line keeps its common first and last words
 * and shows the rest as one deletion and one insertion;</li>
 * <li>above {@value #MAX_TOTAL_CHARS} characters for both texts together (two sources at the
 * Markdown pipeline's 100,000-character limit still fit), lines are compared but not words: no
 * line is {@code CHANGED}.</li>
 * </ul>
 * Memory is linear in the texts, plus at most about 8 MB of search trace and 1 MB of line-pairing
 * table at any one time. For scale: two versions of a 10,000-word tutorial with a few lines edited
 * compare in about a millisecond.
 * <p>
 * This class holds no state and is safe to call from any thread.
 */
public final class TextDiff {

    /** Above this many characters in both texts together, no word-level comparison is made. */
    public static final int MAX_TOTAL_CHARS = 200_000;

    /** Elementary steps all the searches of one {@link #diff} call may take together. */
    static final long MAX_STEPS = 20_000_000L;

    /** Most line edits searched for; beyond, the line-level result is coarse. */
    static final int MAX_LINE_EDITS = 2_000;

    /** Unchanged lines {@link #toHtml(DiffResult)} shows on each side of a change. */
    public static final int DEFAULT_CONTEXT_LINES = 3;

    private TextDiff() {
    }

    /**
     * Compares {@code before} (the older version) with {@code after}.
     *
     * @param before the old text, or {@code null} for none
     * @param after  the new text, or {@code null} for none
     */
    public static DiffResult diff(String before, String after) {
        String oldText = normalize(before);
        String newText = normalize(after);
        List<String> oldLines = lines(oldText);
        List<String> newLines = lines(newText);
        if (oldLines.equals(newLines)) {
            List<DiffLine> same = new ArrayList<>(oldLines.size());
            for (int n = 0; n < oldLines.size(); n++) {
                same.add(same(n, n, oldLines.get(n)));
            }
            return new DiffResult(same, 0, 0, true);
        }

        EditScript.Budget budget = new EditScript.Budget(MAX_STEPS);
        Symbols lineSymbols = new Symbols();
        int[] a = ids(oldLines, lineSymbols);
        int[] b = ids(newLines, lineSymbols);
        byte[] script = EditScript.shortest(a, b, MAX_LINE_EDITS, budget);
        boolean wordLevel = script != null && (long) oldText.length() + newText.length() <= MAX_TOTAL_CHARS;
        if (script == null) {
            script = EditScript.coarse(a, b);
        }

        Builder builder = new Builder(oldLines, newLines, wordLevel, budget);
        int i = 0;
        int j = 0;
        for (byte op : script) {
            switch (op) {
                case EditScript.EQUAL -> {
                    builder.flushHunk();
                    builder.lines.add(same(i, j, oldLines.get(i)));
                    i++;
                    j++;
                }
                case EditScript.DELETE -> builder.removed.add(i++);
                default -> builder.added.add(j++);
            }
        }
        builder.flushHunk();
        return new DiffResult(builder.lines, builder.insertedWords, builder.deletedWords, false);
    }

    /**
     * Renders {@code result} as an HTML table, showing {@value #DEFAULT_CONTEXT_LINES} unchanged
     * lines around each change; see {@link #toHtml(DiffResult, int)}.
     */
    public static String toHtml(DiffResult result) {
        return toHtml(result, DEFAULT_CONTEXT_LINES);
    }

    /**
     * Renders {@code result} as an HTML {@code <table class="diff">}: a caption for screen readers
     * summing up the change, header cells, then one row per line with its old and new numbers.
     * Deleted text is inside {@code <del>}, inserted text inside {@code <ins>} (struck through
     * and underlined by default, so the change does not rest on colour alone), each announced to
     * screen readers by visually hidden text ({@code class="sr-only"}). Every piece of user text is
     * HTML-escaped; the markup around it is fixed.
     * <p>
     * Unchanged lines further than {@code contextLines} from any change are collapsed, each run into
     * one row « … 12 lignes identiques … »; a run of a single line is shown rather than replaced by a
     * row as long as itself. Use {@code Integer.MAX_VALUE} to show every line.
     *
     * @param contextLines unchanged lines to show before and after each change, 0 or more
     * @throws IllegalArgumentException if {@code contextLines} is negative
     */
    public static String toHtml(DiffResult result, int contextLines) {
        return DiffHtml.render(result, contextLines);
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lines.add(text.substring(start, end));
            start = end + 1;
        }
        return lines;
    }

    private static int[] ids(List<String> lines, Symbols symbols) {
        int[] ids = new int[lines.size()];
        for (int n = 0; n < ids.length; n++) {
            ids[n] = symbols.id(lines.get(n));
        }
        return ids;
    }

    private static DiffLine same(int oldIndex, int newIndex, String text) {
        return new DiffLine(DiffLine.Kind.SAME, oldIndex + 1, newIndex + 1,
                List.of(new Segment(Segment.Op.EQUAL, text)));
    }

    /** Accumulates the result while the line script is walked, one hunk at a time. */
    private static final class Builder {
        final List<String> oldLines;
        final List<String> newLines;
        final boolean wordLevel;
        final EditScript.Budget budget;
        final Symbols wordSymbols = new Symbols();
        final List<DiffLine> lines = new ArrayList<>();
        /** The current hunk's removed (old) and added (new) line indexes, in order. */
        final List<Integer> removed = new ArrayList<>();
        final List<Integer> added = new ArrayList<>();
        int insertedWords;
        int deletedWords;

        Builder(List<String> oldLines, List<String> newLines, boolean wordLevel, EditScript.Budget budget) {
            this.oldLines = oldLines;
            this.newLines = newLines;
            this.wordLevel = wordLevel;
            this.budget = budget;
        }

        void flushHunk() {
            if (removed.isEmpty() && added.isEmpty()) {
                return;
            }
            int[] partner = new int[removed.size()];
            if (wordLevel) {
                partner = LinePairing.pair(texts(removed, oldLines), texts(added, newLines), wordSymbols, budget);
            } else {
                Arrays.fill(partner, -1);
            }
            int nextRemoved = 0;
            int nextAdded = 0;
            for (int r = 0; r < partner.length; r++) {
                if (partner[r] < 0) {
                    continue;
                }
                emitRemoved(nextRemoved, r);
                emitAdded(nextAdded, partner[r]);
                emitPair(removed.get(r), added.get(partner[r]));
                nextRemoved = r + 1;
                nextAdded = partner[r] + 1;
            }
            emitRemoved(nextRemoved, removed.size());
            emitAdded(nextAdded, added.size());
            removed.clear();
            added.clear();
        }

        private void emitRemoved(int from, int to) {
            for (int r = from; r < to; r++) {
                int index = removed.get(r);
                String text = oldLines.get(index);
                deletedWords += Tokens.wordCount(text);
                lines.add(new DiffLine(DiffLine.Kind.REMOVED, index + 1, 0,
                        List.of(new Segment(Segment.Op.DELETE, text))));
            }
        }

        private void emitAdded(int from, int to) {
            for (int a = from; a < to; a++) {
                int index = added.get(a);
                String text = newLines.get(index);
                insertedWords += Tokens.wordCount(text);
                lines.add(new DiffLine(DiffLine.Kind.ADDED, 0, index + 1,
                        List.of(new Segment(Segment.Op.INSERT, text))));
            }
        }

        private void emitPair(int oldIndex, int newIndex) {
            String oldLine = oldLines.get(oldIndex);
            String newLine = newLines.get(newIndex);
            if (oldLine.equals(newLine)) { // a shortest script never pairs equal lines; stay correct anyway
                lines.add(same(oldIndex, newIndex, oldLine));
                return;
            }
            WordDiff.Result words = WordDiff.compare(oldLine, newLine, wordSymbols, budget);
            insertedWords += words.insertedWords();
            deletedWords += words.deletedWords();
            lines.add(new DiffLine(DiffLine.Kind.CHANGED, oldIndex + 1, newIndex + 1, words.segments()));
        }

        private static List<String> texts(List<Integer> indexes, List<String> lines) {
            List<String> texts = new ArrayList<>(indexes.size());
            for (int index : indexes) {
                texts.add(lines.get(index));
            }
            return texts;
        }
    }
}
