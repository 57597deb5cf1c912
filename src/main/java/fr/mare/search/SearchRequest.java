package fr.mare.search;

/**
 * What a reader asked: the words as typed and the filters of the URL (null: no filter).
 *
 * @param page 0-based page of {@link #PAGE_SIZE} hits
 */
public record SearchRequest(String text, SearchType type, String category, Boolean solved, String tag, int page) {

    public static final int PAGE_SIZE = 10;

    /** No one reads past this page; deeper pages would only cost the server. */
    public static final int MAX_PAGE = 49;

    public SearchRequest {
        text = text == null ? "" : text.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        page = Math.max(0, Math.min(page, MAX_PAGE));
    }

    public static SearchRequest of(String text) {
        return new SearchRequest(text, null, null, null, null, 0);
    }
}
