package fr.mare.wiki;

import fr.mare.markdown.Heading;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of contents stored as text next to the HTML it describes: one
 * {@code level<TAB>anchor<TAB>text} line per heading (tabs and line breaks in a heading's text
 * become spaces, as they would on screen).
 */
final class Toc {

    private Toc() {
    }

    static String encode(List<Heading> headings) {
        StringBuilder sb = new StringBuilder();
        for (Heading h : headings) {
            sb.append(h.level()).append('\t').append(clean(h.anchor())).append('\t').append(clean(h.text())).append('\n');
        }
        return sb.toString();
    }

    static List<Heading> decode(String stored) {
        List<Heading> headings = new ArrayList<>();
        if (stored == null) {
            return headings;
        }
        for (String line : stored.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                try {
                    headings.add(new Heading(Integer.parseInt(parts[0]), parts[2], parts[1]));
                } catch (IllegalArgumentException e) {
                    // A malformed line is skipped: the table of contents is a convenience.
                }
            }
        }
        return headings;
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
