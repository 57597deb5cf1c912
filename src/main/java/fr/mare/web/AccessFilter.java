package fr.mare.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * Coarse URL rules: which paths need a logged-in caller in a given role. Anonymous callers are
 * sent to {@code /connexion?retour=…} (and come back after logging in); callers without the
 * role get a 403. Declared in web.xml, before Faces.
 * <p>
 * These rules would normally be web.xml security constraints, but on Payara 7 a constraint on
 * {@code /compte} also protected the context root {@code /} (docs/adr/0003). Fine-grained rules
 * stay in each feature's service and policy: this filter only spares people a useless page.
 */
public class AccessFilter extends HttpFilter {

    /** Path (exact, or prefix when it ends with "/") to the role it needs. */
    static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("/compte", "MEMBER"),
            Map.entry("/compte/", "MEMBER"),
            Map.entry("/nouveau-sujet", "MEMBER"),
            Map.entry("/notifications", "MEMBER"),
            Map.entry("/messages", "MEMBER"),
            Map.entry("/messages/", "MEMBER"),
            Map.entry("/tutoriels/nouveau", "MEMBER"),
            Map.entry("/voisins/nouveau", "MEMBER"),
            Map.entry("/moderation", "MODERATOR"),
            Map.entry("/moderation/mes-signalements", "MEMBER"),
            Map.entry("/moderation/", "MODERATOR"),
            Map.entry("/admin/", "ADMIN"));

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String role = requiredRole(path);
        if (role != null) {
            if (request.getUserPrincipal() == null) {
                String query = request.getQueryString();
                response.sendRedirect(request.getContextPath() + Navigation.loginPath(query == null ? path : path + "?" + query));
                return;
            }
            if (!request.isUserInRole(role)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static String requiredRole(String path) {
        String exact = RULES.get(path);
        if (exact != null) {
            return exact;
        }
        return RULES.entrySet().stream()
                .filter(rule -> rule.getKey().endsWith("/") && path.startsWith(rule.getKey()))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
