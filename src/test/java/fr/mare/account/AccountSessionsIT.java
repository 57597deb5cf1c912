package fr.mare.account;

import fr.mare.testing.MareIT;
import fr.mare.testing.Sql;
import fr.mare.testing.TestDatabase;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HexFormat;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security issue #10 on {@code /compte}: a password change ends every other session of the
 * account, « Fermer mes autres sessions » does the same without one, and the current-password
 * check is throttled like a login (429, the typed text kept).
 */
class AccountSessionsIT extends MareIT {

    private static final String NEW_PASSWORD = "une toute nouvelle phrase de passe";

    private static boolean loggedIn(WebClient client) {
        return client.get("/compte").status() == 200;
    }

    @Test
    void aPasswordChangeEndsEveryOtherSessionButThisOne() throws Exception {
        WebClient laptop = anonymous();
        String name = laptop.registerNewMember("deux-appareils", PASSWORD);
        WebClient phone = anonymous();
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
        WebClient here = anonymous();
        String name = here.registerNewMember("fermer", PASSWORD);
        WebClient elsewhere = anonymous();
        WebClient library = anonymous();
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

    /** The browser of {@code member} reaching a node that never saw its session (ADR 0032): only its login token. */
    private WebClient otherNode(WebClient member) throws Exception {
        return anonymous().withCookie("MARE_SESSION", member.cookie("MARE_SESSION").orElseThrow());
    }

    @Test
    void aLoginTokenOpensTheSameLoginOnANodeThatNeverSawIt() throws Exception {
        WebClient laptop = anonymous();
        String name = laptop.registerNewMember("deux-noeuds", PASSWORD);
        String canonical = Usernames.parse(name).canonical();
        WebClient elsewhere = otherNode(laptop);
        Page account = elsewhere.get("/compte");
        assertEquals(200, account.status(), "logged in from the token alone");
        assertTrue(account.body().contains(name), account.mainText());
        assertTrue(elsewhere.cookie("JSESSIONID").isPresent(), "a session of its own");
        assertEquals(laptop.cookie("MARE_SESSION"), elsewhere.cookie("MARE_SESSION"), "the same login token, kept");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM login_session s JOIN account a ON a.id = s.account_id"
                + " WHERE a.username = ? AND s.ended_at IS NULL", canonical), "one login, one row");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM login_session WHERE token_hash = UNHEX(SHA2(?, 256))",
                laptop.cookie("MARE_SESSION").orElseThrow()), "the row holds the token's SHA-256, never the token");

        // A Faces form shown by one node is sent to the other (the view state travels in the page, signed
        // with the key every node shares); here « fermer mes autres sessions », which this login survives on both.
        WebClient.Form sessions = laptop.get("/compte").form("sessions");
        Page sentElsewhere = sessions.replayedBy(elsewhere, sessions.get("jakarta.faces.ViewState")).submit("closeSessions");
        assertEquals(302, sentElsewhere.status(), sentElsewhere.mainText());
        assertEquals(200, laptop.get("/compte").status(), "the login that closed the other sessions lives on, on the first node too");
        assertEquals(200, elsewhere.get("/compte").status());

        // A plain form too: the CSRF token belongs to the login, not to the node.
        Page closed = otherNode(laptop).get("/compte");
        assertEquals(200, closed.status());
        String token = laptop.get("/compte").html().select("input[name=csrf]").attr("value");
        assertTrue(!token.isEmpty() && token.equals(closed.html().select("input[name=csrf]").attr("value")),
                "both nodes expect the same CSRF token");

        String loginToken = laptop.cookie("MARE_SESSION").orElseThrow();
        Page out = elsewhere.post("/deconnexion", java.util.Map.of("csrf", token));
        assertEquals(303, out.status(), "logged out on the other node with the first node's form");
        assertEquals("/connexion", laptop.open("/compte").uri().getPath(), "a logout ends the login on every node");
        assertTrue(laptop.cookie("MARE_SESSION").isEmpty(), "whose browser is told to forget the token");
        assertEquals("/connexion", anonymous().withCookie("MARE_SESSION", loginToken).open("/compte").uri().getPath(),
                "and the token opens nothing any more");
    }

    @Test
    void aRevokedOrStolenTokenOpensNothing() throws Exception {
        WebClient here = anonymous();
        String name = here.registerNewMember("jeton-revoque", PASSWORD);
        WebClient phone = anonymous();
        assertEquals(302, phone.login(name, PASSWORD).status());
        String phoneToken = phone.cookie("MARE_SESSION").orElseThrow();

        assertEquals(302, here.get("/compte").form("sessions").submit("closeSessions").status());
        assertEquals("/connexion", anonymous().withCookie("MARE_SESSION", phoneToken).open("/compte").uri().getPath(),
                "a login revoked by « fermer mes autres sessions » opens nothing elsewhere");
        assertEquals(200, otherNode(here).get("/compte").status(), "the login that closed the others still opens everywhere");
        assertEquals("/connexion", anonymous().withCookie("MARE_SESSION", "x" + phoneToken.substring(1)).open("/compte").uri().getPath(),
                "a made-up token opens nothing");

        Sql.sql("UPDATE login_session SET last_seen_at = NOW(6) - INTERVAL 3 HOUR WHERE account_id = (SELECT id FROM account WHERE username = ?)",
                Usernames.parse(name).canonical());
        assertEquals("/connexion", otherNode(here).open("/compte").uri().getPath(), "an idle login (unseen for the session timeout) opens nothing");
    }

    @Test
    void theLoginThrottleIsCountedInTheDatabase() throws Exception {
        String name = anonymous().registerNewMember("compte-partage", PASSWORD);
        for (int i = 0; i < 3; i++) {
            anonymous().login(name, "faux " + i);
        }
        String subject = HexFormat.of().withUpperCase().formatHex(keyedHash("login-name:" + Usernames.parse(name).canonical()));
        assertEquals(3, Sql.count("SELECT failures FROM login_failure WHERE HEX(subject_hash) = ?", subject),
                "three failures in one row, under the installation's keyed hash of the name (never the name)");
        // A guess counted by another node is a row like these: two more, from here, reach the limit of 5.
        Sql.sql("UPDATE login_failure SET failures = failures + 2 WHERE HEX(subject_hash) = ?", subject);
        Page refused = anonymous().login(name, PASSWORD);
        assertEquals(429, refused.status(), "throttled from the shared count, even with the right password");
    }

    @Test
    void theNextFailureForgetsExpiredCountsAndKeepsRecentOnes() throws Exception {
        // Purged by key (platform.Purges), not by a ranged DELETE that locked the rows and gaps
        // other failures insert into (issue #17).
        String expired = HexFormat.of().withUpperCase().formatHex(keyedHash("essai-oublie-" + System.nanoTime()));
        String recent = HexFormat.of().withUpperCase().formatHex(keyedHash("essai-garde-" + System.nanoTime()));
        Sql.sql("INSERT INTO login_failure (subject_hash, failures, last_failure_at) VALUES (UNHEX(?), 4, NOW(6) - INTERVAL 2 DAY)", expired);
        Sql.sql("INSERT INTO login_failure (subject_hash, failures, last_failure_at) VALUES (UNHEX(?), 4, NOW(6))", recent);
        anonymous().login("personne-" + System.nanoTime(), "pas le bon");
        assertEquals(0, Sql.count("SELECT COUNT(*) FROM login_failure WHERE HEX(subject_hash) = ?", expired),
                "a count whose last failure is older than an hour is forgotten at the next failure");
        assertEquals(1, Sql.count("SELECT COUNT(*) FROM login_failure WHERE HEX(subject_hash) = ?", recent), "a recent count stays");
    }

    private static byte[] keyedHash(String subject) throws Exception {
        try (Connection c = TestDatabase.connect(); ResultSet key = c.createStatement().executeQuery("SELECT secret FROM rate_limit_key WHERE id = 1")) {
            key.next();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(1), "HmacSHA256"));
            return mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theCurrentPasswordIsThrottledLikeALogin() throws Exception {
        WebClient member = anonymous();
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
