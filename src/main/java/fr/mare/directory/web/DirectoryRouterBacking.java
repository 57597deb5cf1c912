package fr.mare.directory.web;

import fr.mare.directory.CollectiveDraft;
import fr.mare.web.Bundle;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

/**
 * {@code /voisins/…}: one view ({@code voisins.xhtml}, OmniFaces MultiViews) whose path decides
 * which fragment of {@code WEB-INF/includes/directory/} it shows: the directory, {@code nouveau},
 * a collective's profile ({@code /voisins/{slug}}) or its edit form ({@code /voisins/{slug}/modifier}).
 */
@Named
@RequestScoped
public class DirectoryRouterBacking {

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
    private DirectoryIndexBacking index;

    @Inject
    private DirectoryCollectiveBacking page;

    @Inject
    private DirectoryEditBacking edit;

    private String view;

    public String getView() {
        if (view == null) {
            view = route(first, second, third);
        }
        return view;
    }

    public static String route(String first, String second, String third) {
        if (third != null) {
            return "not-found";
        }
        if (first == null) {
            return second == null ? "index" : "not-found";
        }
        if (second == null) {
            return "nouveau".equals(first) ? "edit" : CollectiveDraft.RESERVED_SLUGS.contains(first) ? "not-found" : "page";
        }
        if (CollectiveDraft.RESERVED_SLUGS.contains(first)) {
            return "not-found";
        }
        return "modifier".equals(second) ? "edit" : "not-found";
    }

    public void load() {
        switch (getView()) {
            case "index" -> index.load();
            case "page" -> page.load();
            case "edit" -> edit.load();
            default -> Pages.notFound("Adresse inconnue");
        }
    }

    public String getTitle() {
        return switch (getView()) {
            case "page" -> page.getCollective() == null ? "" : page.getCollective().getName();
            case "edit" -> edit.isNew() ? Bundle.text("directory.new.title")
                    : Bundle.text("directory.edit.title", edit.getCollective() == null ? "" : edit.getCollective().getName());
            default -> Bundle.text("directory.index.title");
        };
    }
}
