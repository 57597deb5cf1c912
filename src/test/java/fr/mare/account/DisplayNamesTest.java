package fr.mare.account;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayNamesTest {

    @Test
    void namesAReaderCannotTellApartShareAKey() {
        String sophie = DisplayNames.key("Sophie Lemaire (hébergeur)");
        for (String lookAlike : List.of("sophie lemaire (hebergeur)", "S0phie Lemaire hébergeur", "ＳＯＰＨＩＥ LEMAIRE (HÉBERGEUR)",
                "Sophie  Lemaire — hébergeur", "Ѕophie Lemaire (hébergeur)")) {
            assertEquals(sophie, DisplayNames.key(lookAlike), lookAlike);
        }
        assertEquals(DisplayNames.key("L’Escale"), DisplayNames.key("lescale"));
        assertNotEquals(sophie, DisplayNames.key("Sophie Lemaître"));
        assertNotEquals(DisplayNames.key("Camille"), DisplayNames.key("Camille B."));
        assertEquals("", DisplayNames.key("!!! ???"));
    }

    @Test
    void staffWordsAreReservedInEveryDisguise() {
        for (String staff : List.of("ᴍodėration", "Modération", "administrateur", "ADMINISTRATRICE", "аdmin", "Léa (modération)",
                "L'équipe de Mare", "mare", "Support Nextcloud", "l’équipe", "Ancien membre", "ancienne-membre")) {
            assertTrue(DisplayNames.looksLikeStaff(staff), staff);
        }
        for (String member : List.of("Camille", "Club de badminton", "Amap du Plateau", "Marc-Antoine", "Mareva", "Jean-Noël",
                "Modérément présente", "Supporter du collectif")) {
            assertFalse(DisplayNames.looksLikeStaff(member), member);
        }
    }
}
