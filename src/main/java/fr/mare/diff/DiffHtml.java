package fr.mare.diff;

import java.util.List;

/**
 * Renders a {@link DiffResult} as the HTML table described in
 * {@link TextDiff#toHtml(DiffResult, int)}.
 * <p>
 * Only user text varies, and it always goes through {@link #escape}; every other character of the
 * output is a constant of this class (or a number), so the table is safe to insert in a page as
 * is. Styling is left to the page: the classes are {@code diff} on the table, {@code diff-same},
 * {@code diff-added}, {@code diff-removed}, {@code diff-changed} and {@code diff-skip} on rows,
 * {@code diff-num} and {@code diff-text} on cells; {@code diff-text} cells hold raw source lines
 * and want {@code white-space: pre-wrap} so indentation shows.
 */
final class DiffHtml {

    private static final char NARROW_NO_BREAK_SPACE = '\u202F';

    private DiffHtml() {
    }

    static String render(DiffResult result, int contextLines) {
        if (contextLines < 0) {
            throw new IllegalArgumentException("contextLines must be 0 or more: " + contextLines);
        }
        List<DiffLine> lines = result.lines();
        StringBuilder html = new StringBuilder(128 + 96 * lines.size());
        html.append("<table class=\"diff\">\n<caption class=\"sr-only\">").append(caption(result))
                .append("</caption>\n<thead><tr><th scope=\"col\">Ligne avant</th>")
                .append("<th scope=\"col\">Ligne après</th><th scope=\"col\">Texte</th></tr></thead>\n<tbody>\n");
        if (lines.isEmpty()) {
            html.append("<tr class=\"diff-skip\"><td colspan=\"3\">Les deux versions sont vides.</td></tr>\n");
        }
        boolean[] shown = shown(lines, contextLines);
        int n = 0;
        while (n < lines.size()) {
            if (shown[n]) {
                row(html, lines.get(n++));
                continue;
            }
            int hiddenEnd = n;
            while (hiddenEnd < lines.size() && !shown[hiddenEnd]) {
                hiddenEnd++;
            }
            int hidden = hiddenEnd - n;
            if (hidden == 1) {
                row(html, lines.get(n));
            } else {
                html.append("<tr class=\"diff-skip\"><td colspan=\"3\">… ").append(count(hidden))
                        .append(" lignes identiques …</td></tr>\n");
            }
            n = hiddenEnd;
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    /** A line is shown if it changed or is at most {@code context} lines from a change. */
    private static boolean[] shown(List<DiffLine> lines, int context) {
        int size = lines.size();
        boolean[] shown = new boolean[size];
        int lastChange = -1;
        for (int n = 0; n < size; n++) {
            if (lines.get(n).kind() != DiffLine.Kind.SAME) {
                lastChange = n;
            }
            shown[n] = within(lastChange < 0 ? Long.MAX_VALUE : n - lastChange, context);
        }
        int nextChange = -1;
        for (int n = size - 1; n >= 0; n--) {
            if (lines.get(n).kind() != DiffLine.Kind.SAME) {
                nextChange = n;
            }
            shown[n] |= within(nextChange < 0 ? Long.MAX_VALUE : nextChange - n, context);
        }
        return shown;
    }

    private static boolean within(long distance, int context) {
        return distance <= context || context == Integer.MAX_VALUE;
    }

    private static String caption(DiffResult result) {
        if (result.identical()) {
            return "Comparaison des deux versions : identiques.";
        }
        return "Comparaison des deux versions : " + words(result.insertedWords(), "ajouté") + ", "
                + words(result.deletedWords(), "supprimé") + ".";
    }

    private static String words(int count, String participle) {
        return switch (count) {
            case 0 -> "aucun mot " + participle;
            case 1 -> "1 mot " + participle;
            default -> count(count) + " mots " + participle + "s";
        };
    }

    private static void row(StringBuilder html, DiffLine line) {
        String kind = switch (line.kind()) {
            case SAME -> "same";
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> "changed";
        };
        html.append("<tr class=\"diff-").append(kind).append("\"><td class=\"diff-num\">");
        if (line.oldNumber() > 0) {
            html.append(line.oldNumber());
        }
        html.append("</td><td class=\"diff-num\">");
        if (line.newNumber() > 0) {
            html.append(line.newNumber());
        }
        html.append("</td><td class=\"diff-text\">");
        switch (line.kind()) {
            case SAME -> escape(html, line.segments().getFirst().text());
            case ADDED -> wholeLine(html, line, "ins", "ajoutée");
            case REMOVED -> wholeLine(html, line, "del", "supprimée");
            case CHANGED -> changed(html, line);
        }
        html.append("</td></tr>\n");
    }

    private static void wholeLine(StringBuilder html, DiffLine line, String tag, String participle) {
        String text = line.segments().getFirst().text();
        if (text.isEmpty()) {
            html.append("<span class=\"sr-only\">Ligne vide ").append(participle).append("</span>");
            return;
        }
        html.append("<span class=\"sr-only\">Ligne ").append(participle).append(" : </span><")
                .append(tag).append('>');
        escape(html, text);
        html.append("</").append(tag).append('>');
    }

    private static void changed(StringBuilder html, DiffLine line) {
        html.append("<span class=\"sr-only\">Ligne modifiée : </span>");
        for (Segment segment : line.segments()) {
            switch (segment.op()) {
                case EQUAL -> escape(html, segment.text());
                case DELETE -> marked(html, segment.text(), "del", "supprimé");
                case INSERT -> marked(html, segment.text(), "ins", "ajouté");
            }
        }
    }

    /** Brackets read aloud tell where a deletion or insertion ends inside the sentence. */
    private static void marked(StringBuilder html, String text, String tag, String participle) {
        html.append("<span class=\"sr-only\">[").append(participle).append(" : </span><").append(tag).append('>');
        escape(html, text);
        html.append("</").append(tag).append("><span class=\"sr-only\">]</span>");
    }

    /** Escapes the five characters that matter in HTML text and attribute values, nothing else. */
    static void escape(StringBuilder html, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
    }

    /** French grouping of thousands with a narrow no-break space: 1 234. */
    private static String count(int n) {
        String digits = Integer.toString(n);
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(NARROW_NO_BREAK_SPACE);
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }
}
