package fr.mare.moderation.web;

import fr.mare.web.Bundle;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

/**
 * {@code /moderation/…}: one view ({@code moderation.xhtml}, OmniFaces MultiViews, like
 * {@code /tutoriels}) whose path picks the fragment: the queue ({@code /moderation}), the journal,
 * one target ({@code cible?cible=type:id}) and each member's own reports ({@code mes-signalements}).
 * Who may see which is checked by {@code AccessFilter} and again by the service.
 */
@Named
@RequestScoped
public class ModerationRouterBacking {

    @Inject
    @Param(pathIndex = 0)
    private String first;

    @Inject
    @Param(pathIndex = 1)
    private String second;

    @Inject
    private ModerationTargetBacking target;

    private String view;

    public String getView() {
        if (view == null) {
            view = second != null ? "not-found" : first == null ? "queue" : switch (first) {
                case "journal" -> "journal";
                case "cible" -> "target";
                case "mes-signalements" -> "mine";
                default -> "not-found";
            };
        }
        return view;
    }

    public void load() {
        switch (getView()) {
            case "target" -> target.load();
            case "queue", "journal", "mine" -> {
                // loaded lazily; the action forms are decoded by moderation-actions (ModerationActionsBacking)
            }
            default -> Pages.notFound("Adresse inconnue");
        }
    }

    public String getTitle() {
        return Bundle.text(switch (getView()) {
            case "journal" -> "moderation.journal.title";
            case "target" -> "moderation.target.title";
            case "mine" -> "moderation.mine.title";
            default -> "moderation.queue.title";
        });
    }
}
