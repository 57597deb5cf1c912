package fr.mare.web;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fields of a kept text, as stored in {@code web_draft} (issue #17, ADR 0036). */
class KeptDraftsTest {

    @Test
    void fieldsComeBackInTheirOrderWhateverTheyHold() {
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        fields.put("topic:title", "Une question & une autre = deux ?");
        fields.put("topic:body", "Ligne 1\nLigne 2 — « accents », 100 %, +plus+, emoji 🦆");
        fields.put("topic:category", "");
        assertEquals(fields, KeptDrafts.decode(KeptDrafts.encode(fields)));
        assertEquals(new LinkedHashMap<>(), KeptDrafts.decode(""));
    }

    @Test
    void onlyATokenOfTheRightShapeIsLookedUp() {
        assertTrue(KeptDrafts.wellFormed("abcdefghijklmnopqrstuvwxyz0123456789-_ABCDE"));
        assertFalse(KeptDrafts.wellFormed(null));
        assertFalse(KeptDrafts.wellFormed("court"));
        assertFalse(KeptDrafts.wellFormed("abcdefghijklmnopqrstuvwxyz0123456789-_ABC;E"));
    }
}
