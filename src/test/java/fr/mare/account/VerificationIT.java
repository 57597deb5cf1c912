package fr.mare.account;

import fr.mare.testing.Deployments;
import fr.mare.testing.Names;
import fr.mare.testing.TestMail;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static fr.mare.testing.Sql.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Address verification end to end against a real SMTP server (issue #13): registering sends a
 * single-use link, opening it changes nothing until « Confirmer mon adresse » is pressed,
 * « Renvoyer le lien » is throttled, and on /compte an address another account uses gets the same
 * answer as a free one while its owner is told by mail (issue #10's enumeration).
 */
@ExtendWith(ArquillianExtension.class)
class VerificationIT {

    private static final String PASSWORD = "une phrase de passe à confirmer";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.mare();
    }

    @ArquillianResource
    private URL base;

    private WebClient client() throws Exception {
        return new WebClient(base.toURI());
    }

    private static boolean verified(String username) throws Exception {
        return count("SELECT COUNT(*) FROM account WHERE username = ? AND email_verified_at IS NOT NULL", username) == 1;
    }

    @Test
    void registeringSendsALinkThatConfirmsTheAddressOnce() throws Exception {
        WebClient member = client();
        String name = member.registerNewMember("verif", PASSWORD);
        assertFalse(verified(name));
        assertTrue(member.get("/compte").hasFormEndingWith("verification"), "the member is told and may ask again");

        TestMail.Received mail = TestMail.awaitSubject(Names.email(name), "Confirmez votre adresse e-mail");
        assertTrue(mail.message().getContentType().startsWith("multipart/alternative"));
        assertTrue(mail.text().contains("48 heures"), mail.text());
        String link = mail.localLink("/confirmer-adresse");

        Page opened = client().get(link);
        assertEquals(200, opened.status());
        assertFalse(verified(name), "opening the link (as a mail scanner would) changes nothing");
        Page confirmed = opened.form("confirm").submit();
        assertEquals(302, confirmed.status(), confirmed.mainText());
        assertTrue(verified(name));
        assertFalse(member.get("/compte").hasFormEndingWith("verification"));
        assertEquals(404, client().get(link).status(), "single use");
    }

    @Test
    void resendingTheLinkIsThrottled() throws Exception {
        WebClient member = client();
        String name = member.registerNewMember("renvoi", PASSWORD);
        for (int i = 0; i < 3; i++) {
            Page resent = member.get("/compte").form("verification").submit("resend");
            assertEquals(302, resent.status(), resent.mainText());
        }
        Page refused = member.get("/compte").form("verification").submit("resend");
        assertEquals(429, refused.status(), refused.mainText());
        assertTrue(refused.mainText().contains("Patientez"), refused.mainText());
        assertEquals(4, count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind = 'verify-email'", Names.email(name)),
                "the registration's link and three more");
    }

    @Test
    void aTakenAddressOnTheSettingsPageGetsTheSameAnswerAndItsOwnerAMail() throws Exception {
        WebClient owner = client();
        String ownerName = owner.registerNewMember("proprio", PASSWORD);
        WebClient other = client();
        String otherName = other.registerNewMember("curieux", PASSWORD);
        String taken = Names.email(ownerName);
        String free = Names.email(Names.username("libre"));

        Page onTaken = other.get("/compte").form("profile").set("email", taken).set("currentPassword", PASSWORD).submit();
        assertEquals(302, onTaken.status(), onTaken.mainText());
        String takenAnswer = other.follow(onTaken).mainText().replace(taken, "ADRESSE");
        Page onFree = other.get("/compte").form("profile").set("email", free).set("currentPassword", PASSWORD).submit();
        assertEquals(302, onFree.status());
        String freeAnswer = other.follow(onFree).mainText().replace(free, "ADRESSE");
        assertEquals(takenAnswer, freeAnswer, "word for word the same page");
        assertTrue(takenAnswer.contains("Un lien de confirmation part vers ADRESSE"), takenAnswer);
        assertTrue(freeAnswer.contains("Un lien de confirmation part vers ADRESSE"), freeAnswer);

        TestMail.Received told = TestMail.awaitSubject(taken, "Quelqu'un a essayé d'utiliser votre adresse");
        assertTrue(told.text().contains("« " + ownerName + " »"), told.text());
        assertFalse(told.text().contains(otherName), "the owner is not told who tried");
        TestMail.awaitSubject(free, "Confirmez votre nouvelle adresse");
        assertEquals(0, count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind = 'change-email'", taken),
                "no link ever goes to someone else's address");
        assertEquals(Names.email(otherName), other.get("/compte").form("profile").get("email"), "nothing changed yet");
    }
}
