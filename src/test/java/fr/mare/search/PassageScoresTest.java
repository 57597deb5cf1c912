package fr.mare.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PassageScoresTest {

    private static final String[] WORDS = {"agenda", "calendrier", "partag", "lien", "dossier", "mot", "pass"};

    /** Passages of 1 to 12 matches over a few words (repeated, as in a real sentence), at various places. */
    private static Passage passage(Random random) {
        Passage passage = new Passage();
        int start = random.nextInt(5_000);
        int matches = 1 + random.nextInt(12);
        passage.setStartOffset(start);
        // Lucene checks that each match lies inside the passage: its end is set first.
        passage.setEndOffset(start + matches * 40 + 10 + random.nextInt(200));
        int at = start;
        for (int i = 0; i < matches; i++) {
            at += 1 + random.nextInt(30);
            String word = WORDS[random.nextInt(WORDS.length)];
            // A new BytesRef per match, as the highlighter gives: equal words, not the same object.
            passage.addMatch(at, at + word.length(), new BytesRef(word), 1 + random.nextInt(40));
        }
        return passage;
    }

    @Test
    void scoresEveryPassageExactlyAsLuceneDoes() {
        PassageScorer lucene = new PassageScorer();
        PassageScorer ours = new PassageScores();
        Random random = new Random(12);
        float previous = Float.NaN;
        for (int i = 0; i < 5_000; i++) {
            Passage passage = passage(random);
            int contentLength = passage.getEndOffset() + random.nextInt(20_000);
            float expected = lucene.score(passage, contentLength);
            assertEquals(expected, ours.score(passage, contentLength), 0f, "passage " + i);
            if (i == 1) {
                assertNotEquals(previous, expected, "the passages drawn differ");
            }
            previous = expected;
        }
    }

    @Test
    void aWordRepeatedInAPassageCountsOnceWithItsFrequency() {
        Passage once = new Passage();
        once.setStartOffset(0);
        once.setEndOffset(100);
        once.addMatch(0, 6, new BytesRef("agenda"), 3);
        Passage twice = new Passage();
        twice.setStartOffset(0);
        twice.setEndOffset(100);
        twice.addMatch(0, 6, new BytesRef("agenda"), 3);
        twice.addMatch(50, 56, new BytesRef("agenda"), 3);
        PassageScorer ours = new PassageScores();
        float one = ours.score(once, 1_000);
        float two = ours.score(twice, 1_000);
        assertEquals(new PassageScorer().score(twice, 1_000), two, 0f);
        // More of the same word raises the score, but less than a second distinct word would.
        org.junit.jupiter.api.Assertions.assertTrue(two > one && two < 2 * one, one + " then " + two);
    }
}
