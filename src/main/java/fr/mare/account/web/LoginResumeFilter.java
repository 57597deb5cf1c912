package fr.mare.account.web;

import fr.mare.account.LoginSessions;
import fr.mare.account.LoginTokenCredential;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * A login made on another node (issue #17, ADR 0032). A request that carries the
 * {@code MARE_SESSION} cookie but is not logged in here (this node never saw the session, or
 * restarted) is logged in again from the login's row, through the identity store
 * ({@link LoginTokenCredential}): same account, same login instant for the revocation rule, same
 * binding and CSRF token. The rules of the node that logged in hold: an ended, revoked, idle or
 * suspended login opens nothing, and the client is told to forget the cookie (once; a half-done
 * login, whose binding has no row yet, keeps it). Before {@link SuspensionFilter}, in web.xml.
 */
public class LoginResumeFilter extends HttpFilter {

    @Inject
    private LoginSessions loginSessions;

    @Inject
    private SecurityContext security;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String token = request.getUserPrincipal() == null ? Sessions.sentToken(request) : null;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (token == null || path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/") || Sessions.bound(request)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<LoginSessions.Resumable> login = loginSessions.resumable(token);
        if (login.isEmpty()) {
            Sessions.forgetToken(request, response);
            chain.doFilter(request, response);
            return;
        }
        AuthenticationStatus status = security.authenticate(request, response,
                withParams().newAuthentication(true).credential(new LoginTokenCredential(token)));
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            return;
        }
        if (status == AuthenticationStatus.SUCCESS && request.getUserPrincipal() != null) {
            Sessions.adopt(request, token, login.get().openedAt());
        } else {
            // Suspended since: refused by the identity store, as at a login.
            Sessions.forgetToken(request, response);
            jakarta.servlet.http.HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(Login.SOTERIA_CALLER_INITIATED);
            }
        }
        chain.doFilter(request, response);
    }
}
