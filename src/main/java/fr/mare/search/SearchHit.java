package fr.mare.search;

/**
 * One result. {@code snippetHtml} is safe HTML: the document's text escaped, with only
 * {@code <mark>} around the matched words.
 */
public record SearchHit(String key, SearchType type, String title, String url, String snippetHtml,
                        boolean solved, String categoryName, float score) {
}
