package fr.mare.notification.web;

import fr.mare.account.CurrentAccount;
import fr.mare.notification.NotificationService;
import fr.mare.platform.DatabaseStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The unread count in the header ({@code #{notificationCount.unread}}): one indexed COUNT per
 * page for a logged-in member (the account id comes from the session's {@link CurrentAccount}),
 * nothing at all for anonymous visitors. The header is also drawn by error pages: while the
 * database is away, or on a 503, it shows no count rather than failing the page.
 */
@Named
@RequestScoped
public class NotificationCount {

    private static final Logger LOG = Logger.getLogger(NotificationCount.class.getName());

    @Inject
    private CurrentAccount currentAccount;

    @Inject
    private NotificationService notifications;

    @Inject
    private DatabaseStatus database;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = count();
        }
        return unread;
    }

    private long count() {
        if (!database.isReady() || isServiceUnavailablePage()) {
            return 0;
        }
        try {
            Long accountId = currentAccount.isLoggedIn() ? currentAccount.getId() : null;
            return accountId == null ? 0 : notifications.unreadCountOf(accountId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Nombre de notifications indisponible, l'en-tête s'en passe", e);
            return 0;
        }
    }

    private static boolean isServiceUnavailablePage() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context != null
                && Integer.valueOf(503).equals(context.getExternalContext().getRequestMap().get(RequestDispatcher.ERROR_STATUS_CODE));
    }
}
