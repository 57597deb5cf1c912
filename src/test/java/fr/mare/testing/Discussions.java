package fr.mare.testing;

import fr.mare.testing.WebClient.Page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asking and answering through the forum's own forms, for tests of every feature that needs a discussion. */
public final class Discussions {

    private static final Pattern POST_ANCHOR = Pattern.compile("#post-(\\d+)$");

    private Discussions() {
    }

    /** Publishes a question ({@code tags} may be null) and returns its address {@code /t/{id}/{slug}}. */
    public static String ask(WebClient client, String category, String title, String body, String tags) {
        WebClient.Form form = client.get("/nouveau-sujet?categorie=" + category).form("topic").set("title", title).set("body", body);
        if (tags != null) {
            form.set("tags", tags);
        }
        Page published = form.submit();
        if (published.status() != 302 || !published.location().matches(".*/t/\\d+/[a-z0-9-]+$")) {
            throw new AssertionError("question not published (" + published.status() + "): " + published.mainText());
        }
        return published.location().substring(published.location().indexOf("/t/"));
    }

    /** Replies to the question ({@code to} null) or to a post, and returns the new post's id from the redirect's anchor. */
    public static long reply(WebClient client, String topic, Long to, String body) {
        Page form = client.get(to == null ? topic : topic + "?repondre=" + to);
        Page posted = (to == null ? form.form("reply") : form.formEndingWith("replyTo")).set("body", body).submit();
        if (posted.status() != 302) {
            throw new AssertionError("reply not published (" + posted.status() + "): " + posted.mainText());
        }
        Matcher anchor = POST_ANCHOR.matcher(posted.location());
        if (!anchor.find()) {
            throw new AssertionError("no redirect to the new post's anchor: " + posted.location());
        }
        return Long.parseLong(anchor.group(1));
    }

    /**
     * « Supprimer » on a post of the topic page, then « Confirmer la suppression » (#14: the first
     * click only asks). Returns the answer to the confirmation (302 when deleted).
     */
    public static Page delete(WebClient client, String topic, long post) {
        Page asked = client.get(topic).formAround("likes-" + post).submit("delete");
        if (asked.status() != 200 || asked.html().getElementById("post-" + post + "-confirm") == null) {
            throw new AssertionError("no confirmation asked (" + asked.status() + "): " + asked.mainText());
        }
        return asked.form("post-" + post + "-confirm").submit("delete");
    }
}
