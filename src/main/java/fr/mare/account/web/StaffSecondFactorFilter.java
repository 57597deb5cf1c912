package fr.mare.account.web;

import fr.mare.account.AccountService;
import fr.mare.account.TwoFactorService;
import fr.mare.web.AccessFilter;
import fr.mare.web.AccessRules;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Moderation and administration pages need two-factor authentication (security issue #10, ADR
 * 0023): a moderator or administrator without it who asks for one is sent to the enrolment page,
 * which brings them back once enrolled. Runs after {@link AccessFilter} (the role is already
 * checked) on the paths whose rule needs a staff role; until enrolled, the services see them as a
 * member ({@code CallerProducer}), so no moderation write gets through another page either.
 */
public class StaffSecondFactorFilter extends HttpFilter {

    @Inject
    private AccountService accounts;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private AccessRules accessRules;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null && staffPath(request) && accounts.findByUsername(request.getUserPrincipal().getName())
                .map(twoFactor::mustEnrol).orElse(false)) {
            String path = AccessFilter.normalizedPath(request.getRequestURI().substring(request.getContextPath().length()));
            String query = request.getQueryString();
            String back = "GET".equals(request.getMethod()) ? (query == null ? path : path + "?" + query) : path;
            response.sendRedirect(request.getContextPath() + AccountTwoFactorBacking.pagePath(back));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean staffPath(HttpServletRequest request) {
        String path = AccessFilter.normalizedPath(request.getRequestURI().substring(request.getContextPath().length()));
        String role = path == null ? null : accessRules.requiredRole(path);
        return "MODERATOR".equals(role) || "ADMIN".equals(role);
    }
}
