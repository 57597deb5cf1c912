package fr.mare.account;

import fr.mare.testing.Deployments;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security issue #10: a new account took the administrator's exact display name, and staff-looking
 * names (« ᴍodėration », « administrateur ») were accepted. Display names now go through the same
 * look-alike keys as usernames, across both, and staff words are reserved to the staff.
 */
@ExtendWith(ArquillianExtension.class)
class DisplayNamesIT {

    private static final String PASSWORD = "une phrase de passe tranquille";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.mare();
    }

    @ArquillianResource
    private URL base;

    private static Page rename(WebClient member, String displayName) {
        return member.get("/compte").form("profile").set("displayName", displayName).submit();
    }

    @Test
    void nobodyTakesTheAdministratorsNameOrAStaffLookingOne() throws Exception {
        WebClient member = new WebClient(base.toURI());
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
        WebClient first = new WebClient(base.toURI());
        first.registerNewMember("premiere", PASSWORD);
        assertEquals(302, rename(first, "Sophie Lemaire " + suffix).status());

        WebClient second = new WebClient(base.toURI());
        second.registerNewMember("seconde", PASSWORD);
        Page refused = rename(second, "S0PHIE LÉMAIRE " + suffix.toUpperCase());
        assertTrue(refused.mainText().contains("Ce nom est déjà celui d'un autre membre"), refused.mainText());
        assertEquals(302, rename(first, "Sophie Lemaire " + suffix).status(), "keeping one's own name is fine");
    }

    @Test
    void aMemberCannotRegisterUnderAStaffWord() throws Exception {
        String name = "moderation-" + Names.username("m");
        Page refused = new WebClient(base.toURI()).register(name, Names.email(name), PASSWORD);
        assertEquals(200, refused.status());
        assertTrue(refused.mainText().contains("faire croire que vous êtes de l'équipe de Mare"), refused.mainText());
    }
}
