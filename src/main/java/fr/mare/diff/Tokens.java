package fr.mare.diff;

/**
 * One line cut into the units the word-level diff compares: words, runs of whitespace, and single
 * other characters.
 * <p>
 * A word is a run of letters, digits and combining marks ({@code é} typed as {@code e} plus an
 * accent stays inside its word), with apostrophes ({@code '} or {@code ’}) kept inside it when a
 * letter or digit follows: {@code l'été}, {@code aujourd’hui} and {@code quelqu'un} are one word
 * each, as a French reader sees them, while a quoting {@code 'oui'} is three tokens. Hyphens are
 * punctuation, so {@code rendez-vous} is three tokens and editing one half shows only that half.
 * Any other character (punctuation, Markdown syntax such as {@code *} or {@code #}, an emoji) is a
 * token of its own; a combining mark, a variation selector or a zero-width joiner stays with the
 * token before it, and the character after a zero-width joiner too, so a token never splits a
 * code point, an accented letter or an emoji sequence.
 * <p>
 * Tokens tile the line: their texts, in order, spell it exactly. Cutting is one pass, linear in the
 * line's length.
 */
final class Tokens {

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private final String line;
    /** {@code starts[i]} is where token {@code i} begins; {@code starts[count]} is the line's length. */
    private final int[] starts;
    private final boolean[] words;
    private final int count;

    private Tokens(String line, int[] starts, boolean[] words, int count) {
        this.line = line;
        this.starts = starts;
        this.words = words;
        this.count = count;
    }

    static Tokens of(String line) {
        int length = line.length();
        int[] starts = new int[length + 1];
        boolean[] words = new boolean[length];
        int count = 0;
        int i = 0;
        while (i < length) {
            int start = i;
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            boolean word = isWordPart(cp);
            if (word) {
                while (i < length) {
                    int next = line.codePointAt(i);
                    if (isWordPart(next) || isJoining(next)) {
                        i += Character.charCount(next);
                    } else if (isApostrophe(next) && i + 1 < length && isLetterOrDigit(line.codePointAt(i + 1))) {
                        i += 1; // both apostrophes are single chars
                    } else {
                        break;
                    }
                }
            } else if (isSpace(cp)) {
                while (i < length && isSpace(line.codePointAt(i))) {
                    i += Character.charCount(line.codePointAt(i));
                }
            }
            i = skipJoining(line, i, line.codePointBefore(i));
            starts[count] = start;
            words[count] = word;
            count++;
        }
        starts[count] = length;
        return new Tokens(line, starts, words, count);
    }

    /** Keeps marks, variation selectors and zero-width-joined characters with the token before. */
    private static int skipJoining(String line, int i, int previous) {
        int length = line.length();
        while (i < length) {
            int next = line.codePointAt(i);
            if (previous == ZERO_WIDTH_JOINER || isJoining(next)) {
                i += Character.charCount(next);
                previous = next;
            } else {
                break;
            }
        }
        return i;
    }

    int count() {
        return count;
    }

    int start(int token) {
        return starts[token];
    }

    int end(int token) {
        return starts[token + 1];
    }

    String text(int token) {
        return line.substring(starts[token], starts[token + 1]);
    }

    boolean isWord(int token) {
        return words[token];
    }

    int wordCount() {
        int n = 0;
        for (int t = 0; t < count; t++) {
            if (words[t]) {
                n++;
            }
        }
        return n;
    }

    /** Counts the words of a whole line without keeping its tokens. */
    static int wordCount(String line) {
        return line.isEmpty() ? 0 : of(line).wordCount();
    }

    private static boolean isWordPart(int cp) {
        return isLetterOrDigit(cp) || isMark(cp);
    }

    private static boolean isLetterOrDigit(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isJoining(int cp) {
        return isMark(cp) || cp == ZERO_WIDTH_JOINER
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019';
    }

    /** Includes no-break spaces, which {@link Character#isWhitespace(int)} leaves out. */
    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }
}
