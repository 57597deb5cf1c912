package fr.mare.account.web;

import fr.mare.web.ClientAddress;
import fr.mare.account.Account;
import fr.mare.account.AccountService;
import fr.mare.account.LoginSessions;
import fr.mare.account.Suspension;
import fr.mare.platform.SecurityLog;
import fr.mare.web.Navigation;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Closes a session that must not go on, at its next request: that of a member suspended during
 * it, or one that logged in before the account's sessions were revoked (password changed, or
 * « Fermer mes autres sessions » on {@code /compte}: security issue #10). The person goes on
 * reading as a visitor (a GET comes back to the same address), and what they were sending is not
 * applied (a POST is answered by a redirect, before Faces). The page they land on says why once
 * ({@link SuspensionNotice}): until when and the moderation's reason, or that the session was
 * closed. Costs one account lookup per request of a logged-in member; the revocation instant is
 * in the database, so it holds on every node. So does a logout: a login whose row
 * ({@link LoginSessions}, ADR 0032) ended on another node is closed here too, and the row's login
 * instant (moved by a revocation this login made itself, on whichever node) is the one compared.
 * One more primary-key read per request. Declared in web.xml, before the access rules.
 */
public class SuspensionFilter extends HttpFilter {

    @Inject
    private AccountService accounts;

    @Inject
    private LoginSessions loginSessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getUserPrincipal() == null || path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Account> account = accounts.findByUsername(request.getUserPrincipal().getName());
        Optional<Suspension> suspension = account.flatMap(accounts::suspension);
        HttpSession current = request.getSession(false);
        boolean unbound = !Sessions.bound(request);
        Optional<LoginSessions.State> login = unbound ? Optional.empty() : loginSessions.check(Sessions.token(request));
        Instant loggedInAt = login.map(LoginSessions.State::openedAt)
                .orElse(current == null ? null : (Instant) current.getAttribute(Sessions.LOGGED_IN_AT));
        // No account any more under the session's name: the member deleted it (ADR 0022) from another session.
        // An ended login: logged out on another node.
        boolean revoked = account.isEmpty() || account.get().revokes(loggedInAt) || login.map(LoginSessions.State::ended).orElse(false);
        if (suspension.isEmpty() && !revoked && !unbound) {
            chain.doFilter(request, response);
            return;
        }
        String query = request.getQueryString();
        String back = "GET".equals(request.getMethod()) && query != null ? path + "?" + query : path;
        if (suspension.isEmpty() && !revoked) {
            // A session id without its binding cookie (guessed, or taken from elsewhere) opens nothing,
            // and closes nothing either (#10): the session is its owner's, who still holds both cookies.
            // This client forgets the id and is sent to the login page, as anyone not logged in.
            SecurityLog.event("session-refusée-sans-son-cookie-de-liaison",
                    "nom", request.getUserPrincipal().getName(), "adresse", ClientAddress.of(request));
            Sessions.forgetSessionId(request, response);
            response.sendRedirect(request.getContextPath() + Navigation.loginPath(back));
            return;
        }
        SecurityLog.event(suspension.isPresent() ? "session-fermée-compte-suspendu" : "session-fermée-révoquée",
                "nom", request.getUserPrincipal().getName(), "adresse", ClientAddress.of(request));
        request.logout();
        Sessions.forgetToken(request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        // Told once, on the page they land on (SuspensionNotice), why they were logged out.
        String notice = suspension.map(SuspensionNotice::text).orElseGet(SuspensionNotice::sessionClosed);
        SuspensionNotice.keep(request, response, notice);
        response.sendRedirect(request.getContextPath() + back);
    }
}
