package fr.mare.account;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mare.account.Usernames.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class UsernamesTest {

    private static final Path CONFUSABLE_PAIRS = Path.of(System.getProperty("user.dir"))
            .resolve("../shared/testdata/security/unicode/confusable-usernames.tsv")
            .normalize();

    /** One row of the shared corpus; only the columns the check needs. */
    private record Row(int line, String existing, String candidate, String technique,
                       String expectedLabel, Verdict expected) {
    }

    @TestFactory
    Stream<DynamicTest> sharedConfusablePairs() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(CONFUSABLE_PAIRS),
                "Shared corpus not found at " + CONFUSABLE_PAIRS
                        + " (the ../shared checkout sits next to the project); nothing to check against");
        List<Row> rows = readRows(CONFUSABLE_PAIRS);
        assertTrue(rows.size() >= 40, "corpus unexpectedly small: " + rows.size() + " rows");
        return rows.stream().map(row -> DynamicTest.dynamicTest(
                "line " + row.line() + " " + row.technique() + " -> " + row.expectedLabel(),
                () -> checkRow(row)));
    }

    private static void checkRow(Row row) {
        if (row.existing().equals("li") && row.candidate().equals("\u674E\u96F7")) {
            // NOT a product exception: this row cannot be satisfied and is reported, not
            // rewritten. "li" and "\u674E\u96F7" are 2 code points each, below Mare's
            // 3-code-point minimum, so "li" can never be an existing account and the
            // candidate is INVALID (tooShort), where the corpus expects DISTINCT. It needs
            // a product decision (a lower minimum for Han/Hangul/Kana names, or a corrected
            // row). The skip only lasts while that length rule holds; if the rule changes,
            // the row is checked against the file's verdict like every other.
            Assumptions.assumeFalse(
                    InvalidUsernameException.TOO_SHORT.equals(refusalKey(row.existing()))
                            && InvalidUsernameException.TOO_SHORT.equals(refusalKey(row.candidate())),
                    "Unsatisfiable under Mare's rules: 'li' and '\u674E\u96F7' are 2 code points, "
                            + "below MIN_LENGTH " + Usernames.MIN_LENGTH + "; the corpus expects DISTINCT");
        }
        Username existing = Usernames.parse(row.existing());
        Verdict expected = row.expected();
        if (row.existing().equals("l'atelier") && row.candidate().equals("l\u2019atelier")) {
            // Documented product exception. Mare's spec folds the typographic apostrophe
            // U+2019 to ASCII ' before canonicalizing, because French keyboards and phones
            // produce either one for the same intent. Plain UTS #39 only sees a look-alike
            // (CONFUSABLE); for Mare it is the same identity, which is stronger: both
            // verdicts refuse the second account, SAME_IDENTITY also lets the owner log in
            // with either spelling.
            expected = Verdict.SAME_IDENTITY;
        }
        assertEquals(expected, Usernames.compare(existing, row.candidate()),
                () -> "existing=" + escape(row.existing()) + " candidate=" + escape(row.candidate()));
    }

    private static List<Row> readRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            assertTrue(cols.length >= 6, "line " + (i + 1) + ": expected at least 6 columns");
            rows.add(new Row(i + 1, unescape(cols[0]), unescape(cols[1]), cols[3], cols[5],
                    verdictOf(cols[5])));
        }
        return rows;
    }

    private static Verdict verdictOf(String label) {
        return switch (label) {
            case "REJECT_invisible_or_control_char", "REJECT_mixed_script_or_restriction" -> Verdict.INVALID;
            case "SAME_IDENTITY_after_NFKC_casefold" -> Verdict.SAME_IDENTITY;
            case "CONFUSABLE_reject_or_moderator_review" -> Verdict.CONFUSABLE;
            case "DISTINCT_allowed" -> Verdict.DISTINCT;
            default -> throw new IllegalArgumentException("unknown verdict label " + label);
        };
    }

    /** Decodes the corpus's {@code \}{@code uXXXX} and {@code \}{@code UXXXXXXXX} escapes. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'u' || s.charAt(i + 1) == 'U')) {
                int digits = s.charAt(i + 1) == 'u' ? 4 : 8;
                String hex = s.substring(i + 2, i + 2 + digits);
                out.appendCodePoint(Integer.parseInt(hex, 16));
                i += 2 + digits;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp >= 0x21 && cp < 0x7F) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format(cp > 0xFFFF ? "\\U%08X" : "\\u%04X", cp));
            }
        });
        return out.toString();
    }

    @Test
    void unescapeHandlesBothForms() {
        assertEquals("a\u00E9\uD83D\uDE00b", unescape("a\\u00E9\\U0001F600b"));
    }

    @Test
    void cyrillicALookAlikeIsConfusable() {
        assertEquals(Verdict.CONFUSABLE, Usernames.compare(Usernames.parse("Canard"), "c\u0430nard"));
    }

    @Test
    void mixedScriptsAloneIsRefused() {
        InvalidUsernameException e = assertThrows(InvalidUsernameException.class,
                () -> Usernames.parse("c\u0430nard"));
        assertEquals(InvalidUsernameException.MIXED_SCRIPTS, e.messageKey());
        // Not a look-alike of anything given, so compare() falls back to the refusal.
        assertEquals(Verdict.INVALID, Usernames.compare(Usernames.parse("zorglub"), "c\u0430nard"));
    }

    @Test
    void lengthBounds() {
        assertEquals(InvalidUsernameException.TOO_SHORT, keyOf("ab"));
        assertDoesNotThrow(() -> Usernames.parse("abc"));
        assertDoesNotThrow(() -> Usernames.parse("a".repeat(30)));
        assertEquals(InvalidUsernameException.TOO_LONG, keyOf("a".repeat(31)));
    }

    @Test
    void lengthIsCountedInCodePointsOfTheCanonicalForm() {
        // NFD "é" is two code points typed but one once canonical.
        assertEquals(InvalidUsernameException.TOO_SHORT, keyOf("le\u0301"));
        // An astral letter is one code point, two UTF-16 units.
        assertEquals(30, Usernames.parse("\uD801\uDC28".repeat(30)).canonical().codePointCount(0, 60));
    }

    @Test
    void asciiSpaceInsideIsForbidden() {
        assertEquals(InvalidUsernameException.FORBIDDEN_CHARACTERS, keyOf("jean dupont"));
    }

    @Test
    void asciiSpacesAroundAreTrimmed() {
        assertEquals("camille", Usernames.parse("  camille ").display());
    }

    @Test
    void nonAsciiSpacesAndInvisiblesAreRefusedBeforeNormalization() {
        assertAll(
                () -> assertEquals(InvalidUsernameException.INVISIBLE_CHARACTERS, keyOf("jean\u00A0dupont")),
                () -> assertEquals(InvalidUsernameException.INVISIBLE_CHARACTERS, keyOf("\u00A0camille")),
                () -> assertEquals(InvalidUsernameException.INVISIBLE_CHARACTERS, keyOf("camille\u3000")),
                () -> assertEquals(InvalidUsernameException.INVISIBLE_CHARACTERS, keyOf("cam\tille")),
                () -> assertEquals(InvalidUsernameException.INVISIBLE_CHARACTERS, keyOf("cami\u2066lle")),
                () -> assertEquals(InvalidUsernameException.INVISIBLE_CHARACTERS, keyOf("camil\uFE0Fle")),
                () -> assertEquals(InvalidUsernameException.INVISIBLE_CHARACTERS, keyOf("\u3164camille")),
                () -> assertEquals(InvalidUsernameException.INVISIBLE_CHARACTERS, keyOf("cam\u0378ille")));
    }

    @Test
    void requiredWhenNothingTyped() {
        assertAll(
                () -> assertEquals(InvalidUsernameException.REQUIRED, keyOf(null)),
                () -> assertEquals(InvalidUsernameException.REQUIRED, keyOf("")),
                () -> assertEquals(InvalidUsernameException.REQUIRED, keyOf("    ")));
    }

    @Test
    void punctuationOutsideTheAllowedSetIsForbidden() {
        assertAll(
                () -> assertEquals(InvalidUsernameException.FORBIDDEN_CHARACTERS, keyOf("camille!")),
                () -> assertEquals(InvalidUsernameException.FORBIDDEN_CHARACTERS, keyOf("cam@ille")),
                () -> assertEquals(InvalidUsernameException.FORBIDDEN_CHARACTERS, keyOf("camille\uD83D\uDE00")),
                () -> assertEquals(InvalidUsernameException.FORBIDDEN_CHARACTERS, keyOf("\uE000camille")),
                () -> assertDoesNotThrow(() -> Usernames.parse("jean-no\u00EBl_l'atelier.42")),
                () -> assertDoesNotThrow(() -> Usernames.parse("jean\u2010no\u00EBl")));
    }

    @Test
    void displayKeepsWhatWasTyped() {
        Username zoe = Usernames.parse("Zo\u00E9");
        assertEquals("Zo\u00E9", zoe.display());
        assertEquals("zo\u00E9", zoe.canonical());
        // NFD input is shown in NFC, so the same name is never stored twice in two encodings.
        assertEquals("Zo\u00E9", Usernames.parse("Zoe\u0301").display());
    }

    @Test
    void fullwidthFoldsToAscii() {
        assertEquals("admin", Usernames.parse("\uFF21\uFF24\uFF2D\uFF29\uFF2E").canonical());
    }

    @Test
    void typographicApostropheIsFoldedEverywhere() {
        Username u = Usernames.parse("L\u2019Atelier");
        assertEquals("L'Atelier", u.display());
        assertEquals("l'atelier", u.canonical());
    }

    @Test
    void identicalNamesAreSameIdentityAndDifferentOnesDistinct() {
        Username camille = Usernames.parse("camille");
        assertEquals(Verdict.SAME_IDENTITY, Usernames.compare(camille, "Camille"));
        assertEquals(Verdict.DISTINCT, Usernames.compare(camille, "dominique"));
        assertEquals(Verdict.INVALID, Usernames.compare(camille, "ca"));
        assertNotEquals(camille.skeleton(), Usernames.parse("dominique").skeleton());
    }

    /** The refusal key for a typed name, or {@code null} when it parses. */
    private static String refusalKey(String typed) {
        try {
            Usernames.parse(typed);
            return null;
        } catch (InvalidUsernameException e) {
            return e.messageKey();
        }
    }

    private static String keyOf(String typed) {
        return assertThrows(InvalidUsernameException.class, () -> Usernames.parse(typed)).messageKey();
    }
}
