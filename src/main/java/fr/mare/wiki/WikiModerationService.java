package fr.mare.wiki;

import fr.mare.platform.Retryable;
import fr.mare.account.Caller;
import fr.mare.markdown.Rendered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;

import static fr.mare.wiki.WikiService.SUMMARY_MAX;

/**
 * Moderation of tutorials (#6, #16): protect, archive, hide, restore, and replace a text from the
 * review queue. Each method checks the caller through {@link WikiPolicy#requireCanModerate}; the
 * moderation feature calls it for its targets, the tutorial page for protect and archive.
 */
@ApplicationScoped
@Transactional
@Retryable
public class WikiModerationService {

    @Inject
    private Clock clock;

    @Inject
    private WikiPolicy policy;

    @Inject
    private WikiService wiki;

    @Inject
    private WikiRevisions store;

    public void setProtected(Caller me, String slug, boolean value) {
        policy.requireCanModerate(me);
        store.locked(slug).setProtected(value);
    }

    public void setArchived(Caller me, String slug, boolean value) {
        policy.requireCanModerate(me);
        store.locked(slug).setArchived(value);
    }

    /** Moderation (#6): hides a tutorial from readers, who see the reason instead of its text. */
    public WikiPage hide(Caller me, long pageId, String reason) {
        policy.requireCanModerate(me);
        WikiPage page = store.lockedById(pageId);
        page.hide(me.accountId(), reason, clock.instant());
        return page;
    }

    /**
     * Moderation (#6): replaces a tutorial's text from the review queue, its metadata kept. Like
     * any save, it adds a revision, in the moderator's name, whose summary is the reason.
     */
    public void moderateText(Caller me, long pageId, String markdown, String reason) {
        policy.requireCanModerate(me);
        WikiPage page = store.lockedById(pageId);
        Rendered body = store.render(markdown);
        if (wiki.current(page).map(r -> r.getBodyMarkdown().equals(markdown)).orElse(false)) {
            return;
        }
        String summary = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        store.add(page, me, summary.length() > SUMMARY_MAX ? summary.substring(0, SUMMARY_MAX - 1) + "…" : summary,
                markdown, body, clock.instant());
    }

    public WikiPage restore(Caller me, long pageId) {
        policy.requireCanModerate(me);
        WikiPage page = store.lockedById(pageId);
        page.restore();
        return page;
    }
}
