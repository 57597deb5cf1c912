package fr.mare.wiki;

import fr.mare.account.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one rule of who reads what of a tutorial (#10). A tutorial is a shared page, so the rule
 * has no author exception:
 * <ul>
 * <li>hidden by moderation: its page stays (title, metadata), its text does not — neither the
 * body, nor its table of contents, nor its history, diffs or edit form — except for moderation;
 * its history and diff addresses answer the same 404 as an unknown tutorial;</li>
 * <li>archived: readable at its address with a banner, but out of every list ({@link #LISTED}).</li>
 * </ul>
 * Every query that lists tutorials embeds {@link #LISTED}; pages and services ask {@link #canReadText}.
 */
@ApplicationScoped
public class WikiVisibility {

    /** JPQL, a tutorial aliased {@code p} that lists show: written (it has a revision) and not archived. */
    public static final String LISTED = "p.archived = FALSE AND p.currentRevisionId IS NOT NULL";

    /** Whether this caller reads the text, the versions and the diffs of this tutorial. */
    public boolean canReadText(Caller caller, WikiPage page) {
        return page != null && page.getRevisionCount() > 0 && (!page.isHidden() || caller.moderator());
    }
}
