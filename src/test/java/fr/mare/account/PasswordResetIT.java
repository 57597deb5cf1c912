package fr.mare.account;

import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestMail;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static fr.mare.testing.Sql.count;
import static fr.mare.testing.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * « Mot de passe oublié » end to end against a real SMTP server (issue #13): the same answer for a
 * known and an unknown address, the mail received (multipart, French, link from the public
 * address), a single-use link that sets the password and ends every session, expiry, and the
 * limits per address and per source.
 */
class PasswordResetIT extends MareIT {

    private static final String PASSWORD = "une phrase de passe oubliée";
    private static final String NEW_PASSWORD = "une phrase toute neuve retrouvée";

    private Page ask(WebClient client, String email) {
        return client.get("/mot-de-passe-oublie").form("forgot").set("email", email).submit();
    }

    @Test
    void theLoginPageLeadsToIt() throws Exception {
        Page login = anonymous().get("/connexion");
        assertTrue(login.html().getElementById("forgot-link").attr("href").endsWith("/mot-de-passe-oublie"));
        assertTrue(login.html().getElementById("forgot-link").text().contains("Mot de passe oublié"));
    }

    @Test
    void aResetLinkSetsANewPasswordOnceAndEndsEverySession() throws Exception {
        WebClient laptop = anonymous();
        String name = laptop.registerNewMember("oublie", PASSWORD);
        String email = Names.email(name);
        WebClient phone = anonymous();
        assertEquals(302, phone.login(name, PASSWORD).status());

        WebClient stranger = anonymous();
        Page asked = ask(stranger, email.toUpperCase());
        assertEquals(302, asked.status(), asked.mainText());
        String answer = stranger.follow(asked).mainText();
        assertTrue(answer.contains("Si un compte utilise cette adresse, un lien vient de lui être envoyé"), answer);

        TestMail.Received mail = TestMail.awaitSubject(email, "Choisir un nouveau mot de passe");
        assertTrue(mail.message().getContentType().startsWith("multipart/alternative"), mail.message().getContentType());
        assertTrue(mail.text().contains("« " + name + " »"), mail.text());
        assertTrue(mail.html().contains("<a href=\"http://localhost:8080/nouveau-mot-de-passe?jeton="), "links from mare.public-url: " + mail.html());
        assertEquals("fr", mail.header("Content-Language"));
        assertTrue(mail.header("From").contains("mare@essais.example"), mail.header("From"));
        assertEquals(null, mail.header("List-Unsubscribe"), "not a notification mail");
        String token = mail.link("/nouveau-mot-de-passe").getQuery().replace("jeton=", "");
        assertTrue(token.length() >= 43, "at least 256 bits in base64url: " + token);
        assertEquals(1, count("SELECT COUNT(*) FROM account_token WHERE token_hash = UNHEX(SHA2(?, 256))", token), "stored as its SHA-256 only");

        String link = mail.localLink("/nouveau-mot-de-passe");
        Page weak = stranger.get(link).form("newPassword").set("password", "court").submit();
        assertEquals(200, weak.status());
        Page set = stranger.get(link).form("newPassword").set("password", NEW_PASSWORD).submit();
        assertEquals(302, set.status(), "a weak password did not use the link up: " + set.mainText());
        assertTrue(stranger.follow(set).mainText().contains("Votre mot de passe est changé"));

        assertEquals("/connexion", laptop.open("/compte").uri().getPath(), "every session ended");
        assertEquals("/connexion", phone.open("/compte").uri().getPath());
        assertTrue(anonymous().login(name, PASSWORD).status() != 302, "the old password is refused");
        assertEquals(302, anonymous().login(name, NEW_PASSWORD).status());

        Page again = anonymous().get(link);
        assertEquals(404, again.status(), "single use");
        assertTrue(again.html().getElementById("link-invalid") != null);
        TestMail.awaitSubject(email, "Votre mot de passe Mare a été changé");
        assertEquals(1, count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind = 'password-reset' AND status = 'SENT' AND body_text = ''", email),
                "the mail that carried the link is erased from the outbox once sent");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String unknown = Names.email(Names.username("personne"));
        WebClient client = anonymous();
        Page asked = ask(client, unknown);
        assertEquals(302, asked.status());
        assertTrue(client.follow(asked).mainText().contains("Si un compte utilise cette adresse, un lien vient de lui être envoyé"));
        assertEquals(0, count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", unknown));
    }

    @Test
    void theAnswerTakesAsLongForAKnownAndAnUnknownAddress() throws Exception {
        WebClient member = anonymous();
        String known = Names.email(member.registerNewMember("chrono", PASSWORD));
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            knownTimes.add(timed(known));
            unknownTimes.add(timed(Names.email(Names.username("inconnu"))));
        }
        long knownMedian = knownTimes.stream().sorted().toList().get(1);
        long unknownMedian = unknownTimes.stream().sorted().toList().get(1);
        assertTrue(knownMedian >= 400 && unknownMedian >= 400, "padded to 400 ms: " + knownTimes + " " + unknownTimes);
        assertTrue(Math.abs(knownMedian - unknownMedian) < 150, "no telling which exists: " + knownTimes + " vs " + unknownTimes);
    }

    private long timed(String email) throws Exception {
        WebClient client = anonymous();
        WebClient.Form form = client.get("/mot-de-passe-oublie").form("forgot").set("email", email);
        long start = System.nanoTime();
        Page page = form.submit();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(302, page.status());
        return millis;
    }

    @Test
    void anExpiredLinkNoLongerWorks() throws Exception {
        WebClient member = anonymous();
        String email = Names.email(member.registerNewMember("expire", PASSWORD));
        ask(anonymous(), email);
        TestMail.Received mail = TestMail.awaitSubject(email, "Choisir un nouveau mot de passe");
        sql("UPDATE account_token SET expires_at = NOW(6) - INTERVAL 1 SECOND WHERE account_id = (SELECT id FROM account WHERE email = ? OR pending_email = ?)"
                + " AND purpose = 'PASSWORD_RESET'", email, email);
        Page page = anonymous().get(mail.localLink("/nouveau-mot-de-passe"));
        assertEquals(404, page.status());
        assertFalse(page.hasFormEndingWith("newPassword"));
    }

    @Test
    void requestsAreLimitedPerAddressWhetherItExistsOrNot() throws Exception {
        String unknown = Names.email(Names.username("limite"));
        for (int i = 0; i < 3; i++) {
            assertEquals(302, ask(anonymous(), unknown).status());
        }
        Page refused = ask(anonymous(), unknown);
        assertEquals(429, refused.status(), refused.mainText());
        assertTrue(refused.mainText().contains("Trop de demandes de lien"), refused.mainText());
        assertEquals(unknown, refused.form("forgot").get("email"), "the typed address is kept");
    }

    @Test
    void requestsAreLimitedPerSourceWhicheverAddressesTheyName() throws Exception {
        assertEquals(302, ask(anonymous(), Names.email(Names.username("source"))).status());
        long newest = count("SELECT MAX(id) FROM rate_limit_hit WHERE kind = 'reset-address'");
        // The tests' limit per source is raised (TestDatabase): the source's row is copied up to it.
        int copies = fr.mare.testing.TestDatabase.REGISTRATIONS_PER_ADDRESS;
        assertEquals(copies, sql("INSERT INTO rate_limit_hit (kind, subject_hash, created_at) SELECT kind, subject_hash, created_at"
                + " FROM rate_limit_hit JOIN seq_1_to_" + copies + " s WHERE id = ?", newest));
        try {
            String other = Names.email(Names.username("autre"));
            Page refused = ask(anonymous(), other);
            assertEquals(429, refused.status(), "a fresh address from the same source is refused: " + refused.mainText());
            assertTrue(refused.mainText().contains("Trop de demandes de lien"), refused.mainText());
            assertEquals(other, refused.form("forgot").get("email"), "the typed address is kept");
        } finally {
            sql("DELETE FROM rate_limit_hit WHERE kind = 'reset-address'");
        }
        assertEquals(302, ask(anonymous(), Names.email(Names.username("apres"))).status(), "the source may ask again");
    }
}
