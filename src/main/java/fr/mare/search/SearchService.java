package fr.mare.search;

import fr.mare.account.Caller;
import fr.mare.platform.ContentVersion;
import fr.mare.platform.BusinessException;
import fr.mare.platform.DatabaseReady;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's search (#12, ADR 0015): its own Lucene index, kept in step with the database by
 * one worker that reads {@code search_outbox} past this node's position every
 * {@value #POLL_MILLIS} ms and re-reads each named document through the features' services.
 * <p>
 * The position lives in the index's commit data, with the analysis version and the database's
 * generation: at start, an index that is missing, of another version, of another database, or
 * behind the oldest outbox row is rebuilt. Rows are never deleted for this node's sake; the
 * oldest are pruned after {@code mare.search.outbox-days}.
 * <p>
 * Transactions commit in any order, so an outbox id may appear after a higher one was read: the
 * worker keeps the ids it has seen above its position and re-reads that window, and gives up on
 * a missing id (a rolled-back transaction) {@value #GAP_SECONDS} s after a higher one was seen.
 */
@ApplicationScoped
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class.getName());
    static final long POLL_MILLIS = 250;
    static final long GAP_SECONDS = 10;
    private static final int BATCH = 500;
    private static final String POSITION = "mare.outbox.position";
    private static final String VERSION = "mare.analysis.version";
    private static final String GENERATION = "mare.db.generation";
    private static final List<String> TYPES = List.of("topic", "tutorial", "collective");

    @Inject
    @ConfigProperty(name = "mare.search.index-dir", defaultValue = " ")
    String indexDir;

    @Inject
    @ConfigProperty(name = "mare.search.synonyms", defaultValue = " ")
    String synonymsFile;

    @Inject
    @ConfigProperty(name = "mare.search.outbox-days", defaultValue = "7")
    int outboxDays;

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private SearchOutbox outbox;

    @Inject
    private SearchSources sources;

    private volatile SearchIndex index;
    private volatile Analyzer queryAnalyzer = FrenchAnalysis.queryAnalyzer(null);
    private volatile FileTime synonymsTime;
    private volatile long synonymsCheckedAt;
    private Path synonymsPath;
    private String generation;
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong rebuildRequests = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean rebuilding;
    private volatile Instant lastRebuild;
    private volatile String failure;
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    // Worker state (one thread at a time: a fixed-delay task never overlaps itself).
    private long low;
    private long high;
    private final TreeMap<Long, Long> seen = new TreeMap<>();
    private long lastCommitNanos;
    private boolean dirty;

    void start(@Observes @Priority(400) DatabaseReady ready) {
        if (index != null) {
            return;
        }
        try {
            Path folder = indexFolder();
            Files.createDirectories(folder);
            synonymsPath = synonymsPath(folder);
            loadSynonyms();
            generation = outbox.generation();
            Map<String, String> data = SearchIndex.readCommitData(folder);
            index = SearchIndex.open(folder, this::currentAnalyzer);
            long position = Long.parseLong(data.getOrDefault(POSITION, "-1"));
            boolean current = String.valueOf(FrenchAnalysis.VERSION).equals(data.get(VERSION))
                    && generation.equals(data.get(GENERATION)) && position >= 0
                    && (position + 1 >= outbox.minId() || outbox.maxId() == position);
            if (current) {
                low = high = position;
            } else {
                LOG.info(() -> "Recherche : index absent, d'une autre version ou d'une autre base — reconstruction.");
                rebuildRequested.set(true);
            }
            tasks.add(executor.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS));
            tasks.add(executor.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES));
            LOG.info(() -> "Recherche : index dans " + folder + ", synonymes dans " + synonymsPath);
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
            LOG.log(Level.SEVERE, "Recherche indisponible : l'index ne s'ouvre pas", e);
        }
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
        SearchIndex open = index;
        index = null;
        if (open != null) {
            try {
                open.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Recherche : fermeture de l'index", e);
            }
        }
    }

    /** Searches what everyone reads; empty while the index is unavailable. */
    public SearchResults search(SearchRequest request) {
        SearchIndex open = index;
        if (open == null) {
            return SearchResults.EMPTY;
        }
        return open.search(request);
    }

    public boolean available() {
        return index != null;
    }

    /** Asks for a full rebuild (administration only); it runs on the worker, in the background. */
    public void requestRebuild(Caller me) {
        if (!me.admin()) {
            throw new BusinessException("search.admin.notAllowed", null);
        }
        rebuildRequests.incrementAndGet();
        rebuildRequested.set(true);
    }

    /** What the administration page shows. */
    public record Status(boolean available, boolean rebuilding, int documents, long position, Instant lastRebuild,
                         long rebuildRequests, String indexDir, String synonymsFile) {
    }

    public Status status() {
        SearchIndex open = index;
        return new Status(open != null, rebuilding || rebuildRequested.get(), open == null ? 0 : open.documentCount(),
                low, lastRebuild, rebuildRequests.get(), String.valueOf(indexFolder()), String.valueOf(synonymsPath));
    }

    // ---------------------------------------------------------------- worker

    void poll() {
        SearchIndex open = index;
        if (open == null) {
            return;
        }
        try {
            if (rebuildRequested.get()) {
                rebuild(open);
                rebuildRequested.set(false);
            }
            apply(open);
        } catch (RuntimeException e) {
            // The database may be down for a moment: the next poll tries again from the same position.
            LOG.log(Level.WARNING, "Recherche : mise à jour de l'index reportée", e);
        }
    }

    private void apply(SearchIndex open) {
        List<SearchOutbox.Row> rows = new ArrayList<>(outbox.after(high, BATCH));
        if (high - low > seen.size()) {
            for (SearchOutbox.Row row : outbox.between(low, high)) {
                if (!seen.containsKey(row.id())) {
                    rows.add(row);
                }
            }
        }
        long now = System.nanoTime();
        if (!rows.isEmpty()) {
            Set<String> docs = new LinkedHashSet<>();
            for (SearchOutbox.Row row : rows) {
                docs.add(row.type() + "\u0000" + row.docId());
                seen.put(row.id(), now);
                high = Math.max(high, row.id());
            }
            List<SearchDocument> put = new ArrayList<>();
            List<String> delete = new ArrayList<>();
            for (String doc : docs) {
                String[] parts = doc.split("\u0000");
                long id = Long.parseLong(parts[1]);
                Optional<SearchDocument> loaded = sources.load(parts[0], id);
                if (loaded.isPresent()) {
                    put.add(loaded.get());
                } else {
                    delete.add(SearchSources.key(parts[0], id));
                }
            }
            open.delete(delete);
            open.put(put);
            open.refresh();
            dirty = true;
            // Search pages kept for visitors (ADR 0019) were computed from the index before these
            // changes: they must not outlive them.
            ContentVersion.changed();
        }
        advance(now);
        if (dirty && now - lastCommitNanos > TimeUnit.SECONDS.toNanos(2)) {
            commit(open);
        }
    }

    /** Moves the position past contiguous seen ids, and past gaps older than {@value #GAP_SECONDS} s. */
    private void advance(long now) {
        while (!seen.isEmpty()) {
            Map.Entry<Long, Long> first = seen.firstEntry();
            boolean contiguous = first.getKey() == low + 1;
            boolean gapGivenUp = now - first.getValue() > TimeUnit.SECONDS.toNanos(GAP_SECONDS);
            if (!contiguous && !gapGivenUp) {
                break;
            }
            low = first.getKey();
            seen.remove(low);
            dirty = true;
        }
        if (seen.isEmpty() && high > low) {
            low = high;
        }
    }

    private void commit(SearchIndex open) {
        Map<String, String> data = new HashMap<>();
        data.put(POSITION, Long.toString(low));
        data.put(VERSION, Integer.toString(FrenchAnalysis.VERSION));
        data.put(GENERATION, generation);
        open.commit(data);
        lastCommitNanos = System.nanoTime();
        dirty = false;
    }

    private void rebuild(SearchIndex open) {
        rebuilding = true;
        try {
            long start = outbox.maxId();
            long began = System.nanoTime();
            open.clear();
            int count = 0;
            for (String type : TYPES) {
                long after = 0;
                while (true) {
                    List<Long> ids = sources.ids(type, after, BATCH);
                    if (ids.isEmpty()) {
                        break;
                    }
                    List<SearchDocument> docs = new ArrayList<>();
                    for (long id : ids) {
                        sources.load(type, id).ifPresent(docs::add);
                    }
                    open.put(docs);
                    count += docs.size();
                    after = ids.getLast();
                }
            }
            low = high = start;
            seen.clear();
            commit(open);
            open.refresh();
            lastRebuild = Instant.now();
            int indexed = count;
            LOG.info(() -> "Recherche : index reconstruit, " + indexed + " documents en "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began) + " ms");
        } finally {
            rebuilding = false;
        }
    }

    private void prune() {
        try {
            int removed = outbox.prune(Math.max(1, outboxDays));
            if (removed > 0) {
                LOG.fine(() -> "Recherche : " + removed + " lignes anciennes de search_outbox supprimées");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Recherche : nettoyage de search_outbox reporté", e);
        }
    }

    // ---------------------------------------------------------------- configuration

    private Path indexFolder() {
        if (indexDir != null && !indexDir.isBlank()) {
            return Path.of(indexDir.strip());
        }
        return Path.of(System.getProperty("user.home"), ".mare", "search-index");
    }

    private Path synonymsPath(Path folder) {
        if (synonymsFile != null && !synonymsFile.isBlank()) {
            return Path.of(synonymsFile.strip());
        }
        return folder.toAbsolutePath().getParent().resolve("synonymes.txt");
    }

    /** The query chain, with the synonym file re-read when it changed (checked every few seconds). */
    private Analyzer currentAnalyzer() {
        long now = System.currentTimeMillis();
        if (now - synonymsCheckedAt > 5_000) {
            synonymsCheckedAt = now;
            try {
                FileTime time = Files.getLastModifiedTime(synonymsPath);
                if (!time.equals(synonymsTime)) {
                    loadSynonyms();
                }
            } catch (IOException | RuntimeException e) {
                // The file vanished or cannot be read: keep the synonyms already loaded.
            }
        }
        return queryAnalyzer;
    }

    /** Loads the administrators' file; the first start writes the shipped list there for them to edit. */
    private synchronized void loadSynonyms() {
        try {
            if (!Files.exists(synonymsPath)) {
                try (InputStream shipped = SearchService.class.getResourceAsStream("synonymes.txt")) {
                    Files.createDirectories(synonymsPath.toAbsolutePath().getParent());
                    Files.copy(shipped, synonymsPath);
                }
            }
            try (Reader reader = Files.newBufferedReader(synonymsPath, StandardCharsets.UTF_8)) {
                SynonymMap map = FrenchAnalysis.parseSynonyms(reader);
                queryAnalyzer = FrenchAnalysis.queryAnalyzer(map);
                synonymsTime = Files.getLastModifiedTime(synonymsPath);
            }
        } catch (IOException | java.text.ParseException | RuntimeException e) {
            LOG.log(Level.WARNING, "Recherche : fichier de synonymes illisible (" + synonymsPath + "), liste fournie utilisée", e);
            try (InputStream shipped = SearchService.class.getResourceAsStream("synonymes.txt");
                 Reader reader = new java.io.InputStreamReader(shipped, StandardCharsets.UTF_8)) {
                queryAnalyzer = FrenchAnalysis.queryAnalyzer(FrenchAnalysis.parseSynonyms(reader));
            } catch (IOException | java.text.ParseException ex) {
                queryAnalyzer = FrenchAnalysis.queryAnalyzer(null);
            }
        }
    }
}
