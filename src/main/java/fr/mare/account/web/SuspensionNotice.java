package fr.mare.account.web;

import fr.mare.account.Suspension;
import fr.mare.web.Bundle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.Locale;

/**
 * The sentence a member suspended during their visit reads once, on the page where
 * {@link SuspensionFilter} logged them out: until when (or « pour une durée indéterminée ») and
 * the moderation's reason, the same words as the refused login. Kept in the new visitor session
 * for that one page, then gone.
 */
@Named
@RequestScoped
public class SuspensionNotice {

    static final String SESSION_KEY = "mare.suspensionNotice";

    @Inject
    private HttpServletRequest request;

    private String text;
    private boolean read;

    static String text(Suspension suspension) {
        return suspension.indefinite()
                ? Bundle.text(Locale.FRENCH, "account.login.suspendedIndefinitely", suspension.reason())
                : Bundle.text(Locale.FRENCH, "account.login.suspended", AccountLoginBacking.suspendedUntil(suspension.until()),
                        suspension.reason());
    }

    /** Why a session that another one closed (password change, « Fermer mes autres sessions ») ended. */
    static String sessionClosed() {
        return Bundle.text(Locale.FRENCH, "account.session.closed");
    }

    /** The sentence, once per suspension (null on every other page). */
    public String getText() {
        if (!read) {
            read = true;
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_KEY) instanceof String notice) {
                session.removeAttribute(SESSION_KEY);
                text = notice;
            }
        }
        return text;
    }
}
