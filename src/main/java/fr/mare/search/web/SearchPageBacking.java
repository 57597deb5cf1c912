package fr.mare.search.web;

import fr.mare.forum.Category;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.ForumService;
import fr.mare.search.SearchHit;
import fr.mare.search.SearchRequest;
import fr.mare.search.SearchResults;
import fr.mare.search.SearchService;
import fr.mare.search.SearchType;
import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.omnifaces.cdi.Param;

/**
 * {@code GET /recherche?q=…[&type=discussions|tutoriels|voisins][&categorie=slug][&resolu=oui|non][&tag=…][&page=n]}:
 * every filter is in the address (shareable, no JavaScript, no form state, no session). Empty
 * results offer to ask the question, pre-filled, and show the closest tutorials.
 */
@Named
@RequestScoped
public class SearchPageBacking {

    @Inject
    @Param(name = "q")
    private String q;

    @Inject
    @Param(name = "type")
    private String type;

    @Inject
    @Param(name = "categorie")
    private String category;

    @Inject
    @Param(name = "resolu")
    private String solved;

    @Inject
    @Param(name = "tag")
    private String tag;

    @Inject
    @Param(name = "page")
    private String page;

    @Inject
    private SearchService search;

    @Inject
    private ForumService forum;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private WikiService wiki;

    private SearchResults results = SearchResults.EMPTY;
    private List<SearchHit> closestTutorials = List.of();
    private List<WikiPage> recentTutorials = List.of();

    public void load() {
        if (getQuery().isEmpty()) {
            return;
        }
        results = search.search(request(getQuery(), SearchType.ofParam(type), pageIndex()));
        if (results.total() == 0) {
            String closest = results.suggestion() != null ? results.suggestion() : getQuery();
            closestTutorials = search.search(new SearchRequest(closest, SearchType.TUTORIAL, null, null, null, 0)).hits()
                    .stream().limit(5).toList();
            if (closestTutorials.isEmpty()) {
                recentTutorials = wiki.recentlyUpdated(5);
            }
        }
    }

    private SearchRequest request(String text, SearchType kind, int index) {
        Boolean solvedFilter = "oui".equals(solved) ? Boolean.TRUE : "non".equals(solved) ? Boolean.FALSE : null;
        return new SearchRequest(text, kind, blankToNull(category), solvedFilter, blankToNull(tag), index);
    }

    private int pageIndex() {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page.strip()) - 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getQuery() {
        return q == null ? "" : q.strip();
    }

    public String getType() {
        return SearchType.ofParam(type) == null ? "" : type;
    }

    public String getCategory() {
        return category == null ? "" : category;
    }

    public String getSolved() {
        return "oui".equals(solved) || "non".equals(solved) ? solved : "";
    }

    public String getTag() {
        return tag == null ? "" : tag;
    }

    public SearchResults getResults() {
        return results;
    }

    public boolean isSearched() {
        return !getQuery().isEmpty();
    }

    public boolean isAvailable() {
        return search.available();
    }

    public List<SearchHit> getClosestTutorials() {
        return closestTutorials;
    }

    public List<WikiPage> getRecentTutorials() {
        return recentTutorials;
    }

    public List<Category> getCategories() {
        return forumCategories.categories();
    }

    /** 1-based number of the first hit of this page. */
    public int getFirstNumber() {
        return results.page() * SearchRequest.PAGE_SIZE + 1;
    }

    public int getPageNumber() {
        return results.page() + 1;
    }

    public String getNextQuery() {
        return results.hasNext() ? queryString(getQuery(), results.page() + 2) : null;
    }

    public String getPreviousQuery() {
        return results.page() > 0 ? queryString(getQuery(), results.page()) : null;
    }

    public String getSuggestionQuery() {
        return results.suggestion() == null ? null : queryString(results.suggestion(), 1);
    }

    /** « Poser la question » pre-filled with what was typed. */
    public String getAskQuery() {
        return "titre=" + encode(getQuery());
    }

    private String queryString(String text, int pageNumber) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", text);
        params.put("type", getType());
        params.put("categorie", getCategory());
        params.put("resolu", getSolved());
        params.put("tag", getTag());
        if (pageNumber > 1) {
            params.put("page", Integer.toString(pageNumber));
        }
        return params.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
