package fr.mare.search;

import java.util.List;

/**
 * One searchable document as the index stores it: only what everyone may read in full (the
 * features' visibility rules decided before it got here).
 *
 * @param key      {@code topic:12}, {@code tutorial:3}, {@code collective:5}
 * @param type     {@link SearchType}
 * @param title    topic title, tutorial title, collective name
 * @param headings tutorial headings (empty otherwise)
 * @param solution the accepted answer of a topic (empty otherwise)
 * @param body     question and replies, tutorial text, presentation and expertise (plain text)
 * @param url      the page's address, from the context root
 * @param category category slug (topics; null otherwise)
 * @param categoryName category name for display (null when none)
 * @param solved   whether a topic has an accepted answer
 * @param tags     topic tags
 */
public record SearchDocument(String key, SearchType type, String title, String headings, String solution,
                             String body, String url, String category, String categoryName, boolean solved,
                             List<String> tags) {

    public SearchDocument {
        headings = headings == null ? "" : headings;
        solution = solution == null ? "" : solution;
        body = body == null ? "" : body;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
