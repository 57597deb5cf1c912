package fr.mare.directory;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DirectoryIndexTest {

    private static List<DirectoryFacets.Listing> listings(String region) {
        return List.of(new DirectoryFacets.Listing(new DirectoryCard(1, "amap", "Amap", region), region, "ASSOCIATION",
                Set.of(), Set.of(), Set.of()));
    }

    @Test
    void theListingsAreReadOnceThenKeptUntilAChange() {
        DirectoryIndex index = new DirectoryIndex();
        AtomicInteger reads = new AtomicInteger();
        assertEquals("35", index.listings(() -> { reads.incrementAndGet(); return listings("35"); }).getFirst().region());
        assertEquals("35", index.listings(() -> { reads.incrementAndGet(); return listings("BE"); }).getFirst().region());
        assertEquals(1, reads.get(), "kept");
        index.changed(new DirectoryIndex.Changed());
        assertEquals("BE", index.listings(() -> { reads.incrementAndGet(); return listings("BE"); }).getFirst().region());
        assertEquals(2, reads.get(), "read again after a change");
    }

    @Test
    void aWriteSeenThroughTheContentVersionDropsTheCopy() {
        DirectoryIndex index = new DirectoryIndex();
        AtomicInteger reads = new AtomicInteger();
        index.listings(() -> { reads.incrementAndGet(); return listings("35"); });
        // Any committed write, here or learnt from another node's (ADR 0019, #17).
        fr.mare.platform.ContentVersion.changed();
        assertEquals("BE", index.listings(() -> { reads.incrementAndGet(); return listings("BE"); }).getFirst().region());
        assertEquals(2, reads.get(), "read again at the new content version");
    }

    @Test
    void aCopyReadWhileAChangeCommittedIsUsedOnceButNotKept() {
        DirectoryIndex index = new DirectoryIndex();
        List<DirectoryFacets.Listing> during = index.listings(() -> {
            index.changed(new DirectoryIndex.Changed());
            return listings("35");
        });
        assertEquals("35", during.getFirst().region(), "the request that read it uses it");
        assertEquals("QC", index.listings(() -> listings("QC")).getFirst().region(), "the next request reads again");
    }
}
