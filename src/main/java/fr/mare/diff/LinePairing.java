package fr.mare.diff;

import java.util.Arrays;
import java.util.List;

/**
 * Decides, within one hunk (a run of removed and added lines between unchanged ones), which
 * removed line was edited into which added line, so that pair can be shown word by word.
 * <p>
 * Pairs never cross (the k-th paired removed line goes with the k-th paired added line), so both
 * line numbers keep increasing down the page. They are chosen in two steps:
 * <ol>
 * <li>similar lines first: among the pairs whose words are at least {@link #SIMILAR} alike (the
 * Dice coefficient of their word multisets, as thousandths), the non-crossing set with the largest
 * total similarity, by the same table as a longest common subsequence;</li>
 * <li>then, between two consecutive similar pairs (and before the first, after the last), the
 * lines left over are paired in order, as many as both sides have.</li>
 * </ol>
 * With nothing similar this is plain in-order pairing. The first step matters for common edits
 * that in-order pairing gets wrong: a paragraph added before an edited one (Myers matches the blank
 * line between them early, leaving one old paragraph against a new paragraph, a blank line and the
 * edited paragraph), or a line deleted before an edited one. Without it, the page would compare a
 * paragraph with an unrelated one and bury a one-word edit under a whole-line rewrite.
 * <p>
 * Cost: a table of (r + 1)(a + 1) ints for r removed and a added lines, and one similarity per
 * cell. Above {@link #MAX_CELLS} cells, or when the similarities would overdraw the budget, the
 * whole hunk is paired in order.
 */
final class LinePairing {

    /** Largest similarity table; 250,000 ints is 1 MB. */
    static final int MAX_CELLS = 250_000;

    /** Least Dice coefficient, in thousandths, for two lines to pair by similarity. */
    static final int SIMILAR = 500;

    private LinePairing() {
    }

    /**
     * @return for each removed line, the index in {@code added} of its partner, or -1
     */
    static int[] pair(List<String> removed, List<String> added, Symbols symbols, EditScript.Budget budget) {
        int r = removed.size();
        int a = added.size();
        int[] partner = new int[r];
        Arrays.fill(partner, -1);
        if (r == 0 || a == 0) {
            return partner;
        }
        if ((r == 1 && a == 1) || (long) (r + 1) * (a + 1) > MAX_CELLS) {
            return inOrder(partner, 0, r, 0, a);
        }
        int[][] removedBags = bags(removed, symbols);
        int[][] addedBags = bags(added, symbols);
        long work = (long) a * totalSize(removedBags) + (long) r * totalSize(addedBags) + (long) r * a;
        if (work > budget.remaining() || !budget.spend(work)) { // unaffordable: leave the budget to word diffs
            return inOrder(partner, 0, r, 0, a);
        }
        // best[i][j]: largest total similarity of non-crossing similar pairs among the first i
        // removed and the first j added lines.
        int width = a + 1;
        int[] best = new int[(r + 1) * width];
        for (int i = 1; i <= r; i++) {
            for (int j = 1; j <= a; j++) {
                int cell = i * width + j;
                int value = Math.max(best[cell - width], best[cell - 1]);
                int sim = similarity(removedBags[i - 1], addedBags[j - 1]);
                if (sim >= SIMILAR) {
                    value = Math.max(value, best[cell - width - 1] + sim);
                }
                best[cell] = value;
            }
        }
        // Walk back, collecting the similar pairs; leaving a later line unpaired wins ties.
        int[] similarRemoved = new int[Math.min(r, a)];
        int[] similarAdded = new int[Math.min(r, a)];
        int pairs = 0;
        int i = r;
        int j = a;
        while (i > 0 && j > 0) {
            int cell = i * width + j;
            if (best[cell] == best[cell - width]) {
                i--;
            } else if (best[cell] == best[cell - 1]) {
                j--;
            } else {
                similarRemoved[pairs] = i - 1;
                similarAdded[pairs] = j - 1;
                pairs++;
                i--;
                j--;
            }
        }
        // Pairs were found last first; fill the gaps around them in order.
        int nextRemoved = 0;
        int nextAdded = 0;
        for (int p = pairs - 1; p >= 0; p--) {
            inOrder(partner, nextRemoved, similarRemoved[p], nextAdded, similarAdded[p]);
            partner[similarRemoved[p]] = similarAdded[p];
            nextRemoved = similarRemoved[p] + 1;
            nextAdded = similarAdded[p] + 1;
        }
        return inOrder(partner, nextRemoved, r, nextAdded, a);
    }

    /** Pairs removed lines [removedFrom, removedTo) with added lines [addedFrom, addedTo) in order. */
    private static int[] inOrder(int[] partner, int removedFrom, int removedTo, int addedFrom, int addedTo) {
        int pairs = Math.min(removedTo - removedFrom, addedTo - addedFrom);
        for (int k = 0; k < pairs; k++) {
            partner[removedFrom + k] = addedFrom + k;
        }
        return partner;
    }

    /** Each line's words as sorted symbol ids, so two bags intersect in one merge pass. */
    private static int[][] bags(List<String> lines, Symbols symbols) {
        int[][] bags = new int[lines.size()][];
        for (int n = 0; n < bags.length; n++) {
            Tokens tokens = Tokens.of(lines.get(n));
            int[] bag = new int[tokens.wordCount()];
            int w = 0;
            for (int t = 0; t < tokens.count(); t++) {
                if (tokens.isWord(t)) {
                    bag[w++] = symbols.id(tokens.text(t));
                }
            }
            Arrays.sort(bag);
            bags[n] = bag;
        }
        return bags;
    }

    private static long totalSize(int[][] bags) {
        long total = 0;
        for (int[] bag : bags) {
            total += bag.length;
        }
        return total;
    }

    /** Dice coefficient of two word multisets, in thousandths (ints keep ties exact). */
    private static int similarity(int[] x, int[] y) {
        if (x.length + y.length == 0) {
            return 0;
        }
        int common = 0;
        int p = 0;
        int q = 0;
        while (p < x.length && q < y.length) {
            if (x[p] == y[q]) {
                common++;
                p++;
                q++;
            } else if (x[p] < y[q]) {
                p++;
            } else {
                q++;
            }
        }
        return (int) (2000L * common / (x.length + y.length));
    }
}
