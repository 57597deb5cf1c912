package fr.mare.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DiffHtmlTest {

    /** Every tag the renderer writes; whatever is left once they are removed must be plain text. */
    private static final Pattern OWN_TAGS = Pattern.compile(
            "</?(?:table|caption|thead|tbody|tr|th|td|ins|del|span)(?: (?:class|scope|colspan)=\"[a-z0-9 -]+\")*>");

    private static final Pattern ROW = Pattern.compile("<tr class=\"diff-([a-z]+)\">(.*?)</tr>");

    private static String textOutsideOwnTags(String html) {
        return OWN_TAGS.matcher(html).replaceAll("");
    }

    private static void assertSafe(String html) {
        String text = textOutsideOwnTags(html);
        for (char c : new char[] {'<', '>', '"', '\''}) {
            assertEquals(-1, text.indexOf(c), () -> "unescaped " + c + " in " + text);
        }
    }

    /** Row kinds in order, for checking which lines are shown and collapsed. */
    private static List<String> rowKinds(String html) {
        List<String> kinds = new ArrayList<>();
        Matcher m = ROW.matcher(html);
        while (m.find()) {
            kinds.add(m.group(1));
        }
        return kinds;
    }

    private static String lines(int from, int to) {
        List<String> lines = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            lines.add("ligne " + n);
        }
        return String.join("\n", lines);
    }

    @Test
    void tableHasCaptionHeadersAndLineNumbers() {
        String html = TextDiff.toHtml(TextDiff.diff("Le chat dort.", "Le chien dort."));
        assertTrue(html.startsWith("<table class=\"diff\">\n<caption class=\"sr-only\">"), html);
        assertTrue(html.contains("<caption class=\"sr-only\">Comparaison des deux versions : "
                + "1 mot ajouté, 1 mot supprimé.</caption>"), html);
        assertTrue(html.contains("<th scope=\"col\">Ligne avant</th><th scope=\"col\">Ligne après</th>"
                + "<th scope=\"col\">Texte</th>"), html);
        assertTrue(html.contains("<tr class=\"diff-changed\"><td class=\"diff-num\">1</td><td class=\"diff-num\">1</td>"
                + "<td class=\"diff-text\"><span class=\"sr-only\">Ligne modifiée : </span>Le "
                + "<span class=\"sr-only\">[supprimé : </span><del>chat</del><span class=\"sr-only\">]</span>"
                + "<span class=\"sr-only\">[ajouté : </span><ins>chien</ins><span class=\"sr-only\">]</span>"
                + " dort.</td></tr>"), html);
        assertTrue(html.endsWith("</tbody>\n</table>\n"), html);
        assertSafe(html);
    }

    @Test
    void addedAndRemovedLinesUseInsAndDel() {
        String html = TextDiff.toHtml(TextDiff.diff("garder\nenlever", "garder\najouter"));
        assertTrue(html.contains("<tr class=\"diff-changed\"><td class=\"diff-num\">2</td><td class=\"diff-num\">2</td>"), html);
        String lines = TextDiff.toHtml(TextDiff.diff("garder\nenlever", "garder"))
                + TextDiff.toHtml(TextDiff.diff("garder", "garder\najouter"));
        assertTrue(lines.contains("<tr class=\"diff-removed\"><td class=\"diff-num\">2</td><td class=\"diff-num\"></td>"
                + "<td class=\"diff-text\"><span class=\"sr-only\">Ligne supprimée : </span><del>enlever</del></td></tr>"), lines);
        assertTrue(lines.contains("<tr class=\"diff-added\"><td class=\"diff-num\"></td><td class=\"diff-num\">2</td>"
                + "<td class=\"diff-text\"><span class=\"sr-only\">Ligne ajoutée : </span><ins>ajouter</ins></td></tr>"), lines);
        assertTrue(TextDiff.toHtml(TextDiff.diff("a", "a\n\nb")).contains("<span class=\"sr-only\">Ligne vide ajoutée</span>"));
    }

    @Test
    void userTextIsEscapedEverywhere() {
        String before = "Voir <script>alert(\"x\")</script> & 'y'\nancien <b title=\"t\">gras</b>\nà retirer <img src=x onerror='z'>";
        String after = "Voir <script>alert(\"x\")</script> & 'y'\nnouveau <i class='c'>\"cité\"</i>\n";
        String html = TextDiff.toHtml(TextDiff.diff(before, after));
        // Unchanged text.
        assertTrue(html.contains("Voir &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"), html);
        // Deleted and inserted text.
        assertTrue(html.contains("<del>ancien &lt;b title=&quot;t&quot;&gt;gras</del>"), html);
        assertTrue(html.contains("<ins>nouveau &lt;i class=&#39;c&#39;&gt;&quot;cité&quot;</ins>"), html);
        assertTrue(html.contains("&lt;/<span class=\"sr-only\">[supprimé : </span><del>b</del>"), html);
        assertTrue(html.contains("<del>à retirer &lt;img src=x onerror=&#39;z&#39;&gt;</del>"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertSafe(html);
        // Accents are not entities: only the five special characters are escaped.
        assertTrue(html.contains("à retirer"), html);
    }

    @Test
    void escapeTouchesOnlyTheFiveSpecialCharacters() {
        StringBuilder sb = new StringBuilder();
        DiffHtml.escape(sb, "<a href=\"x\">l'été & co</a> é ✓");
        assertEquals("&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt; é ✓", sb.toString());
    }

    @Test
    void longUnchangedRunsCollapse() {
        String before = lines(1, 20);
        String after = before.replace("ligne 10", "ligne dix");
        DiffResult result = TextDiff.diff(before, after);
        String html = TextDiff.toHtml(result);
        assertTrue(html.contains("<tr class=\"diff-skip\"><td colspan=\"3\">… 6 lignes identiques …</td></tr>"), html);
        assertTrue(html.contains("<tr class=\"diff-skip\"><td colspan=\"3\">… 7 lignes identiques …</td></tr>"), html);
        assertEquals(List.of("skip", "same", "same", "same", "changed", "same", "same", "same", "skip"), rowKinds(html));
        assertTrue(html.contains("<td class=\"diff-num\">7</td><td class=\"diff-num\">7</td><td class=\"diff-text\">ligne 7</td>"), html);
        assertFalse(html.contains(">ligne 6<"), html);
        assertFalse(html.contains(">ligne 14<"), html);

        assertEquals(List.of("skip", "same", "changed", "same", "skip"), rowKinds(TextDiff.toHtml(result, 1)));
        assertEquals(List.of("skip", "changed", "skip"), rowKinds(TextDiff.toHtml(result, 0)));
        List<String> all = rowKinds(TextDiff.toHtml(result, Integer.MAX_VALUE));
        assertEquals(20, all.size());
        assertFalse(all.contains("skip"));
    }

    @Test
    void runsBetweenTwoChangesKeepContextOnBothSides() {
        String before = lines(1, 12);
        String after = before.replace("ligne 1\n", "ligne un\n").replace("ligne 12", "ligne douze");
        List<String> kinds = rowKinds(TextDiff.toHtml(TextDiff.diff(before, after), 2));
        assertEquals(List.of("changed", "same", "same", "skip", "same", "same", "changed"), kinds);
        assertTrue(TextDiff.toHtml(TextDiff.diff(before, after), 2).contains("… 6 lignes identiques …"));
        // With one line to hide, the line is shown instead of a row saying so.
        String shorter = lines(1, 5);
        String edited = shorter.replace("ligne 1\n", "ligne un\n").replace("ligne 5", "ligne cinq");
        assertEquals(List.of("changed", "same", "same", "same", "changed"),
                rowKinds(TextDiff.toHtml(TextDiff.diff(shorter, edited), 1)));
    }

    @Test
    void identicalAndEmptyResults() {
        String text = lines(1, 1500);
        String html = TextDiff.toHtml(TextDiff.diff(text, text + "\r\n"));
        assertTrue(html.contains("Comparaison des deux versions : identiques."), html);
        assertEquals(List.of("skip"), rowKinds(html));
        assertTrue(html.contains("… 1\u202F500 lignes identiques …"), html);

        String empty = TextDiff.toHtml(TextDiff.diff("", null));
        assertTrue(empty.contains("Les deux versions sont vides."), empty);

        String caption = TextDiff.toHtml(TextDiff.diff("", "un deux trois"));
        assertTrue(caption.contains("3 mots ajoutés, aucun mot supprimé."), caption);
    }

    @Test
    void negativeContextIsRefused() {
        DiffResult result = TextDiff.diff("a", "b");
        assertThrows(IllegalArgumentException.class, () -> TextDiff.toHtml(result, -1));
    }
}
