package fr.mare.notification;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a feature may put in a notice. */
class NoticeTest {

    @Test
    void linksStayInsideMare() {
        assertEquals("/voisins/la-ruche", new Notice(1, 2L, "k", "s", null, "/voisins/la-ruche").link());
        for (String outside : new String[] {"https://ailleurs.example/", "//ailleurs.example/x", "voisins/x", "javascript:alert(1)"}) {
            assertThrows(IllegalArgumentException.class, () -> new Notice(1, 2L, "k", null, null, outside), outside);
        }
        assertThrows(NullPointerException.class, () -> new Notice(1, 2L, "k", null, null, null));
        assertThrows(NullPointerException.class, () -> new Notice(1, 2L, null, null, null, "/"));
    }

    @Test
    void longTextsAreCutNotRefused() {
        String reason = "é".repeat(600);
        Notice notice = new Notice(1, null, "k", "x".repeat(Notice.SUBJECT_MAX), reason, "/");
        assertEquals(Notice.SUBJECT_MAX, notice.subject().length(), "a text at the limit is kept whole");
        assertEquals(Notice.DETAIL_MAX, notice.detail().length());
        assertTrue(notice.detail().endsWith("…"));
        assertNull(new Notice(1, null, "k", null, null, "/").detail());
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String text = "a".repeat(Notice.SUBJECT_MAX - 2) + "😀😀";
        String cut = Notice.shorten(text, Notice.SUBJECT_MAX - 1);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 2)), cut);
        assertTrue(cut.endsWith("…"));
    }

    @Test
    void nobodyIsToldOfTheirOwnAction() {
        assertTrue(new Notice(7, 7L, "k", null, null, "/").toSelf());
        assertFalse(new Notice(7, 8L, "k", null, null, "/").toSelf());
        assertFalse(new Notice(7, null, "k", null, null, "/").toSelf(), "an automatic notice has no actor");
    }
}
