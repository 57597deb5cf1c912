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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Long texts: a 10,000-word tutorial with a few edits gets the exact result, and the documented
 * bounds give coarse but correct results. No timing is asserted: {@code docs/perf.md} is where
 * speed is measured.
 */
class LargeTextDiffTest {

    private static final String[] WORDS = {
        "Nextcloud", "serveur", "association", "partage", "dossier", "fichier", "agenda", "contact",
        "sauvegarde", "l'été", "l'hiver", "aujourd'hui", "membres", "réunion", "bénévoles", "trésorier",
        "compte", "mot", "passe", "configurer", "ouvrir", "vérifier", "synchroniser", "télécharger",
        "le", "la", "les", "des", "une", "un", "avec", "pour", "dans", "sur", "puis", "ensuite",
        "données", "réglages", "application", "client", "téléphone", "ordinateur", "mise", "jour",
    };

    /** 1,000 distinct lines of 10 words each. */
    private static List<String> tutorial(long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        HashSet<String> seen = new HashSet<>();
        while (lines.size() < 1_000) {
            StringBuilder line = new StringBuilder();
            for (int w = 0; w < 10; w++) {
                if (w > 0) {
                    line.append(random.nextInt(8) == 0 ? ", " : " ");
                }
                line.append(WORDS[random.nextInt(WORDS.length)]);
            }
            line.append('.');
            if (seen.add(line.toString())) {
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static String replaceWord(String line, int index, String word) {
        String[] words = line.split(" ");
        words[index] = word;
        return String.join(" ", words);
    }

    @Test
    void tenThousandWordTutorialWithAFewEdits() {
        List<String> oldLines = tutorial(7);
        assertEquals(10_000, oldLines.stream().mapToInt(Tokens::wordCount).sum());
        List<String> newLines = new ArrayList<>(oldLines);
        // Old line 100: one word changed (a word surrounded by spaces, not the first or last).
        String line100 = oldLines.get(99);
        String oldWord = line100.split(" ")[4];
        String edited100 = replaceWord(line100, 4, "MODIFIÉ");
        newLines.set(99, edited100);
        // Old line 300 deleted; a new line inserted after old line 600; old line 900 shortened;
        // one line appended.
        newLines.remove(299);
        newLines.add(600, "Une ligne toute neuve, ajoutée ici.");
        String line900 = oldLines.get(899);
        String edited900 = line900.substring(0, line900.length() - 1) + " et encore un peu.";
        newLines.set(899, edited900); // old line 900: one line removed above, one added
        newLines.add("Fin du tutoriel.");

        DiffResult result = diffChecked(String.join("\n", oldLines) + "\n", String.join("\r\n", newLines));
        assertEquals(1_000 + 2, result.lines().size());

        List<DiffLine> changes = result.lines().stream().filter(l -> l.kind() != DiffLine.Kind.SAME).toList();
        int at = line100.indexOf(" " + oldWord + " ") + 1;
        assertEquals(List.of(
                changed(100, 100, eq(line100.substring(0, at)), del(oldWord), ins("MODIFIÉ"),
                        eq(line100.substring(at + oldWord.length()))),
                removed(300, oldLines.get(299)),
                added(601, "Une ligne toute neuve, ajoutée ici."),
                changed(900, 900, eq(line900.substring(0, line900.length() - 1)), ins(" et encore un peu"), eq(".")),
                added(1_001, "Fin du tutoriel.")), changes);
        assertEquals(same(1, 1, oldLines.get(0)), result.lines().get(0));
        assertEquals(same(1_000, 1_000, oldLines.get(999)), result.lines().get(1_000));
        assertEquals(1 + 6 + 4 + 3, result.insertedWords());
        assertEquals(1 + Tokens.wordCount(oldLines.get(299)), result.deletedWords());

        String html = TextDiff.toHtml(result);
        assertTrue(html.contains("<del>" + escaped(oldWord) + "</del>"), html);
        assertTrue(html.contains("<ins>MODIFIÉ</ins>"));
        assertTrue(html.contains("… 96 lignes identiques …"), "lines 1 to 96 collapse before line 100's context");
    }

    @Test
    void tooManyLineEditsGiveACoarseButCorrectResult() {
        List<String> oldLines = new ArrayList<>();
        for (int n = 0; n < 1_500; n++) {
            oldLines.add("ligne " + n);
        }
        // Reversing 1,500 distinct lines keeps one in common at best: about 3,000 edits, over
        // MAX_LINE_EDITS, so the line search gives up and the result is coarse.
        List<String> newLines = new ArrayList<>(oldLines);
        Collections.reverse(newLines);
        oldLines.addFirst("Titre commun");
        newLines.addFirst("Titre commun");
        oldLines.add("Fin commune");
        newLines.add("Fin commune");
        assertTrue(2 * 1_500 - 2 > TextDiff.MAX_LINE_EDITS);

        DiffResult result = diffChecked(String.join("\n", oldLines), String.join("\n", newLines));
        assertEquals(same(1, 1, "Titre commun"), result.lines().getFirst());
        assertEquals(same(1_502, 1_502, "Fin commune"), result.lines().getLast());
        for (int n = 1; n <= 1_500; n++) {
            assertEquals(removed(n + 1, "ligne " + (n - 1)), result.lines().get(n));
            assertEquals(added(n + 1, "ligne " + (1_500 - n)), result.lines().get(1_500 + n));
        }
        assertEquals(3_000, result.insertedWords());
        assertEquals(3_000, result.deletedWords());
    }

    @Test
    void manyEditsWithinTheBoundAreExact() {
        List<String> oldLines = new ArrayList<>();
        List<String> newLines = new ArrayList<>();
        for (int n = 0; n < 900; n++) {
            oldLines.add("ligne " + n);
            newLines.add(n % 2 == 0 ? "ligne " + n : "autre " + n);
        }
        // 450 lines edited: 900 line edits, within MAX_LINE_EDITS.
        DiffResult result = diffChecked(String.join("\n", oldLines), String.join("\n", newLines));
        assertEquals(900, result.lines().size());
        for (int n = 0; n < 900; n++) {
            DiffLine line = result.lines().get(n);
            assertEquals(n % 2 == 0 ? same(n + 1, n + 1, "ligne " + n)
                    : changed(n + 1, n + 1, del("ligne"), ins("autre"), eq(" " + n)), line);
        }
        assertEquals(450, result.insertedWords());
        assertEquals(450, result.deletedWords());
    }

    @Test
    void hugeTextsAreComparedByLinesOnly() {
        List<String> oldLines = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            oldLines.add("Paragraphe " + n + " : " + "du texte assez long pour remplir la page, ".repeat(2));
        }
        String before = String.join("\n", oldLines);
        assertTrue(before.length() * 2 > TextDiff.MAX_TOTAL_CHARS);
        List<String> newLines = new ArrayList<>(oldLines);
        newLines.set(1_000, oldLines.get(1_000).replace("Paragraphe", "Section"));
        DiffResult result = diffChecked(before, String.join("\n", newLines));
        List<DiffLine> changes = result.lines().stream().filter(l -> l.kind() != DiffLine.Kind.SAME).toList();
        assertEquals(List.of(removed(1_001, oldLines.get(1_000)), added(1_001, newLines.get(1_000))), changes);
        assertEquals(result.deletedWords(), result.insertedWords());
    }

    @Test
    void aLineTooDifferentWordByWordKeepsItsCommonEnds() {
        StringBuilder oldLine = new StringBuilder("Début");
        StringBuilder newLine = new StringBuilder("Début");
        for (int n = 0; n < 3_000; n++) {
            oldLine.append(" a").append(n);
            newLine.append(" b").append(n);
        }
        oldLine.append(" fin");
        newLine.append(" fin");
        DiffResult result = diffChecked("avant\n" + oldLine, "avant\n" + newLine);
        DiffLine line = result.lines().get(1);
        assertEquals(DiffLine.Kind.CHANGED, line.kind());
        String oldMiddle = oldLine.substring("Début ".length(), oldLine.length() - " fin".length());
        String newMiddle = newLine.substring("Début ".length(), newLine.length() - " fin".length());
        assertEquals(List.of(eq("Début "), del(oldMiddle), ins(newMiddle), eq(" fin")), line.segments());
        assertEquals(3_000, result.insertedWords());
        assertEquals(3_000, result.deletedWords());
    }

    private static String escaped(String text) {
        StringBuilder sb = new StringBuilder();
        DiffHtml.escape(sb, text);
        return sb.toString();
    }
}
