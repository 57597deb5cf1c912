package fr.mare.wiki.web;

import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** « Tutoriels récents » on the home page: the last updated tutorials, read once per request. */
@Named
@RequestScoped
public class WikiRecentBacking {

    @Inject
    private WikiService wiki;

    private List<WikiPage> pages;

    public List<WikiPage> getPages() {
        if (pages == null) {
            pages = wiki.recentlyUpdated(5);
        }
        return pages;
    }
}
