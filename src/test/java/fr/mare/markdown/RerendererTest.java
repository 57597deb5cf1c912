package fr.mare.markdown;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The re-render loop over one feature's stored HTML (#16), on an in-memory store. */
class RerendererTest {

    /** Rows id -> version; a batch brings up to max stale rows above afterId to the current version. */
    private static final class Store extends StoredHtml<Object> {
        Store() {
            super(Object.class, "essai");
        }

        @Override
        protected void rerender(Object row, Markdown markdown) {
            throw new AssertionError("the in-memory store renders nothing");
        }

        final TreeMap<Long, Integer> versions = new TreeMap<>();
        final List<Long> calls = new ArrayList<>();
        long failAfter = Long.MAX_VALUE;

        @Override
        public long rerender(long afterId, int max) {
            calls.add(afterId);
            if (afterId >= failAfter) {
                throw new IllegalStateException("base perdue");
            }
            List<Long> stale = versions.tailMap(afterId, false).entrySet().stream()
                    .filter(e -> e.getValue() < MarkdownRenderer.VERSION).map(e -> e.getKey()).limit(max).toList();
            stale.forEach(id -> versions.put(id, MarkdownRenderer.VERSION));
            return stale.isEmpty() ? -1 : stale.getLast();
        }

        long stale() {
            return versions.values().stream().filter(v -> v < MarkdownRenderer.VERSION).count();
        }
    }

    @Test
    void everyStaleRowIsRenderedAgainBatchAfterBatch() {
        Store store = new Store();
        for (long id = 1; id <= 2 * Rerenderer.BATCH + 5; id++) {
            store.versions.put(id, id % 2 == 0 ? MarkdownRenderer.VERSION : MarkdownRenderer.VERSION - 1);
        }
        int batches = Rerenderer.rerenderAll(store);
        assertEquals(0, store.stale());
        assertEquals(2, batches, "103 stale rows: a batch of 100, one of 3");
        assertEquals(List.of(0L, 199L, 205L), store.calls, "each batch goes on after the last id seen");
    }

    @Test
    void nothingStaleIsOneEmptyLook() {
        Store store = new Store();
        store.versions.put(1L, MarkdownRenderer.VERSION);
        assertEquals(0, Rerenderer.rerenderAll(store));
        assertEquals(List.of(0L), store.calls);
    }

    @Test
    void aFailedBatchLeavesTheRestForTheNextStart() {
        Store store = new Store();
        for (long id = 1; id <= 2 * Rerenderer.BATCH; id++) {
            store.versions.put(id, MarkdownRenderer.VERSION - 1);
        }
        store.failAfter = Rerenderer.BATCH;
        assertEquals(1, Rerenderer.rerenderAll(store), "the failure is logged, not thrown");
        assertEquals(Rerenderer.BATCH, store.stale());

        store.failAfter = Long.MAX_VALUE; // the next start
        Rerenderer.rerenderAll(store);
        assertEquals(0, store.stale(), "the rows left stale are found again by their version");
    }
}
