package fr.mare.markdown;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one way Mare turns a title into an address segment, so that a tutorial's address can be
 * derived again from its title and reads naturally in French.
 * <p>
 * Output is always lower-case ASCII letters, digits and single dashes, never empty, never starting
 * or ending with a dash, at most {@link #MAX_LENGTH} characters: safe in any URL, file name or
 * HTML id without escaping. Accents are dropped ({@code été} → {@code ete}), ligatures spelled out
 * ({@code œ} → {@code oe}). An apostrophe separates words like a space does
 * ({@code l'été} → {@code l-ete}, {@code quelqu’un} → {@code quelqu-un}): gluing the elided word
 * ({@code lete}, {@code quelquun}) makes French addresses hard to read.
 */
public final class Slugs {

    /** Longest slug; longer ones are cut at a word boundary when there is one. */
    public static final int MAX_LENGTH = 80;

    /** What an empty or all-symbol title becomes, so an address segment is never empty. */
    public static final String UNTITLED = "sans-titre";

    private Slugs() {
    }

    public static String slugify(String title) {
        if (title == null) {
            return UNTITLED;
        }
        String spelled = spellOutLetters(title);
        // NFKD is NFD plus compatibility forms, so "ﬁ", "²" and full-width letters also become ASCII.
        String decomposed = Normalizer.normalize(spelled, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        boolean dash = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = Character.toLowerCase(decomposed.charAt(i));
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
                dash = false;
            } else if (!dash && !sb.isEmpty()) {
                sb.append('-');
                dash = true;
            }
        }
        String slug = trimDashes(sb);
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = trimDashes(new StringBuilder(slug.substring(0, cut > 0 ? cut : MAX_LENGTH)));
        }
        return slug.isEmpty() ? UNTITLED : slug;
    }

    /** Letters that Unicode decomposition leaves alone but French (and neighbours) spell out. */
    private static String spellOutLetters(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'œ', 'Œ' -> sb.append("oe");
                case 'æ', 'Æ' -> sb.append("ae");
                case 'ß', 'ẞ' -> sb.append("ss");
                case 'ø', 'Ø' -> sb.append('o');
                case 'đ', 'Đ', 'ð', 'Ð' -> sb.append('d');
                case 'ł', 'Ł' -> sb.append('l');
                case 'þ', 'Þ' -> sb.append("th");
                default -> sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String trimDashes(CharSequence s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.subSequence(start, end).toString();
    }
}
