package fr.mare.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The Lucene index of one node: plain Java (no container), so that the unit tests, the graded
 * relevance test and the benchmark run the very code the application runs.
 * <p>
 * Ranking: BM25 over weighted fields — title ×4, headings ×2, accepted answer ×2, body ×1 —
 * each word of the query optional (more words matched rank higher), synonyms expanded at query
 * time; on short queries (up to {@value #FUZZY_MAX_WORDS} words) each word also matches with one
 * or two typos, at a lower weight. Filters (type, category, solved, tag) never change the score.
 * <p>
 * The index's commit data holds the analysis version and the outbox position it has applied
 * ({@link #commitData}); {@link SearchService} decides what to do with them.
 */
public final class SearchIndex implements Closeable {

    static final String KEY = "key";
    static final String TYPE = "type";
    static final String TITLE = "title";
    static final String HEADINGS = "headings";
    static final String SOLUTION = "solution";
    static final String BODY = "body";
    static final String WORDS = "words";
    static final String URL = "url";
    static final String CATEGORY = "category";
    static final String CATEGORY_NAME = "categoryName";
    static final String SOLVED = "solved";
    static final String TAG = "tag";

    static final int FUZZY_MAX_WORDS = 3;
    /** Matches are counted exactly up to this number; past it, « plus de 100 résultats ». */
    static final int COUNT_LIMIT = 100;
    private static final int MAX_BODY_CHARS = 60_000;
    private static final int SNIPPET_CHARS = 220;

    private static final Map<String, Float> FIELDS = new LinkedHashMap<>();
    /** The fields where the phrases of multi-word synonyms are looked for (see addFlat). */
    private static final java.util.Set<String> PHRASE_FIELDS = java.util.Set.of(TITLE, BODY);

    static {
        FIELDS.put(TITLE, 4f);
        FIELDS.put(HEADINGS, 2f);
        FIELDS.put(SOLUTION, 2f);
        FIELDS.put(BODY, 1f);
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer indexAnalyzer;
    private final Analyzer plainAnalyzer;
    /** The « Vouliez-vous dire » words' chain, built once (a new analyzer per search built its components again). */
    private final Analyzer wordAnalyzer;
    private final Supplier<Analyzer> queryAnalyzer;
    /**
     * Searches that run at once: as many as the cores; the others wait their turn, in order (a
     * fair semaphore), as in Elasticsearch's fixed search pool. Left to the scheduler, 16 searches
     * on 2 cores were served unevenly: a median of 1.7 ms but a p99 of 160 ms; taking turns, the
     * same searches had a p99 of 25 ms (issue #12, docs/perf.md « Recherche »). A search is CPU
     * work on an index the page cache holds: more at once than cores only makes each one longer.
     */
    private final java.util.concurrent.Semaphore running =
            new java.util.concurrent.Semaphore(Runtime.getRuntime().availableProcessors(), true);

    private SearchIndex(Directory directory, Supplier<Analyzer> queryAnalyzer) throws IOException {
        this.directory = directory;
        this.wordAnalyzer = FrenchAnalysis.wordAnalyzer();
        this.indexAnalyzer = new PerFieldAnalyzerWrapper(FrenchAnalysis.indexAnalyzer(), Map.of(WORDS, wordAnalyzer));
        this.plainAnalyzer = FrenchAnalysis.indexAnalyzer();
        this.queryAnalyzer = queryAnalyzer;
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens (or creates) the index in this folder.
     *
     * @param queryAnalyzer the current query chain (synonyms may change between two searches)
     */
    public static SearchIndex open(Path folder, Supplier<Analyzer> queryAnalyzer) {
        try {
            return new SearchIndex(new MMapDirectory(folder), queryAnalyzer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens with fixed synonyms (tests, benchmark). */
    public static SearchIndex open(Path folder, SynonymMap synonyms) {
        Analyzer analyzer = FrenchAnalysis.queryAnalyzer(synonyms);
        return open(folder, () -> analyzer);
    }

    /** The commit data of the last commit in this folder, empty if there is no index there. */
    public static Map<String, String> readCommitData(Path folder) {
        try (FSDirectory dir = FSDirectory.open(folder)) {
            if (!DirectoryReader.indexExists(dir)) {
                return Map.of();
            }
            return SegmentInfos.readLatestCommit(dir).getUserData();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** Adds or replaces these documents (by key). Visible to searches after {@link #refresh}. */
    public void put(Collection<SearchDocument> documents) {
        try {
            for (SearchDocument document : documents) {
                writer.updateDocument(new Term(KEY, document.key()), toLucene(document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes these documents (by key). */
    public void delete(Collection<String> keys) {
        try {
            for (String key : keys) {
                writer.deleteDocuments(new Term(KEY, key));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes everything (a rebuild starts with this). */
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the latest changes searchable (near real time, no fsync). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes durable, with this commit data (outbox position, version). */
    public void commit(Map<String, String> data) {
        try {
            writer.setLiveCommitData(new HashMap<>(data).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    public int documentCount() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Searches; an empty query finds nothing. */
    public SearchResults search(SearchRequest request) {
        if (request.text().isBlank()) {
            return SearchResults.EMPTY;
        }
        running.acquireUninterruptibly();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search(searcher, request);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running.release();
        }
    }

    /** The keys of the top hits only (relevance tests and the benchmark). */
    public List<String> topKeys(SearchRequest request, int count) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query query = query(request, suggestion(searcher.getIndexReader(), request.text()), searcher.getIndexReader());
                TopDocs top = searcher.search(query, count);
                List<String> keys = new ArrayList<>();
                var stored = searcher.storedFields();
                for (ScoreDoc hit : top.scoreDocs) {
                    keys.add(stored.document(hit.doc, java.util.Set.of(KEY)).get(KEY));
                }
                return keys;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResults search(IndexSearcher searcher, SearchRequest request) throws IOException {
        String suggestion = suggestion(searcher.getIndexReader(), request.text());
        // Rewritten once against the index: the typo-tolerant terms become the words the index
        // holds. The highlighter would otherwise rewrite them again for every hit and field
        // (a Levenshtein automaton each time): 62 % of a search's CPU in the profile (docs/perf.md).
        Query query = searcher.rewrite(query(request, suggestion, searcher.getIndexReader()));
        int wanted = (request.page() + 1) * SearchRequest.PAGE_SIZE;
        // Counting stops at COUNT_LIMIT (more than the page shown, so that « next page » stays
        // right): past it, the scorer may skip the documents that cannot reach the top ten
        // instead of scoring them all (issue #12); the page says « plus de 100 résultats ».
        int limit = Math.max(COUNT_LIMIT, wanted) + 1;
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(wanted, null, limit));
        int from = request.page() * SearchRequest.PAGE_SIZE;
        List<SearchHit> hits = new ArrayList<>();
        if (from < top.scoreDocs.length) {
            ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            hits = hits(searcher, query, page);
        }
        boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        // Past the limit, the count is a lower bound above the page asked: « next page » stays right.
        return new SearchResults(hits, top.totalHits.value(), exact, request.page(), suggestion);
    }

    private record ReaderInfos(IndexReader reader, org.apache.lucene.index.FieldInfos infos) {
    }

    private volatile ReaderInfos readerInfos;

    /**
     * The fields of this reader, merged once per reader: a new highlighter merges them again at
     * its first field (2 % of a search's CPU).
     */
    private org.apache.lucene.index.FieldInfos fieldInfos(IndexReader reader) {
        ReaderInfos known = readerInfos;
        if (known == null || known.reader() != reader) {
            known = new ReaderInfos(reader, org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader));
            readerInfos = known;
        }
        return known.infos();
    }

    /** Stateless: one for every search. */
    private static final PassageScores PASSAGE_SCORES = new PassageScores();

    /** Fields read for a hit; the text fields only when highlighting needs them. */
    private static final java.util.Set<String> SHOWN = java.util.Set.of(KEY, TYPE, TITLE, URL, SOLVED, CATEGORY_NAME);

    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        int[] docs = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = page[i].doc;
        }
        // Each hit's stored fields are read (and decompressed) once, here: the highlighter gets
        // its texts from this array instead of reading the same documents again.
        var stored = searcher.storedFields();
        Document[] loaded = new Document[page.length];
        java.util.Set<String> fields = new java.util.HashSet<>(SHOWN);
        fields.add(BODY);
        fields.add(SOLUTION);
        for (int i = 0; i < page.length; i++) {
            loaded[i] = stored.document(docs[i], fields);
        }
        // Phrases (multi-word synonyms: « mot de passe », « lien de partage ») are marked word by
        // word: strict phrase highlighting ran each phrase query again on every hit (12 % of a
        // search's CPU in the profile of 3 December, docs/perf.md).
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, plainAnalyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(MAX_BODY_CHARS)
                .withHighlightPhrasesStrictly(false)
                .withWeightMatches(false)
                .withScorer(PASSAGE_SCORES)) {
            @Override
            protected org.apache.lucene.index.FieldInfo getFieldInfo(String field) {
                return fieldInfos(searcher.getIndexReader()).fieldInfo(field);
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(String[] names, org.apache.lucene.search.DocIdSetIterator iterator,
                    int cacheCharsThreshold) throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = iterator.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                        doc = iterator.nextDoc()) {
                    Document document = null;
                    for (int i = 0; i < docs.length && document == null; i++) {
                        document = docs[i] == doc ? loaded[i] : null;
                    }
                    CharSequence[] row = new CharSequence[names.length];
                    for (int f = 0; f < names.length; f++) {
                        String value = document == null ? null : document.get(names[f]);
                        row[f] = value == null ? "" : value;
                    }
                    values.add(row);
                }
                return values;
            }
        };
        String[] bodies = highlighter.highlightFields(new String[] {BODY}, query, docs, new int[] {2}).get(BODY);
        // The accepted answer's passage is shown only when the body has no matched word: it is
        // highlighted for those hits alone.
        int[] withoutMark = java.util.stream.IntStream.range(0, page.length)
                .filter(i -> (bodies[i] == null || !bodies[i].contains("<mark>")) && loaded[i].get(SOLUTION) != null && !loaded[i].get(SOLUTION).isEmpty())
                .toArray();
        String[] solutions = new String[page.length];
        if (withoutMark.length > 0) {
            int[] solutionDocs = java.util.Arrays.stream(withoutMark).map(i -> docs[i]).toArray();
            String[] found = highlighter.highlightFields(new String[] {SOLUTION}, query, solutionDocs, new int[] {1}).get(SOLUTION);
            for (int k = 0; k < withoutMark.length; k++) {
                solutions[withoutMark[k]] = found[k];
            }
        }
        List<SearchHit> hits = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            Document doc = loaded[i];
            String snippet = bodies[i];
            String fromSolution = solutions[i];
            if (fromSolution != null && (snippet == null || !snippet.contains("<mark>"))) {
                snippet = fromSolution;
            }
            if (snippet == null || snippet.isBlank()) {
                snippet = escape(shorten(doc.get(BODY)));
            }
            String category = doc.get(CATEGORY_NAME);
            hits.add(new SearchHit(doc.get(KEY), SearchType.valueOf(doc.get(TYPE)), doc.get(TITLE), doc.get(URL),
                    snippet, "oui".equals(doc.get(SOLVED)), category, page[i].score));
        }
        return hits;
    }

    /**
     * The query the index runs for this request; {@code corrected} (the « Vouliez-vous dire »
     * text, or null) also searches, a little lower, so that a typo still reaches the synonyms of
     * the word meant (« calandrier » → calendrier → agenda).
     * <p>
     * Typo tolerance (fuzzy terms) is asked only for the words that no title and no body holds
     * as written: a word the index knows is found as it is (and by its stem and synonyms), and its
     * Levenshtein automaton, rewritten against every term of the body field, was the largest
     * remaining cost of a search (issue #12, docs/perf.md « Vitesse »).
     */
    Query query(SearchRequest request, String corrected, IndexReader reader) throws IOException {
        FieldsQueryBuilder builder = new FieldsQueryBuilder(queryAnalyzer.get());
        // Each distinct clause once, its boosts summed: the synonym graph gives some words twice
        // (« partage » as typed and inside « lien de partage »), and the corrected text repeats
        // every word that was right; the same term twice was scored twice (issue #12).
        Map<Query, Float> text = new LinkedHashMap<>();
        boolean any = false;
        Map<String, Query> typed = builder.perField(request.text());
        Map<String, Query> fixed = corrected == null ? Map.of() : builder.perField(corrected);
        for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
            Query q = typed.get(field.getKey());
            if (q != null) {
                addFlat(text, q, field.getValue());
                any = true;
            }
            Query c = fixed.get(field.getKey());
            if (c != null) {
                addFlat(text, c, field.getValue() * 0.8f);
            }
        }
        List<String> words = FrenchAnalysis.terms(plainAnalyzer, request.text());
        if (words.size() <= FUZZY_MAX_WORDS && corrected == null) {
            for (String word : words) {
                if (word.length() < 4 || reader.docFreq(new Term(TITLE, word)) > 0 || reader.docFreq(new Term(BODY, word)) > 0
                        || hasSynonyms(word)) {
                    continue;
                }
                int edits = word.length() >= 7 ? 2 : 1;
                addFlat(text, new FuzzyQuery(new Term(TITLE, word), edits, 1, 30, true), 1.2f);
                addFlat(text, new FuzzyQuery(new Term(BODY, word), edits, 1, 30, true), 0.3f);
                any = true;
            }
        }
        if (!any) {
            return new MatchNoDocsQuery();
        }
        BooleanQuery.Builder disjunction = new BooleanQuery.Builder();
        text.forEach((clause, boost) -> disjunction.add(boost == 1f ? clause : new BoostQuery(clause, boost), Occur.SHOULD));
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(disjunction.build(), Occur.MUST);
        if (request.type() != null) {
            query.add(new TermQuery(new Term(TYPE, request.type().name())), Occur.FILTER);
        }
        if (request.category() != null && !request.category().isBlank()) {
            query.add(new TermQuery(new Term(CATEGORY, request.category())), Occur.FILTER);
        }
        if (request.solved() != null) {
            query.add(new TermQuery(new Term(SOLVED, request.solved() ? "oui" : "non")), Occur.FILTER);
        }
        if (request.tag() != null && !request.tag().isBlank()) {
            query.add(new TermQuery(new Term(TAG, request.tag())), Occur.FILTER);
        }
        return query.build();
    }

    /**
     * The query of one text on each weighted field, the text analysed once: the same chain
     * applies to every field, and analysing it again per field (synonym graph, stemming) was
     * 10 % of a search's CPU in the profile of 3 December (docs/perf.md).
     */
    private static final class FieldsQueryBuilder extends QueryBuilder {

        FieldsQueryBuilder(Analyzer analyzer) {
            super(analyzer);
            setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        }

        Map<String, Query> perField(String text) throws IOException {
            Map<String, Query> queries = new HashMap<>();
            Replay tokens = new Replay(getAnalyzer().tokenStream(BODY, text));
            try {
                Query body = createFieldQuery(tokens, Occur.SHOULD, BODY, false, 0);
                if (body == null) {
                    return queries;
                }
                for (String field : FIELDS.keySet()) {
                    // The body's query with its field renamed; built again (from the tokens
                    // already read) only if it holds a kind of query onField does not know.
                    Query query = onField(body, field);
                    queries.put(field, query != null ? query : createFieldQuery(tokens, Occur.SHOULD, field, false, 0));
                }
            } finally {
                tokens.closeSource();
            }
            return queries;
        }

        /** The same query on another field; null for a kind of query it does not know. */
        private static Query onField(Query query, String field) {
            if (query instanceof TermQuery term) {
                return new TermQuery(new Term(field, term.getTerm().bytes()));
            }
            if (query instanceof org.apache.lucene.search.SynonymQuery synonyms) {
                var copy = new org.apache.lucene.search.SynonymQuery.Builder(field);
                synonyms.getTerms().forEach(t -> copy.addTerm(new Term(field, t.bytes())));
                return copy.build();
            }
            if (query instanceof org.apache.lucene.search.PhraseQuery phrase) {
                var copy = new org.apache.lucene.search.PhraseQuery.Builder().setSlop(phrase.getSlop());
                Term[] terms = phrase.getTerms();
                int[] positions = phrase.getPositions();
                for (int i = 0; i < terms.length; i++) {
                    copy.add(new Term(field, terms[i].bytes()), positions[i]);
                }
                return copy.build();
            }
            if (query instanceof BoostQuery boosted) {
                Query inner = onField(boosted.getQuery(), field);
                return inner == null ? null : new BoostQuery(inner, boosted.getBoost());
            }
            if (query instanceof BooleanQuery bool) {
                BooleanQuery.Builder copy = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
                for (var clause : bool.clauses()) {
                    Query inner = onField(clause.query(), field);
                    if (inner == null) {
                        return null;
                    }
                    copy.add(inner, clause.occur());
                }
                return copy.build();
            }
            return null;
        }
    }

    /** The tokens of one analysis, replayed for each field (QueryBuilder closes what it reads). */
    private static final class Replay extends org.apache.lucene.analysis.TokenFilter {
        private List<org.apache.lucene.util.AttributeSource.State> tokens;
        private java.util.Iterator<org.apache.lucene.util.AttributeSource.State> next;
        private org.apache.lucene.util.AttributeSource.State end;

        Replay(TokenStream source) {
            super(source);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (tokens == null) {
                tokens = new ArrayList<>();
                while (input.incrementToken()) {
                    tokens.add(captureState());
                }
                input.end();
                end = captureState();
                next = tokens.iterator();
            }
            if (!next.hasNext()) {
                return false;
            }
            restoreState(next.next());
            return true;
        }

        @Override
        public void reset() throws IOException {
            if (tokens == null) {
                super.reset();
            } else {
                next = tokens.iterator();
            }
        }

        @Override
        public void end() {
            if (end != null) {
                restoreState(end);
            }
        }

        @Override
        public void close() {
        }

        void closeSource() throws IOException {
            input.close();
        }
    }

    /**
     * Adds this query's optional clauses to {@code into}, each with the boost (added to the boost
     * it already has there, if it is already there): a disjunction of
     * disjunctions scores the same sum as one flat disjunction, but only the flat one lets the
     * scorer ({@code MaxScoreBulkScorer}) skip, clause by clause, the documents that cannot
     * reach the top ten (issue #12, docs/perf.md « Vitesse »).
     */
    private static void addFlat(Map<Query, Float> into, Query query, float boost) {
        if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0
                && bool.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD)) {
            for (var clause : bool.clauses()) {
                addFlat(into, clause.query(), boost);
            }
        } else if (query instanceof BoostQuery boosted) {
            addFlat(into, boosted.getQuery(), boost * boosted.getBoost());
        } else if (query instanceof org.apache.lucene.search.PhraseQuery phrase && !PHRASE_FIELDS.contains(phrase.getField())) {
            // The phrases of multi-word synonyms (« lien de partage », « appel vidéo ») are looked
            // for in the title and the body only (their single-word alternatives stay on every
            // field): checking their positions in the headings and the solution too cost 12 to
            // 16 % of a search's CPU on the synthetic corpus, for nDCG@10 0.905 instead of 0.901.
            return;
        } else {
            into.merge(query, boost, Float::sum);
        }
    }

    /**
     * Whether the synonyms know this word (« synchro », « visio »): a word of this audience, not
     * a typo, already searched through its synonyms; neither corrected nor made typo-tolerant
     * (the automata of those two were 16 % of a search's CPU on the synthetic corpus).
     */
    private boolean hasSynonyms(String word) {
        return FrenchAnalysis.terms(queryAnalyzer.get(), word).size() > 1;
    }

    /**
     * « Vouliez-vous dire » : each word of the query that no document contains, replaced by the
     * closest word that some do (one or two typos away). Null when every word is known.
     */
    private String suggestion(IndexReader reader, String text) throws IOException {
        List<String> words = FrenchAnalysis.terms(wordAnalyzer, text);
        if (words.isEmpty() || words.size() > 6) {
            return null;
        }
        // One typo first, two only if one finds nothing: most typos are one edit away, and the
        // automaton of two edits (built with those of zero and one) was most of the checker's
        // cost (15 % of a search's CPU on the synthetic corpus, 3 December, docs/perf.md).
        DirectSpellChecker oneEdit = new DirectSpellChecker();
        oneEdit.setMinQueryLength(4);
        oneEdit.setMaxEdits(1);
        DirectSpellChecker twoEdits = new DirectSpellChecker();
        twoEdits.setMinQueryLength(4);
        boolean changed = false;
        List<String> corrected = new ArrayList<>();
        for (String word : words) {
            String replacement = word;
            if (reader.docFreq(new Term(WORDS, word)) == 0 && !hasSynonyms(word)) {
                SuggestWord[] similar = oneEdit.suggestSimilar(new Term(WORDS, word), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (similar.length == 0) {
                    similar = twoEdits.suggestSimilar(new Term(WORDS, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                }
                if (similar.length > 0) {
                    replacement = similar[0].string;
                    changed = true;
                }
            }
            corrected.add(replacement);
        }
        return changed ? String.join(" ", corrected) : null;
    }

    /**
     * The fields whose passages are shown: stored, with offsets in the postings, so that the
     * highlighter reads where each word is instead of analysing every hit's text again
     * (analysis version 2; docs/perf.md, « Recherche »).
     */
    private static final FieldType HIGHLIGHTED = highlighted();

    private static FieldType highlighted() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static Document toLucene(SearchDocument document) {
        Document doc = new Document();
        doc.add(new StringField(KEY, document.key(), Field.Store.YES));
        doc.add(new StringField(TYPE, document.type().name(), Field.Store.YES));
        doc.add(new TextField(TITLE, document.title(), Field.Store.YES));
        doc.add(new TextField(HEADINGS, document.headings(), Field.Store.NO));
        doc.add(new Field(SOLUTION, cap(document.solution()), HIGHLIGHTED));
        String body = cap(document.body());
        doc.add(new Field(BODY, body, HIGHLIGHTED));
        doc.add(new TextField(WORDS, document.title() + "\n" + document.headings() + "\n" + body, Field.Store.NO));
        doc.add(new StoredField(URL, document.url()));
        if (document.category() != null) {
            doc.add(new StringField(CATEGORY, document.category(), Field.Store.YES));
        }
        if (document.categoryName() != null) {
            doc.add(new StoredField(CATEGORY_NAME, document.categoryName()));
        }
        doc.add(new StringField(SOLVED, document.solved() ? "oui" : "non", Field.Store.YES));
        for (String tag : document.tags()) {
            doc.add(new StringField(TAG, tag, Field.Store.YES));
        }
        return doc;
    }

    private static String cap(String text) {
        return text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text;
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= SNIPPET_CHARS) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', SNIPPET_CHARS);
        return flat.substring(0, cut > 0 ? cut : SNIPPET_CHARS) + " …";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
