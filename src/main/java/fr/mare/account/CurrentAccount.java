package fr.mare.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who is logged in, for pages and other features. Request-scoped, so that an anonymous reader's
 * page creates no HTTP session (performance issue #11: every page's header asks
 * {@code #{currentAccount.loggedIn}}). For a logged-in member the display name, id and role are
 * read once per session and kept in that session ({@link Snapshot}; again after the member
 * changes them), so that every page's header does not cost a query and still renders while the
 * database is away (error pages use the same header). Only a logged-in member has a session to
 * keep it in: it was created at login.
 */
@Named
@RequestScoped
public class CurrentAccount {

    private static final Logger LOG = Logger.getLogger(CurrentAccount.class.getName());
    static final String SESSION_KEY = CurrentAccount.class.getName();

    /** What the header shows of the member, kept in their session. */
    record Snapshot(String username, String displayName, Long id, Role role) implements Serializable {
    }

    /**
     * The current request (a CDI proxy: asking CDI for it at every call cost more than the header's
     * other work, #11). The servlet request is asked rather than SecurityContext, which fails on
     * error dispatches.
     */
    @Inject
    private HttpServletRequest request;

    private Snapshot snapshot;

    public boolean isLoggedIn() {
        return principal() != null;
    }

    /** The canonical username, or null when nobody is logged in. */
    public String getUsername() {
        Principal principal = principal();
        return principal == null ? null : principal.getName();
    }

    public String getDisplayName() {
        Snapshot current = snapshot();
        return current == null ? null : current.displayName();
    }

    /** The logged-in member's id, or null when nobody is logged in. */
    public Long getId() {
        Snapshot current = snapshot();
        return current == null ? null : current.id();
    }

    /**
     * For pages only (to show links); read from the account, not from the request, because asking
     * the request for roles fails on error dispatches. Services check roles through {@link Caller}.
     */
    public boolean isModerator() {
        Snapshot current = snapshot();
        return current != null && current.role() != null && current.role().moderates();
    }

    public boolean isAdmin() {
        Snapshot current = snapshot();
        return current != null && current.role() == Role.ADMIN;
    }

    /** Forget the kept display name, after the member changed it. */
    public void refresh() {
        snapshot = null;
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_KEY);
        }
    }

    private Snapshot snapshot() {
        String current = getUsername();
        if (current == null) {
            return null;
        }
        if (snapshot != null && snapshot.username().equals(current)) {
            return snapshot;
        }
        HttpSession session = request.getSession(false);
        Snapshot kept = session == null ? null : (Snapshot) session.getAttribute(SESSION_KEY);
        if (kept != null && kept.username().equals(current)) {
            snapshot = kept;
            return kept;
        }
        snapshot = load(current);
        if (snapshot.id() != null && session != null) {
            session.setAttribute(SESSION_KEY, snapshot);
        }
        return snapshot;
    }

    private Principal principal() {
        return request.getUserPrincipal();
    }


    /** Not kept when the database is away ({@code id} null): asked again on the next request. */
    private static Snapshot load(String canonical) {
        try {
            Account account = CDI.current().select(AccountService.class).get().findByUsername(canonical).orElse(null);
            return account == null ? new Snapshot(canonical, canonical, null, null)
                    : new Snapshot(canonical, account.getDisplayName(), account.getId(), account.getRole());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Nom affiché indisponible, le nom d'utilisateur le remplace", e);
            return new Snapshot(canonical, canonical, null, null);
        }
    }
}
