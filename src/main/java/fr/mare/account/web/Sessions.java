package fr.mare.account.web;

import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;

/**
 * The instant a session logged in, kept in the session itself: {@link SuspensionFilter} closes a
 * session that logged in before its account's sessions were revoked. A session without it (one
 * opened before this existed) counts as older than any revocation.
 */
final class Sessions {

    static final String LOGGED_IN_AT = "mare.loggedInAt";

    private Sessions() {
    }

    /** Marks the caller's session as opened at {@code instant} (at login, or to survive a revocation it made itself). */
    static void stamp(HttpServletRequest request, Instant instant) {
        request.getSession(true).setAttribute(LOGGED_IN_AT, instant);
    }
}
