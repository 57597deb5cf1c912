package fr.mare.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

/**
 * The one way Mare posts forms repeated over a list (ADR 0024, docs/architecture.md « Formulaires
 * d'une liste »): each row is a plain HTML {@code <form>} naming its row (a hidden id), carrying
 * the page's view state ({@code <mare:viewState/>}) and buttons named after the page's single
 * Faces form ({@code name="thread-actions:like"}); that Faces form, placed after the list, holds
 * the matching command buttons and renders them only while a postback is decoded
 * ({@link #decoding()}). The action reads the row from the request and the service checks it, so
 * a click still reaches its action when the list moved since the page was drawn (another
 * moderator, a new notification), and the answer is « déjà traité », never a silent page. CSRF is
 * Faces' own: the view state is bound to the session ({@code PageBoundViewHandler}).
 * <p>
 * Views read it as {@code #{rowForms.decoding}} and {@code #{rowForms.action}}.
 */
@Named
@ApplicationScoped
public class RowForms {

    /** Whether a postback is being decoded or acted on: the Faces form's buttons exist only then. */
    public static boolean decoding() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context.isPostback() && context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE
                && context.getCurrentPhaseId() != PhaseId.RESTORE_VIEW;
    }

    /** Where a row form posts: the page itself, its query string included. */
    public static String action() {
        return Faces.getRequestURIWithQueryString();
    }

    public boolean isDecoding() {
        return decoding();
    }

    public String getAction() {
        return action();
    }
}
