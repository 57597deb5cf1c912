package fr.mare.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EditScriptTest {

    private static final EditScript.Budget PLENTY = new EditScript.Budget(Long.MAX_VALUE / 2);

    /** Walks the script over both sequences, failing if it does not turn a into b. */
    private static int equalsIn(byte[] script, int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int equal = 0;
        for (byte op : script) {
            switch (op) {
                case EditScript.EQUAL -> {
                    assertEquals(a[i], b[j], "EQUAL on different symbols");
                    i++;
                    j++;
                    equal++;
                }
                case EditScript.DELETE -> i++;
                case EditScript.INSERT -> j++;
                default -> throw new AssertionError("unknown op " + op);
            }
        }
        assertEquals(a.length, i, "script consumes all of a");
        assertEquals(b.length, j, "script consumes all of b");
        return equal;
    }

    private static int lcs(int[] a, int[] b) {
        return TextDiffTest.lcs(Arrays.stream(a).boxed().toList(), Arrays.stream(b).boxed().toList());
    }

    @Test
    void shortestMatchesALongestCommonSubsequence() {
        Random random = new Random(42);
        for (int round = 0; round < 5_000; round++) {
            int[] a = random.ints(random.nextInt(15), 0, 4).toArray();
            int[] b = random.ints(random.nextInt(15), 0, 4).toArray();
            byte[] script = EditScript.shortest(a, b, 100, PLENTY);
            assertNotNull(script);
            assertEquals(lcs(a, b), equalsIn(script, a, b), Arrays.toString(a) + " → " + Arrays.toString(b));
        }
    }

    @Test
    void emptySides() {
        assertArrayEquals(new byte[0], EditScript.shortest(new int[0], new int[0], 10, PLENTY));
        assertArrayEquals(new byte[] {EditScript.INSERT, EditScript.INSERT},
                EditScript.shortest(new int[0], new int[] {1, 2}, 10, PLENTY));
        assertArrayEquals(new byte[] {EditScript.DELETE}, EditScript.shortest(new int[] {1}, new int[0], 10, PLENTY));
    }

    @Test
    void givesUpBeyondMaxEdits() {
        int[] a = IntStream.range(0, 50).toArray();
        int[] b = IntStream.range(100, 150).toArray();
        assertNull(EditScript.shortest(a, b, 99, PLENTY));
        byte[] script = EditScript.shortest(a, b, 100, PLENTY);
        assertNotNull(script);
        assertEquals(0, equalsIn(script, a, b));
    }

    @Test
    void givesUpWhenTheBudgetRunsOut() {
        int[] a = IntStream.range(0, 200).map(n -> n % 7).toArray();
        int[] b = IntStream.range(0, 200).map(n -> n % 5).toArray();
        assertNull(EditScript.shortest(a, b, 1_000, new EditScript.Budget(100)));
        assertNotNull(EditScript.shortest(a, b, 1_000, new EditScript.Budget(10_000_000)));
    }

    @Test
    void coarseKeepsPrefixAndSuffixAndReplacesTheMiddle() {
        int[] a = {1, 2, 3, 4, 9};
        int[] b = {1, 2, 5, 3, 9};
        byte[] script = EditScript.coarse(a, b);
        assertArrayEquals(new byte[] {EditScript.EQUAL, EditScript.EQUAL, EditScript.DELETE, EditScript.DELETE,
                EditScript.INSERT, EditScript.INSERT, EditScript.EQUAL}, script);
        equalsIn(script, a, b);
        equalsIn(EditScript.coarse(new int[] {1, 1}, new int[] {1}), new int[] {1, 1}, new int[] {1});
    }
}
