package fr.mare.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total      how many documents match (all pages)
 * @param suggestion the query with its unknown words corrected (« Vouliez-vous dire »), or null
 */
public record SearchResults(List<SearchHit> hits, long total, int page, String suggestion) {

    public static final SearchResults EMPTY = new SearchResults(List.of(), 0, 0, null);

    public boolean hasNext() {
        return (long) (page + 1) * SearchRequest.PAGE_SIZE < total && page < SearchRequest.MAX_PAGE;
    }
}
