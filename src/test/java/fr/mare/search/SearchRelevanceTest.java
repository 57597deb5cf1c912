package fr.mare.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relevance over the shared French corpus (#12): the graded queries of
 * {@code graded-queries.tsv} (typed as people type them), run against an index built with Mare's
 * analysis and ranking, and against a naive search (exact words, accent-sensitive, every word
 * required) for comparison. Fails if any query with an answering (grade 2) document finds none
 * in its top 10, or if the targets (≥ 90 % answered in the top 10, nDCG@10 ≥ 0.7) are missed.
 * Figures are printed and recorded in docs/perf.md (« Recherche »).
 */
class SearchRelevanceTest {

    private static final int K = 10;

    record Judged(String query, Map<String, Integer> grades) {
    }

    record Score(double ndcg, double recall, boolean answered) {
    }

    @TempDir
    Path temp;

    @Test
    void gradedQueriesFindTheirAnswers() throws Exception {
        Assumptions.assumeTrue(Corpus.present(), "corpus absent (" + Corpus.DIR.toAbsolutePath() + "): relevance not measured");
        List<SearchDocument> docs = Corpus.documents();
        List<Judged> judged = judged();
        assertTrue(judged.size() >= 60, "at least 60 graded queries: " + judged.size());

        var synonyms = FrenchAnalysis.parseSynonyms(new java.io.InputStreamReader(
                SearchService.class.getResourceAsStream("synonymes.txt"), StandardCharsets.UTF_8));
        List<Score> mare = new ArrayList<>();
        List<Score> naive = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (SearchIndex index = SearchIndex.open(temp.resolve("index"), synonyms); Naive baseline = new Naive(docs)) {
            index.put(docs);
            index.refresh();
            for (Judged j : judged) {
                List<String> top = index.topKeys(SearchRequest.of(j.query()), K);
                Score s = score(top, j.grades());
                mare.add(s);
                naive.add(score(baseline.top(j.query()), j.grades()));
                if (!s.answered() && j.grades().containsValue(2)) {
                    failures.add("« " + j.query() + " » → " + top + " (attendu " + j.grades() + ")");
                }
            }
        }
        String report = String.format(java.util.Locale.ROOT,
                "Recherche, %d requêtes notées, %d documents%n"
                        + "  Mare  : réponse (note 2) dans le top 10 : %.1f %%, nDCG@10 = %.3f, rappel@10 = %.3f%n"
                        + "  naïve : réponse (note 2) dans le top 10 : %.1f %%, nDCG@10 = %.3f, rappel@10 = %.3f",
                judged.size(), docs.size(),
                100 * answered(mare), mean(mare, Score::ndcg), mean(mare, Score::recall),
                100 * answered(naive), mean(naive, Score::ndcg), mean(naive, Score::recall));
        System.out.println(report);
        failures.forEach(f -> System.out.println("  sans réponse : " + f));
        assertTrue(failures.isEmpty(), "queries with no answering document in their top 10:\n" + String.join("\n", failures));
        assertTrue(answered(mare) >= 0.9, report);
        assertTrue(mean(mare, Score::ndcg) >= 0.7, report);
    }

    static List<Judged> judged() throws IOException {
        List<Judged> out = new ArrayList<>();
        try (var in = SearchRelevanceTest.class.getResourceAsStream("graded-queries.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                Map<String, Integer> grades = new LinkedHashMap<>();
                for (String g : parts[1].trim().split("\\s+")) {
                    String[] kv = g.split("=");
                    grades.put(kv[0], Integer.parseInt(kv[1]));
                }
                out.add(new Judged(parts[0].trim(), grades));
            }
        }
        return out;
    }

    static Score score(List<String> top, Map<String, Integer> grades) {
        double dcg = 0;
        int found = 0;
        boolean answered = false;
        for (int i = 0; i < Math.min(K, top.size()); i++) {
            int g = grades.getOrDefault(top.get(i), 0);
            dcg += (Math.pow(2, g) - 1) / (Math.log(i + 2) / Math.log(2));
            if (g > 0) {
                found++;
            }
            answered |= g == 2;
        }
        List<Integer> ideal = grades.values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(K, ideal.size()); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return new Score(idcg == 0 ? 0 : dcg / idcg, (double) found / Math.min(K, grades.size()), answered);
    }

    private static double answered(List<Score> scores) {
        return scores.stream().filter(Score::answered).count() / (double) scores.size();
    }

    private static double mean(List<Score> scores, java.util.function.ToDoubleFunction<Score> f) {
        return scores.stream().mapToDouble(f).average().orElse(0);
    }

    /** The naive search: exact words, lower case only (accents kept), every word required, one field. */
    static final class Naive implements AutoCloseable {
        private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
        private final Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
        private final DirectoryReader reader;

        Naive(List<SearchDocument> docs) throws IOException {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (SearchDocument d : docs) {
                    Document doc = new Document();
                    doc.add(new StringField("key", d.key(), Field.Store.YES));
                    doc.add(new TextField("all", d.title() + "\n" + d.headings() + "\n" + d.solution() + "\n" + d.body(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            reader = DirectoryReader.open(dir);
        }

        List<String> top(String query) throws IOException {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            List<String> words = FrenchAnalysis.terms(analyzer, query);
            if (words.isEmpty()) {
                return List.of();
            }
            for (String word : words) {
                all.add(new TermQuery(new Term("all", word)), BooleanClause.Occur.MUST);
            }
            IndexSearcher searcher = new IndexSearcher(reader);
            List<String> keys = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(all.build(), K).scoreDocs) {
                keys.add(searcher.storedFields().document(hit.doc).get("key"));
            }
            return keys;
        }

        @Override
        public void close() throws IOException {
            reader.close();
            dir.close();
        }
    }
}
