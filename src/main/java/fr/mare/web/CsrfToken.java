package fr.mare.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.nio.charset.StandardCharsets;

/**
 * The synchronizer token of forms that do not go through Faces (Faces forms are protected by
 * their server-side view state). One random token per session; {@code #{csrfToken.value}} puts
 * it in a hidden field named {@value #PARAMETER}.
 */
@Named
@RequestScoped
public class CsrfToken {

    public static final String PARAMETER = "csrf";
    private static final String SESSION_KEY = "fr.mare.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private HttpServletRequest request;

    public String getValue() {
        return tokenOf(request.getSession(true));
    }

    public static String tokenOf(HttpSession session) {
        Object token = session.getAttribute(SESSION_KEY);
        if (token instanceof String value) {
            return value;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(SESSION_KEY, value);
        return value;
    }

    /**
     * A logged-in session's token is derived from its login's secret (ADR 0032), so that every
     * node holding that login expects the same token: a form shown by one node is accepted by
     * another. The secret is 128 random bits known only to that browser; the token reveals nothing of it.
     */
    public static void derive(HttpSession session, String loginSecret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("csrf:" + loginSecret).getBytes(StandardCharsets.UTF_8));
            session.setAttribute(SESSION_KEY, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the request carries its session's token (constant-time comparison). */
    public static boolean isValid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String sent = request.getParameter(PARAMETER);
        if (session == null || sent == null || !(session.getAttribute(SESSION_KEY) instanceof String expected)) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }
}
