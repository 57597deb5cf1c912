package fr.mare.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 of the passage's distinct words, times the norm of its place),
 * computed without a {@code BytesRefHash} per passage: Lucene's own builds one, with a 32 KB
 * block, for every sentence that holds a match, which was a quarter of the bytes a search
 * allocated (issue #12, docs/perf.md « Recherche »). A passage holds a few matches, so its
 * distinct words are found by a linear scan, in the order Lucene numbers them: the sum is the
 * same, term for term ({@code PassageScoresTest}).
 */
final class PassageScores extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        // first[i]: the index of the first match with the same word as match i.
        int[] inPassage = new int[matches];
        double score = 0;
        for (int i = 0; i < matches; i++) {
            int first = i;
            for (int j = 0; j < i; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    first = j;
                    break;
                }
            }
            inPassage[first]++;
        }
        for (int i = 0; i < matches; i++) {
            if (inPassage[i] > 0) {
                score += tf(inPassage[i], passage.getLength()) * weight(contentLength, freqsInDoc[i]);
            }
        }
        return (float) (score * norm(passage.getStartOffset()));
    }
}
