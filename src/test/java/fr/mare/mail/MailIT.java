package fr.mare.mail;

import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.TestMail;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static fr.mare.testing.Sql.count;
import static fr.mare.testing.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox and its worker against a real SMTP server (issue #13, docs/adr/0016): a mail left
 * half-sent by a dead node is sent once its lease runs out, a sent one is never sent again, a
 * failure is retried later with its error kept, and administrators read the outbox at
 * {@code /admin/courriels} (nobody else may).
 */
class MailIT extends MareIT {

    private static final String PASSWORD = "une phrase de passe pour le courrier";

    private static void insert(String recipient, String status, String claimedBy, String leaseSql, String messageId) throws Exception {
        sql("INSERT INTO mail_outbox (kind, recipient, subject, body_text, body_html, message_id, status, next_attempt_at,"
                + " claimed_by, lease_until, created_at) VALUES ('test', ?, 'Essai de la boîte d''envoi', 'Bonjour,\n\nun essai.',"
                + " '<p>Bonjour,</p>', ?, ?, NOW(6), ?, " + leaseSql + ", NOW(6))", recipient, messageId, status, claimedBy);
    }

    @Test
    void aMailClaimedByADeadWorkerIsSentOnceItsLeaseRunsOut() throws Exception {
        String to = Names.email(Names.username("bail"));
        insert(to, "SENDING", "un-noeud-mort", "NOW(6) - INTERVAL 1 SECOND", "<bail-" + System.nanoTime() + "@essais.example>");
        TestMail.Received mail = TestMail.awaitSubject(to, "Essai de la boîte d'envoi");
        assertTrue(mail.header("Message-ID").startsWith("<bail-"), "the Message-ID fixed in the outbox: " + mail.header("Message-ID"));
        Thread.sleep(3_000);
        assertEquals(1, TestMail.to(to).size(), "sent once");
        assertEquals(1, count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND status = 'SENT' AND claimed_by IS NULL", to));
    }

    @Test
    void aSentMailIsNeverSentAgainAndALiveLeaseIsRespected() throws Exception {
        String sent = Names.email(Names.username("deja"));
        insert(sent, "SENT", null, "NULL", "<deja-" + System.nanoTime() + "@essais.example>");
        String leased = Names.email(Names.username("occupe"));
        insert(leased, "SENDING", "un-autre-noeud", "NOW(6) + INTERVAL 1 HOUR", "<occupe-" + System.nanoTime() + "@essais.example>");
        String control = Names.email(Names.username("temoin"));
        insert(control, "PENDING", null, "NULL", "<temoin-" + System.nanoTime() + "@essais.example>");
        TestMail.awaitSubject(control, "Essai");
        Thread.sleep(2_000);
        assertEquals(0, TestMail.to(sent).size(), "a SENT row stays sent");
        assertEquals(0, TestMail.to(leased).size(), "another worker's live claim is left alone");
    }

    @Test
    void aFailureIsRetriedLaterWithItsError() throws Exception {
        String bad = "pas une adresse " + System.nanoTime();
        insert(bad, "PENDING", null, "NULL", "<mauvais-" + System.nanoTime() + "@essais.example>");
        long deadline = System.currentTimeMillis() + 20_000;
        while (count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND attempts = 1 AND status = 'PENDING'", bad) == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(300);
        }
        assertEquals(1, count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND attempts = 1 AND status = 'PENDING'"
                + " AND last_error IS NOT NULL AND next_attempt_at > NOW(6) + INTERVAL 50 SECOND", bad),
                "back to PENDING, tried again in a minute, the error kept");
    }

    @Test
    void administratorsReadTheOutbox() throws Exception {
        WebClient member = anonymous();
        String name = member.registerNewMember("lecteur", PASSWORD);
        assertEquals(403, member.get("/admin/courriels").status(), "members may not");
        assertEquals("/connexion", anonymous().open("/admin/courriels").uri().getPath(), "anonymous visitors log in first");

        WebClient admin = anonymous();
        assertEquals(302, admin.login(TestDatabase.ADMIN_USERNAME, TestDatabase.ADMIN_PASSWORD).status());
        TestMail.awaitSubject(Names.email(name), "Confirmez votre adresse");
        Page list = admin.get("/admin/courriels");
        assertEquals(200, list.status());
        assertTrue(list.html().getElementById("smtp-state").text().contains("serveur SMTP configuré"));
        Element row = list.html().select("#mails tr.mail-row").stream()
                .filter(r -> r.text().contains(Names.email(name))).findFirst().orElseThrow(() -> new AssertionError(list.mainText()));
        assertTrue(row.text().contains("Confirmez votre adresse e-mail sur Mare") && row.text().contains("envoyé"), row.text());
        Page one = admin.get(row.selectFirst("a").attr("href").replaceFirst("^.*?(/admin/)", "/admin/"));
        assertEquals(Names.email(name), one.html().getElementById("mail-to").text());
        assertNotNull(one.html().getElementById("mail-text"));
        assertTrue(one.mainText().contains("son texte a été effacé après l'envoi"), "a link-bearing mail is erased once sent");
        assertEquals(404, admin.get("/admin/courriels?id=999999999").status());
    }
}
