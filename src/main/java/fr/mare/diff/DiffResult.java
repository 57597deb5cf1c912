package fr.mare.diff;

import java.util.List;

/**
 * The comparison of two texts, as {@link TextDiff#diff(String, String)} returns it.
 * <p>
 * {@code lines} list every line of both versions exactly once, in reading order: the old line
 * numbers (where present) strictly increase from 1 to the old line count, and so do the new ones.
 * Joining, with {@code "\n"}, the {@link DiffLine#oldText()} of the lines that have an old number
 * gives back the old text (after line-ending normalization, without its final line terminator);
 * likewise for the new text.
 * <p>
 * Word counts count words (runs of letters and digits, apostrophes inside included), not spaces
 * or punctuation, in the smallest word-level edit found: a renderer may show a little more
 * text as deleted and inserted to keep it readable (see {@link TextDiff}), the counts do not grow
 * with it.
 *
 * @param lines         every line of both versions; unmodifiable
 * @param insertedWords words only the new version has
 * @param deletedWords  words only the old version has
 * @param identical     whether both versions have the same lines, so every line is
 *                      {@link DiffLine.Kind#SAME}
 */
public record DiffResult(List<DiffLine> lines, int insertedWords, int deletedWords, boolean identical) {

    public DiffResult {
        lines = List.copyOf(lines);
        if (insertedWords < 0 || deletedWords < 0) {
            throw new IllegalArgumentException("negative word count");
        }
    }
}
