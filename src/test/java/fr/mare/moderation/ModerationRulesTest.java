package fr.mare.moderation;

import fr.mare.account.AccountSummary;
import fr.mare.account.Role;
import fr.mare.account.Suspension;
import fr.mare.platform.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of moderation: target addresses, suspension lengths, which actions are offered, labels. */
class ModerationRulesTest {

    @Test
    void targetsAreALowerCaseTypeAndAPositiveId() {
        assertEquals(Optional.of(new TargetKey("post", 12)), TargetKey.parse("post:12"));
        assertEquals(Optional.of(new TargetKey("account", 7)), TargetKey.parse(" account:7 "));
        for (String bad : new String[] {null, "", "post", "post:", ":12", "post:0", "post:-1", "Post:12", "post:12:3",
                "post:1e3", "post:99999999999999999999", "p0st:1", "post:12 OR 1=1"}) {
            assertEquals(Optional.empty(), TargetKey.parse(bad), String.valueOf(bad));
        }
        assertEquals("topic:3", new TargetKey("topic", 3).toString());
    }

    @Test
    void aSuspensionLastsFromOneDayToTenYearsOrIndefinitely() {
        assertNull(ModerationService.days(null));
        assertNull(ModerationService.days("  "));
        assertEquals(1, ModerationService.days("1"));
        assertEquals(30, ModerationService.days(" 30 "));
        assertEquals(3650, ModerationService.days("3650"));
        for (String bad : new String[] {"0", "-2", "3651", "deux", "1.5"}) {
            BusinessException e = assertThrows(BusinessException.class, () -> ModerationService.days(bad), bad);
            assertEquals("moderation.suspend.days", e.messageKey());
        }
    }

    @Test
    void settlingActionsCloseTheItemAndAccompanyingOnesKeepItOpen() {
        for (ActionKind kind : List.of(ActionKind.DISMISS, ActionKind.HIDE, ActionKind.RESTORE, ActionKind.EDIT,
                ActionKind.DELETE, ActionKind.APPROVE, ActionKind.REJECT)) {
            assertTrue(kind.closes(), kind.name());
        }
        for (ActionKind kind : List.of(ActionKind.WARN, ActionKind.SUSPEND, ActionKind.LIFT_SUSPENSION, ActionKind.LOCK,
                ActionKind.UNLOCK, ActionKind.MOVE, ActionKind.AUTO_HIDE)) {
            assertFalse(kind.closes(), kind.name());
        }
    }

    private static TargetView post(Set<ActionKind> actions) {
        return new TargetView("post", 1, "Un sujet — un message", "<p>x</p>", "x", 5L, "/t/1/un-sujet?message=1",
                false, null, false, false, actions);
    }

    private static AuthorHistory author(Suspension suspension) {
        return new AuthorHistory(new AccountSummary(5, "camille", "Camille", Role.MEMBER), Instant.EPOCH, false, 3, 0, 0, suspension);
    }

    @Test
    void theQueueOffersDismissTheTargetsActionsThenTheAuthorsOnes() {
        ModerationItem item = new ModerationItem("post", 1, ModerationItem.ORIGIN_REPORT, Instant.EPOCH);
        QueueEntry entry = new QueueEntry(item, post(Set.of(ActionKind.EDIT, ActionKind.HIDE, ActionKind.DELETE)), author(null), List.of());
        assertEquals(List.of(ActionKind.DISMISS, ActionKind.HIDE, ActionKind.EDIT, ActionKind.DELETE, ActionKind.WARN, ActionKind.SUSPEND),
                entry.getAvailableActions());

        QueueEntry suspended = new QueueEntry(null, post(Set.of(ActionKind.RESTORE)), author(new Suspension(null, "spam")), List.of());
        assertEquals(List.of(ActionKind.RESTORE, ActionKind.WARN, ActionKind.LIFT_SUSPENSION), suspended.getAvailableActions(),
                "no item, nothing to dismiss; a suspended author can be freed");

        ModerationItem pending = new ModerationItem("post", 1, ModerationItem.ORIGIN_FIRST_POST, Instant.EPOCH);
        QueueEntry firstPost = new QueueEntry(pending, post(Set.of(ActionKind.APPROVE, ActionKind.REJECT)), null, List.of());
        assertEquals(List.of(ActionKind.APPROVE, ActionKind.REJECT), firstPost.getAvailableActions(), "a pending post is approved or rejected");
    }

    @Test
    void labelsAreClippedAtAWord() {
        assertEquals("court", Texts.clip("  court  ", 10));
        assertEquals("un deux …", Texts.clip("un deux trois quatre", 10));
        assertEquals("texte gras", Texts.excerpt("<p>texte <strong>gras</strong></p>", 50));
        assertTrue(Texts.clip("x".repeat(300), 200).length() <= 200);
    }
}
