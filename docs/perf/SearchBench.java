/*
 * Search benchmark (#12): indexes N French posts with Mare's own analysis and index code
 * (fr.mare.search.SearchIndex), then runs queries from 16 threads and reports p50/p99 and the
 * CPU time per search.
 *
 * Run from the repository root, after `mvn -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt`,
 * with the JVM settings the launcher gives Mare (fr.mare.boot.JvmRelaunch: a 200 MB heap, the serial collector):
 *   java -Xms64m -Xmx200m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=80m -XX:CICompilerCount=2 -Xss512k \
 *     -cp "target/classes:$(cat target/cp.txt)" docs/perf/SearchBench.java [posts=100000] [threads=16] [seconds=20] [corpus]
 * After indexing, the same load runs -Dbench.warmup seconds (10 by default; 0 for none) before the measured seconds.
 * corpus:
 *   synthetique (default, the historical mode): every word drawn uniformly from ~100 domain words,
 *     so that each query word is in most posts (a worst case, not a forum);
 *   a corpus-fr folder (e.g. /work/shared/testdata/corpus-fr, read in place, never copied): each
 *     post is drawn from one of its 173 real questions/tutorials (its title, windows of its own
 *     text, a fifth of the windows from another source), so that words keep French frequencies
 *     and cluster by subject as they do in a forum.
 * -Dbench.perQuery=true also prints each query's CPU time per search, one thread, after the run.
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
        String corpus = args.length > 3 ? args[3] : "synthetique";
        Source source = corpus.equals("synthetique") ? null : Source.read(Path.of(corpus));
        System.out.printf("corpus: %s%n", source == null ? "synthetique (vocabulaire de " + WORDS.length + " mots)"
                : corpus + " (" + source.docs.size() + " textes sources, " + source.vocabulary() + " mots distincts)");
        // -Dbench.index=folder keeps the index between runs (to profile searches again without
        // indexing again); by default a fresh folder, deleted at the end.
        String kept = System.getProperty("bench.index");
        Path dir = kept != null ? Files.createDirectories(Path.of(kept)) : Files.createTempDirectory(Path.of("target"), "search-bench");
        boolean reuse = kept != null && !SearchIndex.readCommitData(dir).isEmpty();
        var synonyms = FrenchAnalysis.parseSynonyms(new InputStreamReader(
                SearchIndex.class.getResourceAsStream("synonymes.txt"), StandardCharsets.UTF_8));
        Random random = new Random(42);
        try (SearchIndex index = SearchIndex.open(dir, synonyms)) {
            long start = System.nanoTime();
            List<SearchDocument> batch = new ArrayList<>();
            for (int i = 0; i < (reuse ? 0 : posts); i++) {
                if (source == null) {
                    batch.add(new SearchDocument("topic:" + i, SearchType.TOPIC, sentence(random, 8), "",
                            i % 3 == 0 ? sentence(random, 40) : "", sentence(random, 120), "/t/" + i + "/x",
                            "categorie-" + (i % 8), "Catégorie " + (i % 8), i % 3 == 0, List.of()));
                } else {
                    batch.add(source.post(random, i));
                }
                if (batch.size() == 1000) {
                    index.put(batch);
                    batch.clear();
                }
            }
            if (reuse) {
                System.out.printf("index kept in %s: %d posts%n", dir, index.documentCount());
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
            // Then the same load for -Dbench.warmup seconds (10 by default), not counted: a server
            // answers warm, and the first seconds measure the JIT compiling Lucene, not a search
            // (the same code had a p99 of 113 ms over 20 s, 39 ms over 60 s).
            var threadBean = java.lang.management.ManagementFactory.getThreadMXBean();
            int warmup = Integer.getInteger("bench.warmup", 10);
            for (int pass = warmup > 0 ? 0 : 1; pass < 2; pass++) {
                ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
                java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
                CountDownLatch done = new CountDownLatch(threads);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(pass == 0 ? warmup : seconds);
                for (int t = 0; t < threads; t++) {
                    int seed = t;
                    Thread.ofPlatform().start(() -> {
                        // Grown as needed: 16 arrays of 2 million would not fit the launcher's 200 MB heap.
                        long[] times = new long[4096];
                        int n = 0;
                        long cpuStart = threadBean.getCurrentThreadCpuTime();
                        int q = seed;
                        while (System.nanoTime() < until) {
                            if (n == times.length) {
                                times = Arrays.copyOf(times, n * 2);
                            }
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
                if (pass == 0) {
                    System.out.printf("warm-up: %d searches from %d threads in %d s (not counted)%n", merged.length, threads, warmup);
                    continue;
                }
                System.out.printf("%d searches from %d threads in %d s: %.0f/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms, CPU %.2f ms per search%n",
                        merged.length, threads, seconds, merged.length / (double) seconds,
                        merged[merged.length / 2] / 1e6, merged[(int) (merged.length * 0.99)] / 1e6,
                        merged[merged.length - 1] / 1e6, cpu.get() / 1e6 / merged.length);
            }
            if (Boolean.getBoolean("bench.perQuery")) {
                for (String query : QUERIES) {
                    int runs = 100;
                    long s = threadBean.getCurrentThreadCpuTime();
                    long hits = 0;
                    for (int i = 0; i < runs; i++) {
                        hits = index.search(SearchRequest.of(query)).total();
                    }
                    System.out.printf("  %-30s CPU %6.2f ms  (%d résultats comptés)%n", query,
                            (threadBean.getCurrentThreadCpuTime() - s) / 1e6 / runs, hits);
                }
            }
        } finally {
            if (kept != null) {
                return;
            }
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

    /** Texts of corpus-fr, as word lists, to draw realistic posts from. */
    record Source(List<String[]> titles, List<String[]> docs, List<String[]> solutions) {

        // A JSON string, its loop unrolled: (?:[^"\\]|\\.)* recursed once per character and
        // overflowed the launcher's 512 KB stacks (-Xss512k) on the longest answers.
        private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile(
                "\"(title|body)\": \"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

        static Source read(Path folder) throws java.io.IOException {
            List<String[]> titles = new ArrayList<>();
            List<String[]> docs = new ArrayList<>();
            List<String[]> solutions = new ArrayList<>();
            for (String line : Files.readAllLines(folder.resolve("questions.jsonl"))) {
                var m = FIELD.matcher(line);
                String title = "";
                StringBuilder body = new StringBuilder();
                String lastAnswer = "";
                int bodies = 0;
                while (m.find()) {
                    String value = unescape(m.group(2));
                    if (m.group(1).equals("title")) {
                        title = value;
                    } else {
                        if (bodies++ > 0) {
                            lastAnswer = value;
                        }
                        body.append(value).append('\n');
                    }
                }
                if (!title.isEmpty()) {
                    titles.add(words(title));
                    docs.add(words(body.toString()));
                    solutions.add(words(lastAnswer));
                }
            }
            try (var files = Files.list(folder.resolve("tutorials"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    String text = Files.readString(file);
                    String[] parts = text.split("\n---\n", 2);
                    String title = parts[0].replaceAll("(?s).*?title: \"([^\"]*)\".*", "$1");
                    titles.add(words(title));
                    docs.add(words(parts.length > 1 ? parts[1] : text));
                    solutions.add(new String[0]);
                }
            }
            return new Source(titles, docs, solutions);
        }

        long vocabulary() {
            return docs.stream().flatMap(Arrays::stream).map(String::toLowerCase).distinct().count();
        }

        /** Post i: the title of a source, 120 words in windows of 6 to 20 from its own text (one window in five from another source), a solution for one post in three. */
        SearchDocument post(Random random, int i) {
            int d = random.nextInt(docs.size());
            String title = String.join(" ", titles.get(d));
            String body = windows(random, d, 120);
            String solution = i % 3 == 0 ? windows(random, solutions.get(d).length > 20 ? -1 - d : d, 40) : "";
            return new SearchDocument("topic:" + i, SearchType.TOPIC, title, "", solution, body, "/t/" + i + "/x",
                    "categorie-" + (i % 8), "Catégorie " + (i % 8), i % 3 == 0, List.of());
        }

        private String windows(Random random, int d, int count) {
            StringBuilder out = new StringBuilder();
            int n = 0;
            while (n < count) {
                String[] text = d < 0 ? solutions.get(-1 - d)
                        : random.nextInt(5) == 0 ? docs.get(random.nextInt(docs.size())) : docs.get(d);
                if (text.length == 0) {
                    text = docs.get(d < 0 ? -1 - d : d);
                }
                int length = Math.min(text.length, 6 + random.nextInt(15));
                int from = random.nextInt(text.length - length + 1);
                for (int k = from; k < from + length && n < count; k++, n++) {
                    out.append(n == 0 ? "" : " ").append(text[k]);
                }
                out.append(n < count ? "." : "");
            }
            return out.toString();
        }

        private static String[] words(String text) {
            return Arrays.stream(text.split("[^\\p{L}\\p{N}'’·-]+")).filter(w -> !w.isBlank()).toArray(String[]::new);
        }

        private static String unescape(String json) {
            StringBuilder out = new StringBuilder(json.length());
            for (int i = 0; i < json.length(); i++) {
                char c = json.charAt(i);
                if (c != '\\' || i + 1 == json.length()) {
                    out.append(c);
                    continue;
                }
                char e = json.charAt(++i);
                switch (e) {
                    case 'n', 'r', 't' -> out.append(' ');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            }
            return out.toString();
        }
    }
}
