package fr.mare.wiki;

import fr.mare.account.Caller;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WikiPolicyTest {

    private final WikiPolicy policy = new WikiPolicy();
    private final Caller member = new Caller(7L, "camille", false, false);
    private final Caller moderator = new Caller(8L, "lea", true, false);

    private static WikiPage page() {
        return new WikiPage("x", new WikiMetadata("Un titre assez long", 1L, WikiLevel.DEBUTANT, WikiAudience.MEMBRE, null, null),
                Instant.EPOCH);
    }

    @Test
    void anyMemberEditsAnOrdinaryPageButNotAnonymousReaders() {
        assertTrue(policy.canEdit(member, page()));
        assertFalse(policy.canEdit(Caller.ANONYMOUS, page()));
        assertFalse(policy.canCreate(Caller.ANONYMOUS));
        assertFalse(policy.canSignal(Caller.ANONYMOUS, page()));
    }

    @Test
    void onlyModerationEditsProtectedOrArchivedPages() {
        WikiPage page = page();
        page.setProtected(true);
        assertFalse(policy.canEdit(member, page));
        assertTrue(policy.canEdit(moderator, page));
        WikiPage archived = page();
        archived.setArchived(true);
        assertFalse(policy.canEdit(member, archived));
        assertFalse(policy.canSignal(member, archived));
        assertTrue(policy.canModerate(moderator));
        assertFalse(policy.canModerate(member));
    }
}
