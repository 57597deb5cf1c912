package fr.mare.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * A view state belongs to the page it was issued for (security issue #10). Mojarra looks a
 * posted view state up in the session by its token alone, and would restore a token issued for
 * {@code /compte} onto the page {@code /nouveau-sujet}: each rendered view now carries its own
 * view id in its saved state, and a postback whose restored state names another page is refused
 * like an expired form (400, the typed text shown again by the expired-form page), before any of
 * its values is applied. Stateless views save nothing and are left alone. Registered in
 * faces-config.xml.
 * <p>
 * The state is also bound to its login (issue #17, ADR 0032). Faces keeps it in the page itself,
 * encrypted and signed with a key every node shares ({@code mare.faces.state-key}), so a form
 * shown by one node can be sent to another; it is then no secret of the session any more, and no
 * CSRF token by itself. So each state carries a digest of its session's CSRF token (derived from
 * the login's token, the same on every node: {@link CsrfToken#derive}), and a state sent from
 * another session (an attacker's own, replayed through a victim's browser) is refused as expired.
 * One state is written per page, repeated in each form: {@link OneViewStatePerPage}.
 */
public class PageBoundViewHandler extends ViewHandlerWrapper {

    /** The root attribute holding the view id the state was saved for. */
    static final String ISSUED_FOR = "fr.mare.viewState.issuedFor";
    /** The root attribute holding a digest of the session's CSRF token when the state was saved. */
    static final String ISSUED_TO = "fr.mare.viewState.issuedTo";

    private static final Logger LOG = Logger.getLogger(PageBoundViewHandler.class.getName());

    public PageBoundViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void renderView(FacesContext context, UIViewRoot root) throws IOException {
        if (!root.isTransient()) {
            root.getAttributes().put(ISSUED_FOR, root.getViewId());
            root.getAttributes().put(ISSUED_TO, sessionDigest(context));
        }
        super.renderView(context, root);
    }

    @Override
    public UIViewRoot restoreView(FacesContext context, String viewId) {
        UIViewRoot root;
        try {
            root = super.restoreView(context, viewId);
        } catch (RuntimeException e) {
            if (!unreadableState(e)) {
                throw e;
            }
            // The state travels in the page (ADR 0032): a garbled or foreign one is an expired form, not a 500.
            LOG.info(() -> "Unreadable view state posted to " + viewId + ": " + e);
            throw new ViewExpiredException("Unreadable view state", viewId);
        }
        if (root != null && !root.isTransient() && !issuedFor(root.getAttributes().get(ISSUED_FOR), root.getViewId())) {
            LOG.info(() -> "View state issued for another page posted to " + root.getViewId() + " (forged or replayed form)");
            throw new ViewExpiredException("View state issued for another page", viewId);
        }
        if (root != null && !root.isTransient() && !sessionDigest(context).equals(root.getAttributes().get(ISSUED_TO))) {
            LOG.info(() -> "View state issued to another session posted to " + root.getViewId() + " (ended login, or a replayed form)");
            throw new ViewExpiredException("View state issued to another session", viewId);
        }
        return root;
    }

    /** Whether Mojarra failed to decode the posted state (Base64, decryption, decompression), whatever wraps it. */
    static boolean unreadableState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException || cause instanceof java.security.GeneralSecurityException
                    || cause instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** A digest of the session's CSRF token; empty without a session. */
    private static String sessionDigest(FacesContext context) {
        HttpSession session = (HttpSession) context.getExternalContext().getSession(false);
        if (session == null) {
            return "";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("view:" + CsrfToken.tokenOf(session)).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the state was saved for this page, or carries no page (saved before this check existed). */
    static boolean issuedFor(Object savedFor, String viewId) {
        return savedFor == null || savedFor.equals(viewId);
    }
}
