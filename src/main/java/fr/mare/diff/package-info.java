/**
 * Comparison of two versions of a text, for the pages that show what changed between any two
 * revisions of a forum post or of a wiki tutorial: {@link fr.mare.diff.TextDiff#diff} compares
 * the Markdown sources line by line, then word by word inside each edited line, and
 * {@link fr.mare.diff.TextDiff#toHtml} renders the result as an accessible table where deletions
 * are {@code <del>} and insertions {@code <ins>}, never colour alone.
 * <p>
 * The sources are compared, not the rendered HTML: an author edits the source, and a change of
 * Markdown syntax (a heading level, a link target) is a change the reader of a history page wants
 * to see. The package is pure Java (JDK only), imports no other Mare package, stores nothing and
 * performs no I/O, so every guarantee is unit-tested without a server. Its work is bounded for any
 * input, by counted steps rather than by clock, so a result never depends on machine load: past
 * the bounds documented in {@link fr.mare.diff.TextDiff} the comparison gets coarser, never wrong.
 */
package fr.mare.diff;
