package fr.mare.directory.web;

import fr.mare.directory.Apps;
import fr.mare.directory.DirectoryFacets;
import fr.mare.directory.DirectoryQuery;
import fr.mare.directory.DirectorySearchService;
import fr.mare.directory.DirectoryService;
import fr.mare.directory.ExpertiseArea;
import fr.mare.directory.Regions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /voisins?q=…&aide=…&besoin=…&region=…&app=…&type=…&page=…}: the directory. Every filter
 * is a GET parameter, so a filtered view is a shareable URL; each facet value is a link that adds
 * (or, when chosen, removes) its filter, with the number of collectives it would give. The
 * results come 50 a page.
 */
@Named
@RequestScoped
public class DirectoryIndexBacking {

    /** One value of a facet as shown: its link, its label, its count, whether it is chosen. */
    public record FacetValue(String id, String label, long count, String href, boolean selected) {
    }

    @Inject
    @Param(name = "q")
    private String q;

    @Inject
    @Param(name = "aide")
    private String aide;

    @Inject
    @Param(name = "besoin")
    private String besoin;

    @Inject
    @Param(name = "region")
    private String region;

    @Inject
    @Param(name = "app")
    private String app;

    @Inject
    @Param(name = "type")
    private String type;

    @Inject
    @Param(name = "page")
    private String pageParameter;

    @Inject
    private DirectoryService directory;

    @Inject
    private DirectorySearchService search;

    /** Collectives listed per page: the list is in memory, the page is what is sent. */
    static final int PAGE_SIZE = 50;

    private Paging paging;

    private DirectoryQuery query;
    private DirectoryFacets.Result result;
    private List<ExpertiseArea> areas;

    void load() {
        query = new DirectoryQuery(q, aide, besoin, region, app, type);
        result = search.search(query);
        paging = Paging.of(pageParameter, result.listings().size(), PAGE_SIZE);
        areas = directory.areas();
    }

    /** The collectives of this page ({@code ?page=}, 50 a page; facet links start again at page 1). */
    public List<DirectoryFacets.Listing> getPageListings() {
        return paging.slice(result.listings());
    }

    public int getPage() {
        return paging.page();
    }

    public int getPageCount() {
        return paging.pageCount();
    }

    /** The previous page's address (filters kept), or null on the first page. */
    public String getPreviousPageHref() {
        return paging.hasPrevious() ? pageHref(paging.page() - 1) : null;
    }

    /** The next page's address (filters kept), or null on the last page. */
    public String getNextPageHref() {
        return paging.hasNext() ? pageHref(paging.page() + 1) : null;
    }

    private String pageHref(int page) {
        return href("page", page == 1 ? null : Integer.toString(page));
    }

    public DirectoryQuery getQuery() {
        return query;
    }

    public DirectoryFacets.Result getResult() {
        return result;
    }

    /** Each facet's values, computed once per request (the page asks for them several times). */
    private final Map<String, List<FacetValue>> facets = new java.util.HashMap<>();

    private List<FacetValue> facet(String name, java.util.function.Supplier<List<FacetValue>> values) {
        return facets.computeIfAbsent(name, k -> values.get());
    }

    public List<FacetValue> getHelpsFacet() {
        return facet("aide", () -> areaFacet("aide", result.helps()));
    }

    public List<FacetValue> getSeeksFacet() {
        return facet("besoin", () -> areaFacet("besoin", result.seeks()));
    }

    private List<FacetValue> areaFacet(String param, Map<String, Long> counts) {
        return areas.stream().filter(a -> counts.containsKey(a.getSlug()))
                .map(a -> value(param, a.getSlug(), a.getName(), counts.get(a.getSlug()))).toList();
    }

    public List<FacetValue> getRegionFacet() {
        return facet("region", () -> Regions.codes().stream().filter(result.regions()::containsKey)
                .map(r -> value("region", r, Regions.name(r), result.regions().get(r))).toList());
    }

    public List<FacetValue> getAppFacet() {
        return facet("app", () -> Apps.codes().stream().filter(result.apps()::containsKey)
                .map(a -> value("app", a, Apps.name(a), result.apps().get(a))).toList());
    }

    public List<FacetValue> getKindFacet() {
        return facet("type", () -> result.kinds().entrySet().stream()
                .map(e -> value("type", e.getKey(), fr.mare.web.Bundle.text("directory.kind." + e.getKey()), e.getValue())).toList());
    }

    private FacetValue value(String param, String code, String label, long count) {
        boolean selected = code.equals(current().get(param));
        return new FacetValue(param + "-" + code, label, count, href(param, selected ? null : code), selected);
    }

    private Map<String, String> current() {
        Map<String, String> current = new LinkedHashMap<>();
        current.put("q", query.text());
        current.put("aide", query.helps());
        current.put("besoin", query.seeks());
        current.put("region", query.region());
        current.put("app", query.app());
        current.put("type", query.kind());
        return current;
    }

    /** The directory's address with {@code param} set to {@code value} (or removed if null), other filters kept. */
    public String href(String param, String value) {
        Map<String, String> params = current();
        params.put(param, value);
        return link(params);
    }

    static String link(Map<String, String> params) {
        StringBuilder sb = new StringBuilder("voisins");
        String sep = "?";
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getValue() != null) {
                sb.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
                sep = "&";
            }
        }
        return sb.toString();
    }

    /** The hidden fields that keep the chosen facets when the text search is submitted. */
    public Map<String, String> getKeptFilters() {
        Map<String, String> kept = new LinkedHashMap<>(current());
        kept.remove("q");
        kept.values().removeIf(Objects::isNull);
        return kept;
    }

    public List<Map.Entry<String, String>> getKeptFilterList() {
        return List.copyOf(getKeptFilters().entrySet());
    }
}
