package fr.mare.search.web;

import fr.mare.search.SearchHit;
import fr.mare.search.SearchRequest;
import fr.mare.search.SearchService;
import fr.mare.search.SearchType;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * « Questions similaires » on {@code /nouveau-sujet}: the discussions closest to the title typed,
 * computed on the server when the page is shown with a title (« Aperçu », or a question
 * pre-filled from an empty search), each with its solved state.
 */
@Named
@RequestScoped
public class SearchSimilarBacking {

    static final int COUNT = 5;

    @Inject
    private SearchService search;

    private String forTitle;
    private List<SearchHit> questions;

    public List<SearchHit> similarTo(String title) {
        String text = title == null ? "" : title.strip();
        if (questions == null || !text.equals(forTitle)) {
            forTitle = text;
            questions = text.length() < 3 ? List.of()
                    : search.search(new SearchRequest(text, SearchType.TOPIC, null, null, null, 0)).hits()
                            .stream().limit(COUNT).toList();
        }
        return questions;
    }
}
