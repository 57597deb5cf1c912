package fr.mare.notification.web;

import fr.mare.account.CurrentAccount;
import fr.mare.notification.NotificationService;
import fr.mare.web.HeaderCounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The unread count in the header ({@code #{notificationCount.unread}}): one indexed COUNT per
 * page for a logged-in member (the account id comes from the session's {@link CurrentAccount}),
 * nothing at all for anonymous visitors; no count while the database is away ({@link HeaderCounts}).
 */
@Named
@RequestScoped
public class NotificationCount {

    @Inject
    private CurrentAccount currentAccount;

    @Inject
    private NotificationService notifications;

    @Inject
    private HeaderCounts counts;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = currentAccount.isLoggedIn() ? counts.count("Nombre de notifications", () -> {
                Long accountId = currentAccount.getId();
                return accountId == null ? 0 : notifications.unreadCountOf(accountId);
            }) : 0;
        }
        return unread;
    }
}
