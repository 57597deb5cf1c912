package fr.mare.web;

import org.omnifaces.util.Faces;

/** What a page's load action answers when the thing asked for does not exist, or is not for this caller. */
public final class Pages {

    private Pages() {
    }

    /** Answers 404 with Mare's French page and stops rendering this view. */
    public static void notFound(String reason) {
        Faces.responseSendError(404, reason);
        Faces.responseComplete();
    }

    /** Answers 403 with Mare's French page and stops rendering this view. */
    public static void forbidden(String reason) {
        Faces.responseSendError(403, reason);
        Faces.responseComplete();
    }

    /** Sends an anonymous visitor to log in, then back to {@code path} (a path of this site). */
    public static void loginFirst(String path) {
        Navigation.redirect(Navigation.loginPath(path));
    }
}
