package fr.mare.moderation;

import org.jsoup.Jsoup;

/** Small text helpers of moderation: excerpts and bounded labels. */
final class Texts {

    private Texts() {
    }

    /** At most {@code max} characters, cut at a word when possible, « … » when cut. */
    static String clip(String text, int max) {
        String folded = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (folded.length() <= max) {
            return folded;
        }
        int cut = folded.lastIndexOf(' ', max - 2);
        return folded.substring(0, cut > max / 2 ? cut : max - 2) + " …";
    }

    /** The text of sanitized HTML, clipped: what a label shows of a post. */
    static String excerpt(String html, int max) {
        return clip(html == null ? "" : Jsoup.parse(html).text(), max);
    }
}
