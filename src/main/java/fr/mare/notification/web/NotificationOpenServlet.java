package fr.mare.notification.web;

import fr.mare.account.Caller;
import fr.mare.notification.NotificationService;
import fr.mare.platform.BusinessException;
import fr.mare.web.Navigation;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /notifications/lu?id={id}&vers={path}}: following a notification's link marks it read
 * (#14), as in a mature forum, then goes where it points (303). Each row of {@code /notifications}
 * links here. Only the recipient's own notification is marked (the service checks it; another's
 * id changes nothing and leads back to the list); only a path of this site is followed
 * ({@link #target}), never another host. Members only ({@link NotificationUrls}). Marking read is
 * the only effect, harmless and idempotent, which is why a plain link (a GET) may do it.
 */
@WebServlet(name = "notificationOpen", urlPatterns = NotificationOpenServlet.PATH)
public class NotificationOpenServlet extends HttpServlet {

    static final String PATH = "/notifications/lu";

    @Inject
    private NotificationService notifications;

    @Inject
    private Instance<Caller> caller;

    /**
     * The link a row of the list shows for one notification whose target is {@code link}: the
     * target's path and query ride in {@code vers} (only what a query value cannot hold is
     * escaped, so the link stays readable), its fragment stays the link's own, which the browser
     * keeps across the redirect (RFC 9110, 10.2.2).
     */
    public static String link(long id, String link) {
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String fragment = hash < 0 ? "" : link.substring(hash);
        return PATH + "?id=" + id + "&vers=" + path.replace("%", "%25").replace("&", "%26").replace("+", "%2B")
                .replace(" ", "%20") + fragment;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        String target = target(request.getParameter("vers"));
        try {
            notifications.markRead(caller.get(), Long.parseLong(String.valueOf(request.getParameter("id"))));
        } catch (NumberFormatException | BusinessException e) {
            target = "/notifications";
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + target);
    }

    /** A path of this site ({@link Navigation#safeLocalPath}'s rule), else the list. */
    static String target(String path) {
        return path != null && path.equals(Navigation.safeLocalPath(path)) ? path : "/notifications";
    }
}
