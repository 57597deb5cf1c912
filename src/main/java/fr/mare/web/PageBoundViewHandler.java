package fr.mare.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * A view state belongs to the page it was issued for (security issue #10). Mojarra looks a
 * posted view state up in the session by its token alone, and would restore a token issued for
 * {@code /compte} onto the page {@code /nouveau-sujet}: each rendered view now carries its own
 * view id in its saved state, and a postback whose restored state names another page is refused
 * like an expired form (400, the typed text shown again by the expired-form page), before any of
 * its values is applied. Stateless views save nothing and are left alone. Registered in
 * faces-config.xml.
 */
public class PageBoundViewHandler extends ViewHandlerWrapper {

    /** The root attribute holding the view id the state was saved for. */
    static final String ISSUED_FOR = "fr.mare.viewState.issuedFor";

    private static final Logger LOG = Logger.getLogger(PageBoundViewHandler.class.getName());

    public PageBoundViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void renderView(FacesContext context, UIViewRoot root) throws IOException {
        if (!root.isTransient()) {
            root.getAttributes().put(ISSUED_FOR, root.getViewId());
        }
        super.renderView(context, root);
    }

    @Override
    public UIViewRoot restoreView(FacesContext context, String viewId) {
        UIViewRoot root = super.restoreView(context, viewId);
        if (root != null && !root.isTransient() && !issuedFor(root.getAttributes().get(ISSUED_FOR), root.getViewId())) {
            LOG.info(() -> "View state issued for another page posted to " + root.getViewId() + " (forged or replayed form)");
            throw new ViewExpiredException("View state issued for another page", viewId);
        }
        return root;
    }

    /** True when the state was saved for this page, or carries no page (saved before this check existed). */
    static boolean issuedFor(Object savedFor, String viewId) {
        return savedFor == null || savedFor.equals(viewId);
    }
}
