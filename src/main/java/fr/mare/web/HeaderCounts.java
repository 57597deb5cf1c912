package fr.mare.web;

import fr.mare.platform.DatabaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;

import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The counts the header shows (unread notifications, open moderation items). The header is also
 * drawn by error pages: while the database is away, or on a 503, it shows no count rather than
 * asking the database (the 503 must answer at once, R2 of #17) or failing the page.
 */
@ApplicationScoped
public class HeaderCounts {

    private static final Logger LOG = Logger.getLogger(HeaderCounts.class.getName());

    @Inject
    private DatabaseStatus database;

    /** The count {@code query} gives, or 0 when the database is away, on a 503 page, or when it fails. */
    public long count(String what, LongSupplier query) {
        if (!database.isReady() || isServiceUnavailablePage()) {
            return 0;
        }
        try {
            return query.getAsLong();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> what + " indisponible, l'en-tête s'en passe");
            return 0;
        }
    }

    private static boolean isServiceUnavailablePage() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context != null
                && Integer.valueOf(503).equals(context.getExternalContext().getRequestMap().get(RequestDispatcher.ERROR_STATUS_CODE));
    }
}
