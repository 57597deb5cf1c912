package fr.mare.markdown;

/**
 * Heading anchors made unique on a page that shows several rendered texts (the posts of a
 * thread, #14): every heading id the renderer wrote ({@code id="h-…"}) and every link to one
 * ({@code href="#h-…"}) gets the text's own scope, so « Étapes » in two posts gives
 * {@code h-p12-etapes} and {@code h-p15-etapes}, and a post's links to its own headings still work.
 * Works on the renderer's sanitised output, whose attributes jsoup always writes in double quotes.
 */
public final class Anchors {

    private static final String ID = "id=\"" + MarkdownRenderer.HEADING_ID_PREFIX;
    private static final String HREF = "href=\"#" + MarkdownRenderer.HEADING_ID_PREFIX;

    private Anchors() {
    }

    /** {@code html} with its heading anchors under {@code scope} (letters and digits). */
    public static String scoped(String html, String scope) {
        if (html == null || !html.contains(MarkdownRenderer.HEADING_ID_PREFIX)) {
            return html;
        }
        String prefix = MarkdownRenderer.HEADING_ID_PREFIX + scope + "-";
        return html.replace(ID, "id=\"" + prefix).replace(HREF, "href=\"#" + prefix);
    }
}
