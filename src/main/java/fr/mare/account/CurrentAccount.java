package fr.mare.account;

import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who is logged in, for pages and other features. The display name is read once per session
 * (and again after the member changes it), so that every page's header does not cost a query
 * and still renders while the database is away (error pages use the same header).
 */
@Named
@SessionScoped
public class CurrentAccount implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CurrentAccount.class.getName());

    private String username;
    private String displayName;
    private Long id;
    private Role role;

    public boolean isLoggedIn() {
        return principal() != null;
    }

    /** The canonical username, or null when nobody is logged in. */
    public String getUsername() {
        Principal principal = principal();
        return principal == null ? null : principal.getName();
    }

    public String getDisplayName() {
        String current = getUsername();
        if (current == null) {
            return null;
        }
        if (!current.equals(username)) {
            username = current;
            displayName = loadDisplayName(current);
        }
        return displayName;
    }

    /** The logged-in member's id, or null when nobody is logged in. */
    public Long getId() {
        getDisplayName();
        return getUsername() == null ? null : id;
    }

    /**
     * For pages only (to show links); read from the account, not from the request, because asking
     * the request for roles fails on error dispatches. Services check roles through {@link Caller}.
     */
    public boolean isModerator() {
        getDisplayName();
        return getUsername() != null && role != null && role.moderates();
    }

    public boolean isAdmin() {
        getDisplayName();
        return getUsername() != null && role == Role.ADMIN;
    }

    /** Forget the cached display name, after the member changed it. */
    public void refresh() {
        username = null;
    }

    private Principal principal() {
        return request().getUserPrincipal();
    }

    /**
     * Looked up on use: a session-scoped bean may be serialized, its injected proxies not. The
     * servlet request is asked rather than SecurityContext, which fails on error dispatches.
     */
    private static HttpServletRequest request() {
        return CDI.current().select(HttpServletRequest.class).get();
    }

    private String loadDisplayName(String canonical) {
        try {
            Account account = CDI.current().select(AccountService.class).get().findByUsername(canonical).orElse(null);
            id = account == null ? null : account.getId();
            role = account == null ? null : account.getRole();
            return account == null ? canonical : account.getDisplayName();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Nom affiché indisponible, le nom d'utilisateur le remplace", e);
            username = null;
            return canonical;
        }
    }
}
