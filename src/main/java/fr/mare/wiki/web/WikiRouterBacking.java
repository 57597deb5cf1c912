package fr.mare.wiki.web;

import fr.mare.web.Bundle;
import fr.mare.web.Pages;
import fr.mare.wiki.WikiPage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

/**
 * {@code /tutoriels/…}: one view ({@code tutoriels.xhtml}, OmniFaces MultiViews) whose path
 * decides which fragment it shows and which bean loads it. {@code nouveau}, {@code a-revoir} and
 * {@code liens-casses} are the wiki's own pages, never tutorials; anything else is a slug,
 * optionally followed by {@code modifier}, {@code historique} or {@code diff}. Other paths are 404.
 */
@Named
@RequestScoped
public class WikiRouterBacking {

    @Inject
    @Param(pathIndex = 0)
    private String first;

    @Inject
    @Param(pathIndex = 1)
    private String second;

    @Inject
    @Param(pathIndex = 2)
    private String third;

    @Inject
    private WikiIndexBacking index;

    @Inject
    private WikiPageBacking page;

    @Inject
    private WikiEditBacking edit;

    @Inject
    private WikiHistoryBacking history;

    @Inject
    private WikiReviewBacking review;

    private String view;

    /** The fragment of {@code WEB-INF/includes/wiki/} this address shows, or {@code not-found}. */
    public String getView() {
        if (view == null) {
            view = route();
        }
        return view;
    }

    private String route() {
        if (third != null) {
            return "not-found";
        }
        if (first == null) {
            return "index";
        }
        if (second == null) {
            return switch (first) {
                case "nouveau" -> "edit";
                case "a-revoir" -> "review";
                case "liens-casses" -> "broken-links";
                default -> "page";
            };
        }
        if (fr.mare.wiki.WikiLinks.RESERVED.contains(first)) {
            return "not-found";
        }
        return switch (second) {
            case "modifier" -> "edit";
            case "historique" -> "history";
            case "diff" -> "diff";
            default -> "not-found";
        };
    }

    /** The slug of the tutorial this address is about, or null. */
    public String getSlug() {
        return first == null || fr.mare.wiki.WikiLinks.RESERVED.contains(first) ? null : first;
    }

    public void load() {
        switch (getView()) {
            case "index" -> index.load();
            case "page" -> page.load();
            case "edit" -> edit.load();
            case "history", "diff" -> history.load();
            case "review", "broken-links" -> review.load("review".equals(view));
            default -> Pages.notFound("Adresse inconnue");
        }
    }

    public String getTitle() {
        return switch (getView()) {
            case "page" -> page.getPage() == null ? "" : page.getPage().getTitle();
            case "edit" -> getSlug() == null ? Bundle.text("wiki.new.title")
                    : Bundle.text("wiki.edit.title", edit.getPage() == null ? "" : edit.getPage().getTitle());
            case "history" -> Bundle.text("wiki.history.title", history.getPage() == null ? "" : history.getPage().getTitle());
            case "diff" -> Bundle.text("wiki.diff.title", history.getPage() == null ? "" : history.getPage().getTitle());
            case "review" -> Bundle.text("wiki.review.title");
            case "broken-links" -> Bundle.text("wiki.broken.title");
            default -> Bundle.text("wiki.index.title");
        };
    }

    /** « 28 à 31 », « 28 et suivantes », « jusqu'à 31 », « toutes ». */
    public String versions(WikiPage p) {
        return versions(p.getNcVersionMin(), p.getNcVersionMax());
    }

    static String versions(Integer min, Integer max) {
        if (min != null && max != null) {
            return min.equals(max) ? Bundle.text("wiki.versions.one", min) : Bundle.text("wiki.versions.range", min, max);
        }
        if (min != null) {
            return Bundle.text("wiki.versions.from", min);
        }
        if (max != null) {
            return Bundle.text("wiki.versions.upTo", max);
        }
        return Bundle.text("wiki.versions.all");
    }
}
