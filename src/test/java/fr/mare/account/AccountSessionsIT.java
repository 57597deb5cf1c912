package fr.mare.account;

import fr.mare.testing.Deployments;
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
 * Security issue #10 on {@code /compte}: a password change ends every other session of the
 * account, « Fermer mes autres sessions » does the same without one, and the current-password
 * check is throttled like a login (429, the typed text kept).
 */
@ExtendWith(ArquillianExtension.class)
class AccountSessionsIT {

    private static final String PASSWORD = "une phrase de passe tranquille";
    private static final String NEW_PASSWORD = "une toute nouvelle phrase de passe";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.mare();
    }

    @ArquillianResource
    private URL base;

    private WebClient client() throws Exception {
        return new WebClient(base.toURI());
    }

    private static boolean loggedIn(WebClient client) {
        return client.get("/compte").status() == 200;
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionButThisOne() throws Exception {
        WebClient laptop = client();
        String name = laptop.registerNewMember("deux-appareils", PASSWORD);
        WebClient phone = client();
        assertEquals(302, phone.login(name, PASSWORD).status());
        assertTrue(loggedIn(phone) && loggedIn(laptop));

        Page changed = laptop.get("/compte").form("changePassword")
                .set("currentPassword", PASSWORD).set("password", NEW_PASSWORD).submit();
        assertEquals(302, changed.status(), changed.mainText());
        assertTrue(laptop.follow(changed).mainText().contains("Vos autres sessions"), "the member is told");

        assertTrue(loggedIn(laptop), "the session that changed the password stays open");
        Page closed = phone.open("/compte");
        assertEquals("/connexion", closed.uri().getPath(), "the other session is logged out at its next request");
        assertTrue(closed.html().getElementById("suspension-notice").text().contains("Votre session a été fermée"),
                closed.mainText());
        assertTrue(phone.login(name, PASSWORD).status() != 302, "the old password is refused");
        assertEquals(302, phone.login(name, NEW_PASSWORD).status(), "the new one works");
        assertTrue(loggedIn(phone));
    }

    @Test
    void closeMyOtherSessions() throws Exception {
        WebClient here = client();
        String name = here.registerNewMember("fermer", PASSWORD);
        WebClient elsewhere = client();
        WebClient library = client();
        elsewhere.login(name, PASSWORD);
        library.login(name, PASSWORD);

        Page done = here.get("/compte").form("sessions").submit("closeSessions");
        assertEquals(302, done.status(), done.mainText());
        assertTrue(here.follow(done).mainText().contains("Vos autres sessions sont fermées"));

        assertTrue(loggedIn(here));
        assertTrue(!loggedIn(elsewhere) && !loggedIn(library), "both other sessions are closed");
        assertEquals(302, elsewhere.login(name, PASSWORD).status(), "the password is unchanged: logging in again works");
        assertTrue(loggedIn(elsewhere), "a session opened after the closing lives on");
    }

    @Test
    void theCurrentPasswordIsThrottledLikeALogin() throws Exception {
        WebClient member = client();
        member.registerNewMember("devine", PASSWORD);
        for (int i = 0; i < 5; i++) {
            Page wrong = member.get("/compte").form("changePassword")
                    .set("currentPassword", "essai " + i).set("password", NEW_PASSWORD).submit();
            assertEquals(200, wrong.status());
            assertTrue(wrong.mainText().contains("Le mot de passe actuel n'est pas le bon"), wrong.mainText());
        }
        Page throttled = member.get("/compte").form("profile")
                .set("displayName", "Nom gardé").set("email", "ailleurs-" + System.nanoTime() + "@example.org")
                .set("currentPassword", PASSWORD).submit();
        assertEquals(429, throttled.status(), throttled.mainText());
        assertTrue(throttled.mainText().contains("Trop d'essais de mot de passe"), throttled.mainText());
        assertEquals("Nom gardé", throttled.form("profile").get("displayName"), "what was typed is kept");

        Page refusedEvenRight = member.get("/compte").form("changePassword")
                .set("currentPassword", PASSWORD).set("password", NEW_PASSWORD).submit();
        assertEquals(429, refusedEvenRight.status(), "refused while throttled, even with the right password");
    }
}
