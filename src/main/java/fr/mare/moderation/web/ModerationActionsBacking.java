package fr.mare.moderation.web;

import fr.mare.account.Caller;
import fr.mare.forum.Category;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.ForumService;
import fr.mare.moderation.ActionKind;
import fr.mare.moderation.ModerationService;
import fr.mare.platform.SecurityLog;
import fr.mare.web.Bundle;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import fr.mare.web.RowForms;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The action forms of the queue and of a target's page: row forms ({@link RowForms}, one per
 * target) decoded by the page's {@code moderation-actions} Faces form, so that a click still
 * reaches its action once another moderator changed the queue, and the second moderator hears
 * « déjà traité ». The target, its open item and its version come from the request; the service
 * checks them. Success: message and redirect (PRG). Refusal: the page again, with what was typed.
 */
@Named
@RequestScoped
public class ModerationActionsBacking {

    @Inject
    private HttpServletRequest request;

    @Inject
    private ModerationService moderation;

    @Inject
    private ForumService forum;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private Caller caller;

    @Inject
    private ModerationRouterBacking router;

    private String failedCible;
    private final Map<String, String> typed = new HashMap<>();
    private List<Category> categories;

    /** Applies the action form sent, then back to the page it was sent from. */
    public String act() {
        String cible = request.getParameter("cible");
        for (String name : List.of("action", "reason", "days", "category", "body")) {
            typed.put(name, request.getParameter(name));
        }
        ActionKind action = parse(request.getParameter("action"));
        String parameter = switch (action == null ? ActionKind.DISMISS : action) {
            case SUSPEND -> typed.get("days");
            case MOVE -> typed.get("category");
            case EDIT -> typed.get("body");
            default -> null;
        };
        if (!FormMessages.run(null, () -> moderation.act(caller, cible, number(request.getParameter("item")),
                number(request.getParameter("version")), action, typed.get("reason"), parameter), refusal -> failedCible = cible)) {
            return null;
        }
        SecurityLog.event("moderation", "action", action.name(), "par", caller.username(), "cible", cible,
                "paramètre", action == ActionKind.SUSPEND ? parameter : "");
        FormMessages.flashInfo("moderation.action.done", Bundle.text("ActionKind." + action.name()));
        Navigation.redirect("target".equals(router.getView())
                ? "/moderation/cible?cible=" + URLEncoder.encode(cible, StandardCharsets.UTF_8) : "/moderation");
        return null;
    }

    private static ActionKind parse(String typed) {
        try {
            return typed == null ? null : ActionKind.valueOf(typed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long number(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : Long.valueOf(typed);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What was typed in the refused form of this target, to show it again (nothing for the other forms). */
    public String typed(String cible, String field) {
        return cible.equals(failedCible) ? typed.get(field) : null;
    }

    public List<Category> getCategories() {
        if (categories == null) {
            categories = forumCategories.categories();
        }
        return categories;
    }
}
