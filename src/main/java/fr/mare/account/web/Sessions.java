package fr.mare.account.web;

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
 *   can only be replaced by a class on the server's own class path. So a session that logs in (or
 *   holds a half-done login) also gets 128 random bits in a second cookie, {@value #COOKIE}
 *   ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} over HTTPS), kept in the session and
 *   compared in constant time at each request: a guessed or stolen {@code JSESSIONID} alone opens
 *   nothing.</li>
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

    /** Gives the session (created if needed) a new 128-bit binding, sent as the {@value #COOKIE} cookie. */
    static void bind(HttpServletRequest request, HttpServletResponse response) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        request.getSession(true).setAttribute(BINDING, value);
        response.addHeader("Set-Cookie", COOKIE + "=" + value + "; Path=" + cookiePath(request) + "; HttpOnly; SameSite=Lax"
                + (request.isSecure() ? "; Secure" : ""));
    }

    /**
     * Tells the client to forget the session id it sent (#10: an id without its binding is
     * refused without closing the session, which is still its owner's).
     */
    static void forgetSessionId(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", "JSESSIONID=; Path=" + cookiePath(request) + "; Max-Age=0; HttpOnly; SameSite=Lax");
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
