package fr.mare.web;

import org.omnifaces.util.Faces;

/** What a page's load action answers when the thing asked for does not exist. */
public final class Pages {

    private Pages() {
    }

    /** Answers 404 with Mare's French page and stops rendering this view. */
    public static void notFound(String reason) {
        Faces.responseSendError(404, reason);
        Faces.responseComplete();
    }
}
