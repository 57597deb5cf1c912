/*
 * Search benchmark (#12): indexes N synthetic French posts with Mare's own analysis and index
 * code (fr.mare.search.SearchIndex), then runs queries from 16 threads and reports p50/p99.
 *
 * Run from the repository root, after `mvn -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt`:
 *   java -cp "target/classes:$(cat target/cp.txt)" docs/perf/SearchBench.java [posts=100000] [threads=16] [seconds=20]
 * Results are recorded in docs/perf.md (« Recherche »).
 */
import fr.mare.search.FrenchAnalysis;
import fr.mare.search.SearchDocument;
import fr.mare.search.SearchIndex;
import fr.mare.search.SearchRequest;
import fr.mare.search.SearchType;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

public class SearchBench {

    static final String[] WORDS = ("agenda calendrier partage dossier fichier synchronisation client bureau mot passe "
            + "authentification facteurs téléphone android iphone contacts carnet adresses courriel mail talk visio appel "
            + "réunion invité lien public quota stockage corbeille version conflit serveur mise jour nextcloud office "
            + "collabora document tableur chiffrement sauvegarde groupe membres adhérent·es bénévoles association "
            + "trésorerie justificatifs dépôt photos notifications navigateur erreur connexion certificat proxy "
            + "installation docker php mémoire cache lent disque plein compte administrateur utilisateur·ices").split(" ");

    static final String[] QUERIES = {"agenda partagé", "synchro android", "mot de passe oublie", "2FA", "visio invités",
            "calandrier", "partage de fichers", "corbeille dossier supprimé", "nextcloud office tableur",
            "l'authentification", "erreur certificat proxy", "quota disque plein", "les adhérentes justificatifs",
            "client de bureau conflit", "talk notifications android", "sauvegarde docker"};

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dir = Files.createTempDirectory(Path.of("target"), "search-bench");
        var synonyms = FrenchAnalysis.parseSynonyms(new InputStreamReader(
                SearchIndex.class.getResourceAsStream("synonymes.txt"), StandardCharsets.UTF_8));
        Random random = new Random(42);
        try (SearchIndex index = SearchIndex.open(dir, synonyms)) {
            long start = System.nanoTime();
            List<SearchDocument> batch = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                batch.add(new SearchDocument("topic:" + i, SearchType.TOPIC, sentence(random, 8), "",
                        i % 3 == 0 ? sentence(random, 40) : "", sentence(random, 120), "/t/" + i + "/x",
                        "categorie-" + (i % 8), "Catégorie " + (i % 8), i % 3 == 0, List.of()));
                if (batch.size() == 1000) {
                    index.put(batch);
                    batch.clear();
                }
            }
            index.put(batch);
            index.commit(java.util.Map.of("bench", "1"));
            index.refresh();
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("indexed %d posts in %.1f s (%.0f posts/s)%n", posts, indexSeconds, posts / indexSeconds);

            // Warm-up, then measure: each thread runs full searches (query, top 10, highlighted snippets).
            for (int i = 0; i < 200; i++) {
                index.search(SearchRequest.of(QUERIES[i % QUERIES.length]));
            }
            ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
            java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
            var threadBean = java.lang.management.ManagementFactory.getThreadMXBean();
            CountDownLatch done = new CountDownLatch(threads);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (int t = 0; t < threads; t++) {
                int seed = t;
                Thread.ofPlatform().start(() -> {
                    long[] times = new long[2_000_000];
                    int n = 0;
                    long cpuStart = threadBean.getCurrentThreadCpuTime();
                    int q = seed;
                    while (System.nanoTime() < until && n < times.length) {
                        long s = System.nanoTime();
                        index.search(SearchRequest.of(QUERIES[q++ % QUERIES.length]));
                        times[n++] = System.nanoTime() - s;
                    }
                    cpu.addAndGet(threadBean.getCurrentThreadCpuTime() - cpuStart);
                    all.add(Arrays.copyOf(times, n));
                    done.countDown();
                });
            }
            done.await();
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            // CPU per search (the searching threads' own CPU time): the figure that does not depend
            // on what else the shared machine runs; with c cores, 16 at once wait about 16 / c of it.
            System.out.printf("%d searches from %d threads in %d s: %.0f/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, CPU %.2f ms per search%n",
                    merged.length, threads, seconds, merged.length / (double) seconds,
                    merged[merged.length / 2] / 1e6, merged[(int) (merged.length * 0.99)] / 1e6,
                    merged[merged.length - 1] / 1e6, cpu.get() / 1e6 / merged.length);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static String sentence(Random random, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }
}
