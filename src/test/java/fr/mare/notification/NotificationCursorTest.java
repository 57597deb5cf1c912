package fr.mare.notification;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationCursorTest {

    @Test
    void roundTripsToTheMicrosecond() {
        NotificationCursor cursor = new NotificationCursor(Instant.parse("2026-03-01T10:15:30.123456Z"), 42);
        assertEquals("1772360130123456-42", cursor.toParameter());
        assertEquals(cursor, NotificationCursor.parse(cursor.toParameter()).orElseThrow());
    }

    @Test
    void ignoresWhatIsNotACursor() {
        for (String junk : new String[] {null, "", "abc", "12", "-1-2", "1-2-3", "1-x", "9".repeat(19) + "-1", "1 -2"}) {
            assertTrue(NotificationCursor.parse(junk).isEmpty(), junk);
        }
    }
}
