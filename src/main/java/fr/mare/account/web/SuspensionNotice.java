package fr.mare.account.web;

import fr.mare.account.Suspension;
import fr.mare.web.Bundle;
import fr.mare.web.CookieExpiry;
import fr.mare.web.SealedValues;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;
import java.util.Locale;

/**
 * The sentence a member suspended during their visit reads once, on the page where
 * {@link SuspensionFilter} logged them out: until when (or « pour une durée indéterminée ») and
 * the moderation's reason, the same words as the refused login. Sealed in a cookie for that one
 * page, on any node, then gone.
 */
@Named
@RequestScoped
public class SuspensionNotice {

    static final String COOKIE = "MARE_NOTICE";
    private static final String PURPOSE = "suspension-notice";
    private static final Duration LIFETIME = Duration.ofMinutes(2);

    @Inject
    private HttpServletRequest request;

    private String text;
    private boolean read;

    /**
     * Kept for the page the redirect leads to, on whichever node serves it (issue #17, ADR 0036):
     * sealed in the {@value #COOKIE} cookie (its reason is the moderation's words), not in a session.
     */
    static void keep(HttpServletRequest request, HttpServletResponse response, String notice) {
        response.addHeader("Set-Cookie", COOKIE + "=" + SealedValues.seal(PURPOSE, notice) + "; Path=" + path(request)
                + CookieExpiry.in(LIFETIME) + "; HttpOnly; SameSite=Lax" + (request.isSecure() ? "; Secure" : ""));
    }

    /** Before the page is rendered (its headers still open): the notice sent, opened and forgotten. */
    public void load() {
        if (read || request.getCookies() == null) {
            read = true;
            return;
        }
        read = true;
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                text = SealedValues.open(PURPOSE, cookie.getValue(), LIFETIME).orElse(null);
                HttpServletResponse response = (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse();
                response.addHeader("Set-Cookie", COOKIE + "=; Path=" + path(request) + "; Max-Age=0; HttpOnly; SameSite=Lax"
                        + (request.isSecure() ? "; Secure" : ""));
            }
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }

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
        load();
        return text;
    }
}
