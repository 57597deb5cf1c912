package fr.mare.account.web;

import fr.mare.web.Cookies;
import fr.mare.web.CsrfToken;
import fr.mare.web.NodeSessionCookie;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * What Mare keeps in a logged-in session besides the container's login.
 * <ul>
 *   <li>The instant it logged in: {@link SuspensionFilter} closes a session that logged in before
 *   its account's sessions were revoked. A session without it counts as older than any revocation.</li>
 *   <li>Its binding (security issue #10): Payara's session ids carry about 64 random bits (its
 *   {@code UuidUtil}: time, identity hash, one random int and a random string), and its generator
 *   can only be replaced by a class on the server's own class path. So a session that logs in also
 *   gets 128 random bits (a half-done login holds no session: its step is a row, ADR 0036) in a second cookie, {@value #COOKIE}
 *   ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} over HTTPS), kept in the session and
 *   compared in constant time at each request: a guessed or stolen {@code JSESSIONID} alone opens
 *   nothing.</li>
 *   <li>On a full login, that binding is also the login's token in the database ({@code LoginSessions},
 *   issue #17, ADR 0032): another node that receives it without a session of its own opens one for
 *   the same login ({@link LoginResumeFilter}, {@link #adopt}), and the forms' CSRF token is derived
 *   from it, so a form shown by one node is accepted by the other.</li>
 * </ul>
 */
final class Sessions {

    static final String LOGGED_IN_AT = "mare.loggedInAt";
    static final String COOKIE = "MARE_SESSION";
    private static final String BINDING = "mare.sessionBinding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sessions() {
    }

    /** Marks the caller's session as opened at {@code instant} (at login, or to survive a revocation it made itself). */
    static void stamp(HttpServletRequest request, Instant instant) {
        request.getSession(true).setAttribute(LOGGED_IN_AT, instant);
    }

    /** Gives the session (created if needed) a new 128-bit binding, sent as the {@value #COOKIE} cookie; returns it. */
    static String bind(HttpServletRequest request, HttpServletResponse response) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        HttpSession session = request.getSession(true);
        session.setAttribute(BINDING, value);
        CsrfToken.derive(session, value);
        response.addHeader("Set-Cookie", COOKIE + "=" + value + "; Path=" + cookiePath(request) + "; HttpOnly; SameSite=Lax"
                + (request.isSecure() ? "; Secure" : ""));
        return value;
    }

    /**
     * This node's new session carries a login made elsewhere (ADR 0032): the same binding (the
     * client keeps its cookie), the login's instant for the revocation rule, the same CSRF token.
     */
    static void adopt(HttpServletRequest request, String token, Instant openedAt) {
        HttpSession session = request.getSession(true);
        session.setAttribute(BINDING, token);
        session.setAttribute(LOGGED_IN_AT, openedAt);
        CsrfToken.derive(session, token);
    }

    /** The session's binding (its login's token), or null. */
    static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(BINDING) instanceof String value ? value : null;
    }

    /** The {@value #COOKIE} cookie the client sent, or null. */
    static String sentToken(HttpServletRequest request) {
        return Cookies.sent(request, COOKIE);
    }

    /** Tells the client to forget its {@value #COOKIE} cookie (logged out, or a login that ended). */
    static void forgetToken(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", COOKIE + "=; Path=" + cookiePath(request) + "; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    /**
     * Tells the client to forget the session id it sent (#10: an id without its binding is
     * refused without closing the session, which is still its owner's).
     */
    static void forgetSessionId(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", NodeSessionCookie.name(request.getServletContext()) + "=; Path=" + cookiePath(request) + "; Max-Age=0; HttpOnly; SameSite=Lax");
    }

    private static String cookiePath(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }

    /** Whether the request carries its session's binding. */
    static boolean bound(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(BINDING) instanceof String expected) || request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    cookie.getValue().getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
