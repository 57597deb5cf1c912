package fr.mare.wiki;

import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may do what with tutorials. It is a wiki: any logged-in member writes and edits, except a
 * protected or archived page, which only moderation edits. Services call the {@code require…}
 * methods (the check that counts); pages call the {@code can…} ones to hide what would be refused.
 */
@ApplicationScoped
public class WikiPolicy {

    public boolean canCreate(Caller caller) {
        return !caller.isAnonymous();
    }

    public boolean canEdit(Caller caller, WikiPage page) {
        // A hidden page's text is moderation's only (WikiVisibility, #10): its edit form would show it.
        return !caller.isAnonymous() && (caller.moderator() || (!page.isProtectedPage() && !page.isArchived() && !page.isHidden()));
    }

    /** Moderation protects, archives, hides and restores ({@link Caller#moderator()}, one definition). */
    public boolean canModerate(Caller caller) {
        return caller.moderator();
    }

    public boolean canSignal(Caller caller, WikiPage page) {
        return !caller.isAnonymous() && !page.isArchived();
    }

    void requireMember(Caller caller) {
        if (caller.isAnonymous()) {
            throw new BusinessException("wiki.loginRequired", null);
        }
    }

    void requireCanEdit(Caller caller, WikiPage page) {
        requireMember(caller);
        if (!canEdit(caller, page)) {
            throw new BusinessException(page.isHidden() ? "wiki.edit.hidden" : page.isArchived() ? "wiki.edit.archived" : "wiki.edit.protected", null);
        }
    }

    void requireCanModerate(Caller caller) {
        requireMember(caller);
        caller.requireModerator("wiki.moderation.notAllowed");
    }

    void requireCanSignal(Caller caller, WikiPage page) {
        requireMember(caller);
        if (!canSignal(caller, page)) {
            throw new BusinessException("wiki.outdated.archived", null);
        }
    }
}
