package fr.mare.account;

import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestMail;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.Test;

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
class VerificationIT extends MareIT {

    private static final String PASSWORD = "une phrase de passe à confirmer";

    private static boolean verified(String username) throws Exception {
        return count("SELECT COUNT(*) FROM account WHERE username = ? AND email IS NOT NULL AND email_verified_at IS NOT NULL", username) == 1;
    }

    /** What the page says to the new member (its message; the rest of the home page moves with others' posts). */
    private static String said(Page page) {
        return page.html().getElementById("messages").text() + " | " + page.html().title();
    }

    @Test
    void registeringSendsALinkThatConfirmsTheAddressOnce() throws Exception {
        WebClient member = anonymous();
        String name = member.registerNewMember("verif", PASSWORD);
        assertFalse(verified(name));
        assertTrue(member.get("/compte").hasFormEndingWith("verification"), "the member is told and may ask again");

        TestMail.Received mail = TestMail.awaitSubject(Names.email(name), "Confirmez votre adresse e-mail");
        assertTrue(mail.message().getContentType().startsWith("multipart/alternative"));
        assertTrue(mail.text().contains("48 heures"), mail.text());
        String link = mail.localLink("/confirmer-adresse");

        Page opened = anonymous().get(link);
        assertEquals(200, opened.status());
        assertFalse(verified(name), "opening the link (as a mail scanner would) changes nothing");
        Page confirmed = opened.form("confirm").submit();
        assertEquals(302, confirmed.status(), confirmed.mainText());
        assertTrue(verified(name));
        assertFalse(member.get("/compte").hasFormEndingWith("verification"));
        assertEquals(404, anonymous().get(link).status(), "single use");
    }

    @Test
    void resendingTheLinkIsThrottled() throws Exception {
        WebClient member = anonymous();
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
        WebClient owner = anonymous();
        String ownerName = owner.registerNewMember("proprio", PASSWORD);
        TestMail.confirmAddress(owner, Names.email(ownerName));
        WebClient other = anonymous();
        String otherName = other.registerNewMember("curieux", PASSWORD);
        TestMail.confirmAddress(other, Names.email(otherName));
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
        assertEquals(free, other.get("/compte").form("profile").get("email"), "the last address typed waits for its link");
        assertEquals(1, count("SELECT COUNT(*) FROM account WHERE username = ? AND email = ?", otherName, Names.email(otherName)),
                "the proven address stays in use until the new one is proven");
    }

    /**
     * Registration without enumeration (issues #10, #13): a taken address and a free one give the
     * same page, the same /compte, the same work (a password hash each), and one mail each — the
     * link to the free address, a warning with a link to /mot-de-passe-oublie to the owner of the
     * taken one. Every attempt counts in the per-address limit, refused ones included.
     */
    @Test
    void registeringWithATakenAddressLooksLikeAFreeOneAndWarnsItsOwner() throws Exception {
        WebClient owner = anonymous();
        String ownerName = owner.registerNewMember("titulaire", PASSWORD);
        String taken = Names.email(ownerName);
        TestMail.confirmAddress(owner, taken);

        long[] takenMillis = new long[3];
        long[] freeMillis = new long[3];
        String takenPage = null;
        String freePage = null;
        WebClient onTaken = null;
        WebClient onFree = null;
        for (int i = 0; i < 3; i++) {
            onTaken = anonymous();
            String takenName = Names.username("usurpe");
            Page form = onTaken.get("/inscription");
            long start = System.nanoTime();
            Page sent = form.form("register").set("username", takenName).set("email", taken.toUpperCase())
                    .set("password", PASSWORD).submit();
            takenMillis[i] = (System.nanoTime() - start) / 1_000_000;
            assertEquals(302, sent.status(), sent.mainText());
            takenPage = said(onTaken.follow(sent)).replace(taken, "ADRESSE").replace(takenName, "NOM");

            onFree = anonymous();
            String freeName = Names.username("neuve");
            String free = Names.email(freeName);
            form = onFree.get("/inscription");
            start = System.nanoTime();
            sent = form.form("register").set("username", freeName).set("email", free).set("password", PASSWORD).submit();
            freeMillis[i] = (System.nanoTime() - start) / 1_000_000;
            assertEquals(302, sent.status(), sent.mainText());
            freePage = said(onFree.follow(sent)).replace(free, "ADRESSE").replace(freeName, "NOM");
            TestMail.awaitSubject(free, "Confirmez votre adresse e-mail");
        }
        assertEquals(freePage, takenPage, "word for word the same page");
        assertTrue(freePage.contains("Un courriel part vers ADRESSE"), freePage);
        java.util.Arrays.sort(takenMillis);
        java.util.Arrays.sort(freeMillis);
        assertTrue(takenMillis[1] * 2 >= freeMillis[1], "the taken path hashes the password too: "
                + java.util.Arrays.toString(takenMillis) + " vs " + java.util.Arrays.toString(freeMillis));

        String takenSettings = onTaken.get("/compte").mainText();
        assertTrue(takenSettings.contains("Adresse e-mail à confirmer"), takenSettings);
        assertTrue(onTaken.get("/compte").hasFormEndingWith("verification"));
        assertEquals(taken, onTaken.get("/compte").form("profile").get("email"), "shown as typed, like a free one");

        TestMail.Received warning = TestMail.awaitSubject(taken, "Quelqu'un a essayé d'utiliser votre adresse");
        assertTrue(warning.text().contains("« " + ownerName + " »"), warning.text());
        assertTrue(warning.localLink("/mot-de-passe-oublie").startsWith("/mot-de-passe-oublie"));
        assertEquals(1, count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind = 'verify-email'", taken),
                "only the owner's own link ever went to the taken address");
        assertEquals(1, count("SELECT COUNT(*) FROM account WHERE email = ?", taken), "the owner keeps the address alone");
        assertTrue(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind = 'email-taken'", taken) <= 3,
                "a few warnings a day at most to one address");

        long before = count("SELECT COUNT(*) FROM rate_limit_hit WHERE kind = 'registration'");
        Page refused = anonymous().register(Names.username("faible"), Names.email(Names.username("faible")), "court");
        assertEquals(200, refused.status());
        assertEquals(before + 1, count("SELECT COUNT(*) FROM rate_limit_hit WHERE kind = 'registration'"),
                "a refused attempt counts too");
    }
}
