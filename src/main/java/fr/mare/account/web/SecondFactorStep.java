package fr.mare.account.web;

import fr.mare.web.Cookies;
import fr.mare.account.PendingLogins;
import fr.mare.web.CookieExpiry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A login half done (ADR 0023): the password was right, the code is still to give on
 * {@code /code-de-connexion}. The step lives in the database ({@code PendingLogins}, ADR 0036),
 * not in a node's session, so the code may be posted to any node; the browser holds its token in
 * the {@value #COOKIE} cookie, {@code HttpOnly},
 * {@code SameSite=Strict} (no other site's form may post a code with it), {@code Secure} over
 * HTTPS; the row and the cookie live five minutes. Nothing of the password is kept. The login that follows gets a new
 * session and its own {@code MARE_SESSION} binding.
 */
final class SecondFactorStep {

    static final String COOKIE = "MARE_LOGIN_STEP";
    static final String PAGE = "/code-de-connexion";

    private SecondFactorStep() {
    }

    /** Hands the step's token to the browser. */
    static void keep(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=" + path(request) + CookieExpiry.in(PendingLogins.LIFETIME)
                + "; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : ""));
    }

    /** The token the browser sent, or null. */
    static String token(HttpServletRequest request) {
        return Cookies.sent(request, COOKIE);
    }

    /** The step ended (finished, or dead): the browser forgets its token. */
    static void forget(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", COOKIE + "=; Path=" + path(request) + "; Max-Age=0; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
    }

    /**
     * The site's root, not the code page alone: set by the answer of {@code /connexion}, a cookie
     * restricted to another path is refused by some clients (Java's {@code CookieManager}, RFC 2965
     * rules). It weighs 60 bytes on other requests for five minutes at most.
     */
    private static String path(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }
}
