package fr.mare.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At most as many searches run at once as there are cores; the others wait their turn (#12: on
 * 2 cores, 16 searches left to the scheduler had a p99 six times that of 16 taking turns).
 */
class SearchIndexConcurrencyTest {

    @TempDir
    Path temp;

    @Test
    void searchesRunAtMostOnePerCoreAndAllAreAnswered() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Analyzer analyzer = FrenchAnalysis.queryAnalyzer(FrenchAnalysis.parseSynonyms(new java.io.StringReader("")));
        // Every search asks for the query chain: the supplier stands for the search's work and
        // counts how many searches are inside at once.
        Supplier<Analyzer> slow = () -> {
            int now = inside.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
            return analyzer;
        };
        try (SearchIndex index = SearchIndex.open(temp.resolve("index"), slow)) {
            index.put(List.of(new SearchDocument("topic:1", SearchType.TOPIC, "Partager un agenda", "", "",
                    "Comment partager l'agenda de l'association avec les bénévoles ?", "/t/1/agenda", null, null,
                    false, List.of())));
            index.commit(Map.of());
            index.refresh();
            int threads = cores * 4;
            ConcurrentLinkedQueue<Long> found = new ConcurrentLinkedQueue<>();
            List<Thread> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < 5; i++) {
                        found.add(index.search(SearchRequest.of("agenda partagé")).total());
                    }
                }));
            }
            for (Thread thread : running) {
                thread.join();
            }
            assertEquals(threads * 5, found.size());
            assertTrue(found.stream().allMatch(total -> total == 1), "every search finds the topic: " + found);
            assertTrue(most.get() <= cores, most.get() + " searches at once on " + cores + " cores");
            // Not one at a time either: each core runs one.
            assertEquals(Math.min(cores, threads), most.get());
        }
    }
}
