package fr.mare.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total      how many documents match (all pages); when not {@code exact}, a lower bound
 *                   (counting stops past {@code SearchIndex.COUNT_LIMIT}, the page says « plus de »)
 * @param suggestion the query with its unknown words corrected (« Vouliez-vous dire »), or null
 */
public record SearchResults(List<SearchHit> hits, long total, boolean exact, int page, String suggestion) {

    public static final SearchResults EMPTY = new SearchResults(List.of(), 0, true, 0, null);

    public SearchResults(List<SearchHit> hits, long total, int page, String suggestion) {
        this(hits, total, true, page, suggestion);
    }

    /**
     * The number the page shows: the total when exact, otherwise a round number below the lower
     * bound (« Plus de 100 résultats »).
     */
    public long shownTotal() {
        return exact ? total : Math.max(0, (total - 1) / 100 * 100);
    }

    public boolean hasNext() {
        return (long) (page + 1) * SearchRequest.PAGE_SIZE < total && page < SearchRequest.MAX_PAGE;
    }
}
