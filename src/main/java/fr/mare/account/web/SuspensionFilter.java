package fr.mare.account.web;

import fr.mare.account.AccountService;
import fr.mare.account.Suspension;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Optional;

/**
 * Logs out a member suspended during their session, at their next request: they go on reading
 * as a visitor (a GET comes back to the same address), and what they were sending is not applied
 * (a POST is answered by a redirect, before Faces). The page they land on says why, until when
 * and the moderation's reason, once ({@link SuspensionNotice}). Costs one account lookup per request of a
 * logged-in member. Declared in web.xml, before the access rules.
 */
public class SuspensionFilter extends HttpFilter {

    @Inject
    private AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getUserPrincipal() == null || path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Suspension> suspension = accounts.findByUsername(request.getUserPrincipal().getName())
                .flatMap(accounts::suspension);
        if (suspension.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        // Told once, on the page they land on (SuspensionNotice), why they were logged out.
        request.getSession(true).setAttribute(SuspensionNotice.SESSION_KEY, SuspensionNotice.text(suspension.get()));
        String query = request.getQueryString();
        String back = "GET".equals(request.getMethod()) && query != null ? path + "?" + query : path;
        response.sendRedirect(request.getContextPath() + back);
    }
}
