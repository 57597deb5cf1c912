package fr.mare.account;

import fr.mare.platform.BusinessException;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one definition of who moderates (#16): {@link Role#moderates()}, read by {@link Caller}. */
class CallerTest {

    private static Caller of(Role role) {
        return Caller.of(new AccountSummary(1L, "camille", "Camille", role));
    }

    @Test
    void moderatorsAndAdministratorsModerate() {
        assertFalse(Role.MEMBER.moderates());
        assertTrue(Role.MODERATOR.moderates());
        assertTrue(Role.ADMIN.moderates());
        assertFalse(of(Role.MEMBER).moderator());
        assertTrue(of(Role.MODERATOR).moderator());
        assertTrue(of(Role.ADMIN).moderator());
    }

    @Test
    void requireModeratorRefusesMembersAndAnonymous() {
        BusinessException member = assertThrows(BusinessException.class, () -> of(Role.MEMBER).requireModerator());
        assertEquals("moderation.notAllowed", member.messageKey());
        assertThrows(BusinessException.class, Caller.ANONYMOUS::requireModerator);
        assertDoesNotThrow(() -> of(Role.MODERATOR).requireModerator());
        assertDoesNotThrow(() -> of(Role.ADMIN).requireModerator());
    }

    @Test
    void aFeatureMayRefuseWithItsOwnMessage() {
        BusinessException e = assertThrows(BusinessException.class, () -> of(Role.MEMBER).requireModerator("contact.moderatorOnly"));
        assertEquals("contact.moderatorOnly", e.messageKey());
    }
}
