package fr.mare.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A suspension is compared at check time: it ends by itself, indefinitely means until lifted. */
class SuspensionTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static Account member() {
        return new Account(Usernames.parse("camille"), "camille@example.org", "hash", Role.MEMBER, NOW.minus(Duration.ofDays(100)));
    }

    @Test
    void aSuspensionHoldsUntilItsEndThenEndsByItself() {
        Account account = member();
        assertEquals(Optional.empty(), account.suspension(NOW));
        Instant until = NOW.plus(Duration.ofDays(3));
        account.suspend(NOW, until, "spam répété");
        assertEquals(Optional.of(new Suspension(until, "spam répété")), account.suspension(NOW.plus(Duration.ofDays(1))));
        assertTrue(account.suspension(until).isEmpty(), "over at its end date");
        assertTrue(account.suspension(until.plusSeconds(1)).isEmpty());
    }

    @Test
    void anIndefiniteSuspensionLastsUntilLifted() {
        Account account = member();
        account.suspend(NOW, null, "comportement inacceptable");
        Suspension suspension = account.suspension(NOW.plus(Duration.ofDays(3650))).orElseThrow();
        assertTrue(suspension.indefinite());
        account.liftSuspension(NOW.plus(Duration.ofDays(1)));
        assertTrue(account.suspension(NOW.plus(Duration.ofDays(2))).isEmpty());
    }

    @Test
    void onlyMembersWithPostsLeftToApproveWait() {
        Account account = member();
        assertFalse(account.needsApproval(), "accounts start trusted unless registration says otherwise");
        account.awaitApprovalOf(2);
        assertTrue(account.needsApproval());
        account.postApproved();
        assertTrue(account.needsApproval());
        account.postApproved();
        assertFalse(account.needsApproval());
        account.postApproved();
        assertFalse(account.needsApproval(), "never below zero");
    }
}
