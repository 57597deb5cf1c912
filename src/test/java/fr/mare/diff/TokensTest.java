package fr.mare.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static List<String> tokens(String line) {
        Tokens tokens = Tokens.of(line);
        List<String> texts = new ArrayList<>();
        StringBuilder rebuilt = new StringBuilder();
        for (int t = 0; t < tokens.count(); t++) {
            texts.add(tokens.text(t));
            rebuilt.append(tokens.text(t));
        }
        assertEquals(line, rebuilt.toString(), "tokens tile the line");
        return texts;
    }

    @Test
    void frenchWordsKeepAccentsAndInnerApostrophes() {
        assertEquals(List.of("l'été", " ", "aujourd’hui", " ", "quelqu'un", " ", "Noël", "."),
                tokens("l'été aujourd’hui quelqu'un Noël."));
        assertEquals(List.of("l'été"), tokens("l'été"));
        assertEquals(1, Tokens.of("l'été").wordCount());
    }

    @Test
    void quotingApostrophesAndHyphensAreTokensOfTheirOwn() {
        assertEquals(List.of("'", "oui", "'"), tokens("'oui'"));
        assertEquals(List.of("rendez", "-", "vous"), tokens("rendez-vous"));
        assertEquals(List.of("l", "'", " ", "x"), tokens("l' x"));
    }

    @Test
    void whitespaceRunsAndPunctuation() {
        assertEquals(List.of("a", "  \t", "b", "\u00A0", ":", "*", "*", "c", "*", "*"), tokens("a  \tb\u00A0:**c**"));
        assertEquals(List.of("#", "#", " ", "Titre", " ", "2"), tokens("## Titre 2"));
    }

    @Test
    void combiningMarksEmojiAndJoinersStayWhole() {
        assertEquals(List.of("e\u0301te\u0301", " ", "\uD83D\uDC4D\uFE0F", "!"), tokens("e\u0301te\u0301 \uD83D\uDC4D\uFE0F!"));
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        assertEquals(List.of("a", family, "b"), tokens("a" + family + "b"));
        assertEquals(List.of("\uD83D\uDE00", "\uD83D\uDE00"), tokens("\uD83D\uDE00\uD83D\uDE00"));
    }

    @Test
    void wordCountCountsWordsOnly() {
        assertEquals(0, Tokens.wordCount(""));
        assertEquals(0, Tokens.wordCount(" -- ; ! "));
        assertEquals(4, Tokens.wordCount("Nextcloud 28, c'est l'idéal !"));
    }
}
