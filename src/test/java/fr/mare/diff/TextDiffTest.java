package fr.mare.diff;

import static fr.mare.diff.DiffChecks.added;
import static fr.mare.diff.DiffChecks.changed;
import static fr.mare.diff.DiffChecks.del;
import static fr.mare.diff.DiffChecks.diffChecked;
import static fr.mare.diff.DiffChecks.eq;
import static fr.mare.diff.DiffChecks.ins;
import static fr.mare.diff.DiffChecks.removed;
import static fr.mare.diff.DiffChecks.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void identicalTextsAreAllSame() {
        String text = "# Sauvegarder\n\nOuvrez **Réglages**, puis l'onglet « Sauvegarde ».";
        DiffResult result = diffChecked(text, text);
        assertTrue(result.identical());
        assertEquals(List.of(
                same(1, 1, "# Sauvegarder"),
                same(2, 2, ""),
                same(3, 3, "Ouvrez **Réglages**, puis l'onglet « Sauvegarde ».")), result.lines());
        assertEquals(0, result.insertedWords());
        assertEquals(0, result.deletedWords());
    }

    @Test
    void nullCountsAsEmpty() {
        DiffResult none = diffChecked(null, null);
        assertTrue(none.identical());
        assertEquals(List.of(), none.lines());
        assertTrue(diffChecked(null, "").identical());
        assertEquals(List.of(added(1, "Salut")), diffChecked(null, "Salut").lines());
        assertEquals(List.of(removed(1, "Salut")), diffChecked("Salut", null).lines());
    }

    @Test
    void emptyVersusText() {
        DiffResult result = diffChecked("", "Bonjour à tous,\n\nbienvenue !");
        assertFalse(result.identical());
        assertEquals(List.of(added(1, "Bonjour à tous,"), added(2, ""), added(3, "bienvenue !")), result.lines());
        assertEquals(4, result.insertedWords());
        assertEquals(0, result.deletedWords());

        DiffResult back = diffChecked("Bonjour à tous,\n\nbienvenue !", "");
        assertEquals(List.of(removed(1, "Bonjour à tous,"), removed(2, ""), removed(3, "bienvenue !")), back.lines());
        assertEquals(0, back.insertedWords());
        assertEquals(4, back.deletedWords());
    }

    @Test
    void pureInsertionOfLines() {
        DiffResult result = diffChecked("un\ndeux\ntrois", "un\ndeux\ndeux et demi\nencore\ntrois");
        assertEquals(List.of(
                same(1, 1, "un"),
                same(2, 2, "deux"),
                added(3, "deux et demi"),
                added(4, "encore"),
                same(3, 5, "trois")), result.lines());
        assertEquals(4, result.insertedWords());
        assertEquals(0, result.deletedWords());
    }

    @Test
    void pureDeletionOfLines() {
        DiffResult result = diffChecked("un\ndeux\ntrois\nquatre", "un\nquatre");
        assertEquals(List.of(
                same(1, 1, "un"),
                removed(2, "deux"),
                removed(3, "trois"),
                same(4, 2, "quatre")), result.lines());
        assertEquals(0, result.insertedWords());
        assertEquals(2, result.deletedWords());
    }

    @Test
    void aChangedWordIsExactlyThatWord() {
        DiffResult result = diffChecked(
                "Titre\nLe chat dort sur le canapé, tranquille.\nFin",
                "Titre\nLe chien dort sur le canapé, tranquille.\nFin");
        assertEquals(List.of(
                same(1, 1, "Titre"),
                changed(2, 2, eq("Le "), del("chat"), ins("chien"), eq(" dort sur le canapé, tranquille.")),
                same(3, 3, "Fin")), result.lines());
        assertEquals(1, result.insertedWords());
        assertEquals(1, result.deletedWords());
    }

    @Test
    void accentsAndApostrophesStayInsideWords() {
        DiffResult result = diffChecked("C'est l'été à Noël.", "C'est l'automne à Noël.");
        assertEquals(List.of(changed(1, 1, eq("C'est "), del("l'été"), ins("l'automne"), eq(" à Noël."))),
                result.lines());
        assertEquals(1, result.insertedWords());
        assertEquals(1, result.deletedWords());

        // Typographic apostrophe, and accents typed as a letter plus a combining mark.
        DiffResult curly = diffChecked("aujourd’hui l’e\u0301te\u0301", "aujourd’hui l’hiver");
        assertEquals(List.of(changed(1, 1, eq("aujourd’hui "), del("l’e\u0301te\u0301"), ins("l’hiver"))),
                curly.lines());
    }

    @Test
    void onlyTheChangedPartOfAWordSequenceIsMarked() {
        DiffResult result = diffChecked("Il a vu le petit chat dormir.", "Il a vu le gros chien dormir.");
        // The kept space between "petit" and "chat" is shown inside the edit: one readable group.
        assertEquals(List.of(changed(1, 1, eq("Il a vu le "), del("petit chat"), ins("gros chien"), eq(" dormir."))),
                result.lines());
        assertEquals(2, result.insertedWords());
        assertEquals(2, result.deletedWords());
    }

    @Test
    void distantEditsInALineStaySeparate() {
        DiffResult result = diffChecked("Le chat noir dort ici.", "Le chat blanc dort là.");
        assertEquals(List.of(changed(1, 1,
                eq("Le chat "), del("noir"), ins("blanc"), eq(" dort "), del("ici"), ins("là"), eq("."))),
                result.lines());
    }

    @Test
    void punctuationAndSpacesAreTheirOwnTokens() {
        DiffResult result = diffChecked("Voir la page, puis valider.", "Voir la page ; puis valider !");
        assertEquals(List.of(changed(1, 1,
                eq("Voir la page"), del(", "), ins(" ; "), eq("puis valider"), del("."), ins(" !"))),
                result.lines());
        assertEquals(0, result.insertedWords());
        assertEquals(0, result.deletedWords());
    }

    @Test
    void lineNumbersInAMixedHunk() {
        String before = "a\nb\nc\nd\ne\nf";
        String after = "a\nB\nc\nx\ny\nf\ng";
        DiffResult result = diffChecked(before, after);
        assertEquals(List.of(
                same(1, 1, "a"),
                changed(2, 2, del("b"), ins("B")),
                same(3, 3, "c"),
                changed(4, 4, del("d"), ins("x")),
                changed(5, 5, del("e"), ins("y")),
                same(6, 6, "f"),
                added(7, "g")), result.lines());
        assertEquals(4, result.insertedWords());
        assertEquals(3, result.deletedWords());
    }

    @Test
    void anUnpairedRemovedLineFollowsItsHunksPair() {
        DiffResult result = diffChecked("début\nun deux\ntrois quatre\nfin", "début\nun DEUX\nfin");
        assertEquals(List.of(
                same(1, 1, "début"),
                changed(2, 2, eq("un "), del("deux"), ins("DEUX")),
                removed(3, "trois quatre"),
                same(4, 3, "fin")), result.lines());
        assertEquals(1, result.insertedWords());
        assertEquals(3, result.deletedWords());
    }

    @Test
    void anEditedParagraphIsPairedWithItselfWhenAParagraphIsAddedBeforeIt() {
        String before = "Intro\n\nLe chat dort sur le canapé.";
        String after = "Intro\n\nUn tout nouveau paragraphe.\n\nLe chien dort sur le canapé.";
        DiffResult result = diffChecked(before, after);
        assertEquals(List.of(
                same(1, 1, "Intro"),
                same(2, 2, ""),
                added(3, "Un tout nouveau paragraphe."),
                added(4, ""),
                changed(3, 5, eq("Le "), del("chat"), ins("chien"), eq(" dort sur le canapé."))), result.lines());
        assertEquals(5, result.insertedWords());
        assertEquals(1, result.deletedWords());
    }

    @Test
    void similarLinesPairAcrossAnInsertionEvenWhenCountsMatch() {
        DiffResult result = diffChecked("début\nLe chat dort.\nAdieu tout le monde\nfin",
                "début\nUne phrase nouvelle.\nLe chien dort.\nfin");
        assertEquals(List.of(
                same(1, 1, "début"),
                added(2, "Une phrase nouvelle."),
                changed(2, 3, eq("Le "), del("chat"), ins("chien"), eq(" dort.")),
                removed(3, "Adieu tout le monde"),
                same(4, 4, "fin")), result.lines());
        assertEquals(4, result.insertedWords());
        assertEquals(5, result.deletedWords());
    }

    @Test
    void withNothingInCommonPairingIsInOrder() {
        DiffResult result = diffChecked("x\nalpha\ny", "x\nun\ndeux\ny");
        assertEquals(List.of(
                same(1, 1, "x"),
                changed(2, 2, del("alpha"), ins("un")),
                added(3, "deux"),
                same(3, 4, "y")), result.lines());
    }

    @Test
    void lineEndingsAreNormalized() {
        DiffResult result = diffChecked("un\r\ndeux\r\ntrois\r\n", "un\ndeux\ntrois");
        assertTrue(result.identical());
        assertEquals(3, result.lines().size());
        assertTrue(diffChecked("un\rdeux", "un\ndeux").identical());
        assertEquals(List.of(same(1, 1, "un"), changed(2, 2, del("deux"), ins("2"))),
                diffChecked("un\r\ndeux\r\n", "un\n2\n").lines());
    }

    @Test
    void aFinalLineTerminatorIsNotALine() {
        assertTrue(diffChecked("texte", "texte\n").identical());
        DiffResult blank = diffChecked("texte\n", "texte\n\n");
        assertEquals(List.of(same(1, 1, "texte"), added(2, "")), blank.lines());
        assertEquals(0, blank.insertedWords());
        assertEquals(List.of(added(1, "")), diffChecked("", "\n").lines());
    }

    @Test
    void wordCountsAddUpOverLines() {
        String before = "Installer Nextcloud sur le serveur.\nRedémarrer ensuite.\nVérifier les journaux.";
        String after = "Installer Nextcloud 28 sur le serveur de l'association.\nVérifier les journaux d'erreurs.\nFini !";
        DiffResult result = diffChecked(before, after);
        assertEquals(List.of(
                changed(1, 1, eq("Installer Nextcloud "), ins("28 "), eq("sur le serveur"),
                        ins(" de l'association"), eq(".")),
                removed(2, "Redémarrer ensuite."),
                changed(3, 2, eq("Vérifier les journaux"), ins(" d'erreurs"), eq(".")),
                added(3, "Fini !")), result.lines());
        assertEquals(1 + 2 + 1 + 1, result.insertedWords()); // 28, de l'association, d'erreurs, Fini
        assertEquals(2, result.deletedWords()); // Redémarrer ensuite
    }

    @Test
    void markdownSyntaxChangesShow() {
        DiffResult result = diffChecked("## Étape 1\n[lien](https://a.example)", "### Étape 1\n[lien](https://b.example)");
        assertEquals(List.of(
                changed(1, 1, eq("##"), ins("#"), eq(" Étape 1")),
                changed(2, 2, eq("[lien](https://"), del("a"), ins("b"), eq(".example)"))), result.lines());
    }

    @Test
    void diffLineRejectsBrokenInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new DiffLine(DiffLine.Kind.ADDED, 1, 1, List.of(ins("x"))));
        assertThrows(IllegalArgumentException.class, () -> new DiffLine(DiffLine.Kind.SAME, 1, 0, List.of(eq("x"))));
        assertThrows(IllegalArgumentException.class, () -> new DiffLine(DiffLine.Kind.REMOVED, 1, 0, List.of(ins("x"))));
        assertThrows(IllegalArgumentException.class,
                () -> new DiffLine(DiffLine.Kind.CHANGED, 1, 1, List.of(del("a"), del("b"))));
        assertThrows(IllegalArgumentException.class, () -> new DiffLine(DiffLine.Kind.CHANGED, 1, 1, List.of()));
    }

    /**
     * Random small texts over a tiny alphabet, so lines repeat and hunks interleave: the result is
     * always consistent, and keeps as many lines SAME as a longest common subsequence allows.
     */
    @Test
    void randomTextsGiveConsistentMinimalResults() {
        Random random = new Random(20261130);
        String[] vocabulary = {"a", "b", "c b", "l'été", "", "d e f", "<x>"};
        for (int round = 0; round < 2_000; round++) {
            List<String> oldLines = randomLines(random, vocabulary);
            List<String> newLines = randomLines(random, vocabulary);
            String before = String.join(random.nextBoolean() ? "\n" : "\r\n", oldLines);
            String after = String.join("\n", newLines);
            DiffResult result = diffChecked(before, after);
            List<String> oldSide = TextDiff.lines(TextDiff.normalize(before));
            List<String> newSide = TextDiff.lines(TextDiff.normalize(after));
            assertEquals(lcs(oldSide, newSide), DiffChecks.count(result, DiffLine.Kind.SAME), before + " | " + after);
        }
    }

    private static List<String> randomLines(Random random, String[] vocabulary) {
        int count = random.nextInt(8);
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            lines.add(vocabulary[random.nextInt(vocabulary.length)]);
        }
        return lines;
    }

    static int lcs(List<?> a, List<?> b) {
        int[][] table = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                table[i][j] = a.get(i).equals(b.get(j))
                        ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
            }
        }
        return table[0][0];
    }
}
