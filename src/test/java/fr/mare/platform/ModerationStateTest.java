package fr.mare.platform;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModerationStateTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aNullStoredStateReadsAsVisible() {
        // EclipseLink loads three NULL columns as a null embeddable.
        ModerationState state = ModerationState.of(null);
        assertSame(ModerationState.VISIBLE, state);
        assertFalse(state.isHidden());
        assertNull(state.getHiddenReason());
        assertNull(state.getHiddenBy());
        assertNull(state.getHiddenAt());
    }

    @Test
    void hiddenRecordsWhoWhenAndWhy() {
        ModerationState state = ModerationState.hidden(7L, "hors sujet", NOW);
        assertSame(state, ModerationState.of(state));
        assertTrue(state.isHidden());
        assertEquals(7L, state.getHiddenBy());
        assertEquals("hors sujet", state.getHiddenReason());
        assertEquals(NOW, state.getHiddenAt());
    }

    @Test
    void theSystemMayHideWithoutAModerator() {
        assertNull(ModerationState.hidden(null, "premier message refusé", NOW).getHiddenBy());
    }

    @Test
    void hiddenNeedsAnInstant() {
        assertThrows(NullPointerException.class, () -> ModerationState.hidden(7L, "raison", null));
    }
}
