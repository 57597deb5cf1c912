package fr.mare.diff;

import java.util.Arrays;

/**
 * Shortest edit scripts between two sequences of symbols (lines or words, interned to ints), by
 * Myers' O(ND) greedy algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986).
 * <p>
 * A script is a {@code byte[]} of {@link #EQUAL}, {@link #DELETE} and {@link #INSERT}, read left to
 * right while walking both sequences: {@code EQUAL} consumes one symbol of each, {@code DELETE}
 * one of the old sequence, {@code INSERT} one of the new. {@link #shortest} returns a script with
 * the fewest {@code DELETE}s plus {@code INSERT}s (equivalently, the most {@code EQUAL}s: a longest
 * common subsequence), and within one run of edits puts nothing in a fixed order that callers
 * should rely on.
 * <p>
 * Why Myers rather than the textbook LCS table: the table costs N×M time and memory whatever the
 * texts (a million cells for two 1,000-line versions), while Myers costs O((N+M)·D) time, D being
 * the number of edits, so comparing two revisions of a long tutorial where a few lines changed is
 * close to linear. The common prefix and suffix are trimmed first, in linear time, which is most of
 * the work for typical revisions.
 * <p>
 * Bounds, so a hostile or pathological pair of texts cannot tie up a request: the caller passes
 * the most edits it accepts ({@code maxEdits}) and a {@link Budget} of elementary steps; when the
 * script would need more edits, or the search would spend more steps, {@code shortest} returns
 * {@code null} and the caller falls back to {@link #coarse}. Memory is the search's trace, one
 * {@code int} per (edit count, diagonal) pair explored, at most {@code (maxEdits + 1)(maxEdits + 2)/2}
 * ints (about 8 MB for 2,000 edits).
 */
final class EditScript {

    static final byte EQUAL = 0;
    static final byte DELETE = 1;
    static final byte INSERT = 2;

    private EditScript() {
    }

    /**
     * A count of elementary steps (one comparison of two symbols, or one diagonal visited) that
     * every search of one {@link TextDiff#diff} call draws from, so the whole call is bounded, not
     * only each search.
     */
    static final class Budget {
        private long remaining;

        Budget(long steps) {
            remaining = steps;
        }

        /** Takes {@code steps} from the budget; {@code false} once it is overdrawn. */
        boolean spend(long steps) {
            remaining -= steps;
            return remaining >= 0;
        }

        long remaining() {
            return Math.max(0, remaining);
        }
    }

    /**
     * A shortest edit script from {@code a} to {@code b}, or {@code null} if it needs more than
     * {@code maxEdits} edits or the search overdraws {@code budget}.
     */
    static byte[] shortest(int[] a, int[] b, int maxEdits, Budget budget) {
        int prefix = commonPrefix(a, b);
        int suffix = commonSuffix(a, b, prefix);
        if (!budget.spend(prefix + suffix + 1L)) {
            return null;
        }
        byte[] middle = middle(a, prefix, a.length - suffix, b, prefix, b.length - suffix, maxEdits, budget);
        return middle == null ? null : assemble(prefix, middle, suffix);
    }

    /**
     * The script that keeps the common prefix and suffix and replaces everything between them:
     * all of the old middle deleted, then all of the new middle inserted. Linear time; never
     * {@code null}; as short as {@link #shortest} whenever the middles share nothing.
     */
    static byte[] coarse(int[] a, int[] b) {
        int prefix = commonPrefix(a, b);
        int suffix = commonSuffix(a, b, prefix);
        return assemble(prefix, replacement(a.length - prefix - suffix, b.length - prefix - suffix), suffix);
    }

    private static int commonPrefix(int[] a, int[] b) {
        int mismatch = Arrays.mismatch(a, b);
        return mismatch < 0 ? a.length : mismatch;
    }

    private static int commonSuffix(int[] a, int[] b, int prefix) {
        int limit = Math.min(a.length, b.length) - prefix;
        int n = 0;
        while (n < limit && a[a.length - 1 - n] == b[b.length - 1 - n]) {
            n++;
        }
        return n;
    }

    private static byte[] assemble(int prefix, byte[] middle, int suffix) {
        byte[] script = new byte[prefix + middle.length + suffix];
        // EQUAL is 0, so the prefix and suffix are already in place.
        System.arraycopy(middle, 0, script, prefix, middle.length);
        return script;
    }

    private static byte[] replacement(int deleted, int inserted) {
        byte[] script = new byte[deleted + inserted];
        Arrays.fill(script, 0, deleted, DELETE);
        Arrays.fill(script, deleted, deleted + inserted, INSERT);
        return script;
    }

    /**
     * Myers' forward search on {@code a[aStart, aEnd)} and {@code b[bStart, bEnd)}, then a walk back
     * through the saved trace. {@code v[k]} is the furthest x reached on diagonal k = x - y; row
     * {@code trace[d]} keeps, after round d, the entries of the d + 1 diagonals of d's parity.
     */
    private static byte[] middle(int[] a, int aStart, int aEnd, int[] b, int bStart, int bEnd,
            int maxEdits, Budget budget) {
        int n = aEnd - aStart;
        int m = bEnd - bStart;
        if (n == 0 || m == 0) {
            return replacement(n, m);
        }
        int limit = Math.min(n + m, maxEdits);
        int offset = limit + 1;
        int[] v = new int[2 * limit + 3];
        int[][] trace = new int[limit + 1][];
        int edits = -1;
        search:
        for (int d = 0; d <= limit; d++) {
            if (!budget.spend(d + 1L)) {
                return null;
            }
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                int snakeStart = x;
                while (x < n && y < m && a[aStart + x] == b[bStart + y]) {
                    x++;
                    y++;
                }
                if (!budget.spend(x - snakeStart)) {
                    return null;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    if (x != n || y != m) {
                        return null; // cannot happen for a minimal path; refuse rather than misreport
                    }
                    edits = d;
                    break search;
                }
            }
            int[] row = new int[d + 1];
            for (int i = 0; i <= d; i++) {
                row[i] = v[offset - d + 2 * i];
            }
            trace[d] = row;
        }
        if (edits < 0) {
            return null;
        }
        byte[] script = new byte[(n + m + edits) / 2];
        int at = script.length;
        int x = n;
        int y = m;
        for (int d = edits; d > 0; d--) {
            int[] previous = trace[d - 1];
            int k = x - y;
            boolean down = k == -d || (k != d && at(previous, d - 1, k - 1) < at(previous, d - 1, k + 1));
            int previousK = down ? k + 1 : k - 1;
            int previousX = at(previous, d - 1, previousK);
            int afterEditX = down ? previousX : previousX + 1;
            while (x > afterEditX) {
                script[--at] = EQUAL;
                x--;
            }
            script[--at] = down ? INSERT : DELETE;
            x = previousX;
            y = previousX - previousK;
        }
        while (x > 0) {
            script[--at] = EQUAL;
            x--;
        }
        if (at != 0) {
            throw new IllegalStateException("edit script of the wrong length");
        }
        return script;
    }

    private static int at(int[] row, int d, int k) {
        return row[(k + d) / 2];
    }
}
