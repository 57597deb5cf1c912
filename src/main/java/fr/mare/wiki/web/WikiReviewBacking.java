package fr.mare.wiki.web;

import fr.mare.wiki.WikiReviewService;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * {@code /tutoriels/a-revoir}: tutorials signalled as outdated or not reviewed for a year;
 * {@code /tutoriels/liens-casses}: internal links to tutorials that do not exist. Both public:
 * anyone may help keep the tutorials true.
 */
@Named
@RequestScoped
public class WikiReviewBacking {

    @Inject
    private WikiService wiki;

    @Inject
    private WikiReviewService reviews;

    private List<WikiReviewService.ToReview> toReview;
    private List<WikiService.BrokenLink> brokenLinks;

    void load(boolean review) {
        if (review) {
            toReview = reviews.toReview();
        } else {
            brokenLinks = wiki.brokenLinks();
        }
    }

    public List<WikiReviewService.ToReview> getToReview() {
        return toReview;
    }

    public List<WikiService.BrokenLink> getBrokenLinks() {
        return brokenLinks;
    }
}
