package fr.mare.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A login half done (ADR 0023): the password was right, the code is still to give on
 * {@code /code-de-connexion}. Kept in the session for five minutes; nothing of the password is.
 * The session is renewed (new id) when the code is accepted.
 */
record SecondFactorStep(long accountId, String username, Instant since, String returnTo) implements Serializable {

    static final String SESSION_KEY = "mare.secondFactorStep";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final String PAGE = "/code-de-connexion";

    /** Kept in the session, bound to this browser like a logged-in session ({@link Sessions#bind}). */
    void keep(HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true).setAttribute(SESSION_KEY, this);
        Sessions.bind(request, response);
    }

    /** The step under way in this session, unless it is too old. */
    static SecondFactorStep current(HttpServletRequest request, Instant now) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_KEY) instanceof SecondFactorStep step) || !Sessions.bound(request)) {
            return null;
        }
        if (step.since().plus(LIFETIME).isBefore(now)) {
            session.removeAttribute(SESSION_KEY);
            return null;
        }
        return step;
    }

    static void forget(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_KEY);
        }
    }
}
