package fr.mare.moderation;

import java.util.Set;

/**
 * What moderation sees of a reportable thing, as it is now.
 *
 * @param type         {@code post}, {@code topic}, {@code tutorial}, {@code collective}, {@code message}, {@code account}
 * @param label        a short text naming it (title, excerpt), kept in the journal
 * @param html         its content as readers would see it (already sanitized by its feature), or plain text escaped by the page when {@code text} is true
 * @param markdown     its source, for an edit (null when it cannot be edited here)
 * @param authorId     who wrote it (the account itself for an account), or null
 * @param link         its address on the site
 * @param actions      what can be done to it now, besides the actions on its author
 */
public record TargetView(String type, long id, String label, String html, String markdown, Long authorId, String link,
                         boolean hidden, String hiddenReason, boolean deleted, boolean pending, Set<ActionKind> actions) {

    public String getKey() {
        return type + ":" + id;
    }
}
