package fr.mare.account;

import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security issue #10: a new account took the administrator's exact display name, and staff-looking
 * names (« ᴍodėration », « administrateur ») were accepted. Display names now go through the same
 * look-alike keys as usernames, across both, and staff words are reserved to the staff.
 */
class DisplayNamesIT extends MareIT {

    private static Page rename(WebClient member, String displayName) {
        return member.get("/compte").form("profile").set("displayName", displayName).submit();
    }

    @Test
    void nobodyTakesTheAdministratorsNameOrAStaffLookingOne() throws Exception {
        WebClient member = anonymous();
        member.registerNewMember("imposteur", PASSWORD);
        for (String name : new String[] {TestDatabase.ADMIN_USERNAME, TestDatabase.ADMIN_USERNAME.toUpperCase(), "admin essai"}) {
            Page refused = rename(member, name);
            assertEquals(200, refused.status(), name);
            assertTrue(refused.mainText().contains("Ce nom est déjà celui d'un autre membre"), name + ": " + refused.mainText());
            assertEquals(name, refused.form("profile").get("displayName"), "the typed name is kept");
        }
        for (String name : new String[] {"ᴍodėration", "L'administrateur", "Équipe de Mare", "Support"}) {
            Page refused = rename(member, name);
            assertTrue(refused.mainText().contains("faire croire que vous êtes de l'équipe de Mare"), name + ": " + refused.mainText());
        }
        assertEquals(302, rename(member, "Club de badminton du Plateau " + Names.username("x")).status(), "an ordinary name is fine");
    }

    @Test
    void aLookAlikeOfAnotherMembersNameIsRefused() throws Exception {
        String suffix = Names.username("n").replace("-", " ");
        WebClient first = anonymous();
        first.registerNewMember("premiere", PASSWORD);
        assertEquals(302, rename(first, "Sophie Lemaire " + suffix).status());

        WebClient second = anonymous();
        second.registerNewMember("seconde", PASSWORD);
        Page refused = rename(second, "S0PHIE LÉMAIRE " + suffix.toUpperCase());
        assertTrue(refused.mainText().contains("Ce nom est déjà celui d'un autre membre"), refused.mainText());
        assertEquals(302, rename(first, "Sophie Lemaire " + suffix).status(), "keeping one's own name is fine");
    }

    @Test
    void aMemberCannotRegisterUnderAStaffWord() throws Exception {
        String name = "moderation-" + Names.username("m");
        Page refused = anonymous().register(name, Names.email(name), PASSWORD);
        assertEquals(200, refused.status());
        assertTrue(refused.mainText().contains("faire croire que vous êtes de l'équipe de Mare"), refused.mainText());
    }
}
