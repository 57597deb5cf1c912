package fr.mare.directory;

import fr.mare.platform.ContentVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The directory's listings (every collective as the facets see it: name, region, kind, apps,
 * expertise), kept in memory between two changes so that a directory page filters and counts
 * 2,000 collectives without reading them again (ADR 0010). {@link DirectoryService} fires
 * {@link Changed} in each write that alters a listing; the copy is dropped once that transaction
 * ends. A generation number makes the race safe: a copy read while a change was committing is
 * used for that one request but never kept. A copy also belongs to the content version it was
 * read at ({@link ContentVersion}, ADR 0019): a write committed on another node changes this node's
 * version within {@code mare.content-version.poll-ms} (500 ms), and the copy is read again (issue
 * #17, ADR 0032: it took up to 5 minutes). Any write does so, not only a collective's: the read
 * costs ~40 ms, and writes are rare beside the directory's reads. As a last safety net, a copy
 * older than {@link #MAX_AGE} is read again.
 */
@ApplicationScoped
public class DirectoryIndex {

    /** A change to some collective's listing (or to the vocabulary), in the current transaction. */
    public record Changed() {
    }

    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private record Snapshot(long generation, long contentVersion, long loadedAtNanos, List<DirectoryFacets.Listing> listings) {
    }

    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    /** The listings, sorted by name: the kept copy, or what {@code loader} reads (then kept if nothing changed meanwhile). */
    List<DirectoryFacets.Listing> listings(Supplier<List<DirectoryFacets.Listing>> loader) {
        long current = generation.get();
        long version = ContentVersion.current();
        Snapshot s = snapshot;
        if (s != null && s.generation() == current && s.contentVersion() == version
                && System.nanoTime() - s.loadedAtNanos() < MAX_AGE.toNanos()) {
            return s.listings();
        }
        List<DirectoryFacets.Listing> loaded = List.copyOf(loader.get());
        if (generation.get() == current) {
            snapshot = new Snapshot(current, version, System.nanoTime(), loaded);
        }
        return loaded;
    }

    /** Drops the kept copy; called after the transaction that changed something ends (committed or not). */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed change) {
        invalidate();
    }

    void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }
}
