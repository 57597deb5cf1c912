package fr.mare.forum;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicCursorTest {

    @Test
    void roundTripsThroughTheUrlToTheMicrosecond() {
        TopicCursor cursor = new TopicCursor(Instant.parse("2026-11-26T10:15:30.123456Z"), 42);
        assertEquals(cursor, TopicCursor.parse(cursor.toParameter()).orElseThrow());
    }

    @Test
    void malformedValuesAreIgnored() {
        for (String bad : new String[] {null, "", "abc", "12", "1-2-3", "-5-3", "99999999999999999999-1", "1;DROP TABLE-1"}) {
            assertTrue(TopicCursor.parse(bad).isEmpty(), bad);
        }
    }

    @Test
    void filtersReadTheirFrenchParameters() {
        assertEquals(TopicFilter.UNANSWERED, TopicFilter.fromParameter("sans-reponse"));
        assertEquals(TopicFilter.UNSOLVED, TopicFilter.fromParameter("non-resolus"));
        assertEquals(TopicFilter.SOLVED, TopicFilter.fromParameter("resolus"));
        assertEquals(TopicFilter.ALL, TopicFilter.fromParameter("n'importe quoi"));
        for (TopicFilter filter : TopicFilter.values()) {
            assertEquals(filter, TopicFilter.fromParameter(filter.parameter()));
        }
    }
}
