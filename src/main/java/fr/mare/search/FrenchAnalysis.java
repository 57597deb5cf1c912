package fr.mare.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * Mare's French analysis chain, the same for every document and every query:
 * <ol>
 * <li>inclusive-writing forms folded to the base word before tokenizing (« utilisateur·ices »,
 * « membre.s », « adhérent-e-s » → « utilisateur », « membre », « adhérent »);</li>
 * <li>words by Unicode rules ({@link StandardTokenizer}), elisions removed (l', d', qu', jusqu',
 * lorsqu'… with ' or ’), lower case, accents folded to ASCII;</li>
 * <li>query only: synonyms of this audience ({@link Synonyms}, a file administrators edit), applied
 * before stop words so that a rule may hold any word;</li>
 * <li>French stop words (Lucene's list, folded), then French light stemming.</li>
 * </ol>
 * Synonyms apply at query time only: changing the file changes the next search, the index
 * needs no rebuild.
 */
public final class FrenchAnalysis {

    /** Bump when the chain changes: an index built by another version is rebuilt at start. */
    public static final int VERSION = 2;

    private static final String MARKS = "[·•‧⋅.\\-]";
    // Starts with the mark itself, then looks one letter back: a leading look-behind was tried at
    // every character of every text (12 % of a search's CPU in the profile, docs/perf.md).
    private static final Pattern INCLUSIVE = Pattern.compile(
            MARKS + "(?<=\\p{L}" + MARKS + ")"
                    + "(?:e|es|ne|nes|le|les|se|ses|ice|ices|rice|rices|trice|trices|euse|euses|fe|fes|ve|ves|te|tes|x|s)"
                    + "(?:" + MARKS + "s)?(?![\\p{L}\\p{N}])");

    private static final CharArraySet ARTICLES = new CharArraySet(java.util.List.of(
            "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);

    private static final CharArraySet STOP_WORDS = foldedStopWords();

    private FrenchAnalysis() {
    }

    /** The index-time chain (no synonyms). */
    public static Analyzer indexAnalyzer() {
        return new Chain(null, true);
    }

    /** The query-time chain, with these synonyms (null: none). */
    public static Analyzer queryAnalyzer(SynonymMap synonyms) {
        return new Chain(synonyms, true);
    }

    /**
     * Words as typed, only normalised (elisions, case, accents, inclusive forms), neither stemmed
     * nor stopped: the field the typo suggestions read, so that « Vouliez-vous dire » proposes words.
     */
    public static Analyzer wordAnalyzer() {
        return new Chain(null, false);
    }

    /** Reads synonym rules (Solr format: « a, b, c » one group per line, # comments). */
    public static SynonymMap parseSynonyms(Reader rules) throws IOException, ParseException {
        try (Analyzer ruleAnalyzer = new Chain(null, false)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, ruleAnalyzer);
            parser.parse(rules);
            return parser.build();
        }
    }

    /** The inclusive-writing folding alone (exposed for tests). */
    static String foldInclusive(String text) {
        return INCLUSIVE.matcher(text).replaceAll("");
    }

    private static CharArraySet foldedStopWords() {
        CharArraySet folded = new CharArraySet(200, true);
        try (Analyzer fold = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        }) {
            for (Object word : FrenchAnalyzer.getDefaultStopSet()) {
                String text = new String((char[]) word);
                try (TokenStream stream = fold.tokenStream("f", new StringReader(text))) {
                    var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                    stream.reset();
                    while (stream.incrementToken()) {
                        folded.add(term.toString());
                    }
                    stream.end();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Words this audience searches for, which the generic list would drop.
        folded.remove("ete");
        return CharArraySet.unmodifiableSet(folded);
    }

    private static final class Chain extends Analyzer {
        private final SynonymMap synonyms;
        private final boolean stem;

        Chain(SynonymMap synonyms, boolean stem) {
            this.synonyms = synonyms;
            this.stem = stem;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new PatternReplaceCharFilter(INCLUSIVE, "", reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new ElisionFilter(source, ARTICLES);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            if (synonyms != null && synonyms.fst != null) {
                stream = new SynonymGraphFilter(stream, synonyms, true);
            }
            if (stem) {
                stream = new StopFilter(stream, STOP_WORDS);
                stream = new FrenchLightStemFilter(stream);
            }
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    /** The terms of one text through an analyzer (tests and the query builder's diagnostics). */
    public static java.util.List<String> terms(Analyzer analyzer, String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
