package fr.mare.security;

import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.TestMail;
import fr.mare.testing.TwoFactorCodes;
import fr.mare.testing.TwoFactorCodes.Device;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.Test;

import static fr.mare.testing.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two-factor authentication end to end, as browsers without JavaScript (security issue #10, ADR
 * 0023): enrolment from {@code /compte} with a QR code drawn by Mare and a first code, the login's
 * second step, replayed codes refused, single-use backup codes, wrong codes throttled like
 * passwords, a password reset that still asks the code, disabling (password and code), and
 * moderators and administrators sent to enrol before their pages.
 */
class TwoFactorIT extends MareIT {

    private static final String CODE_PAGE = "/code-de-connexion";

    @Test
    void aMemberEnrolsLogsInWithACodeAndNoCodeServesTwice() throws Exception {
        Member member = member("deuxfa");
        WebClient client = member.client();
        Page account = client.get("/compte");
        assertTrue(account.html().getElementById("two-factor-state").text().contains("Inactive"), account.mainText());

        Page start = client.get("/double-authentification");
        assertEquals(200, start.status(), start.headers().map().toString());
        Page pending = client.follow(start.form("start").submit());
        assertNotNull(pending.html().selectFirst("svg.qr-code path"), "a QR code drawn by Mare, inline");
        assertTrue(pending.html().select("img").stream().allMatch(i -> !i.attr("src").startsWith("http")), "nothing from another host");
        assertFalse(pending.html().getElementById("two-factor-secret").text().isBlank(), "the secret in text too");
        assertEquals(0L, count("SELECT COUNT(*) FROM account_two_factor t JOIN account a ON a.id = t.account_id "
                + "WHERE a.username = ? AND INSTR(t.secret, ?) > 0", member.name(),
                pending.html().getElementById("two-factor-secret").text().replace(" ", "")), "the secret is not stored in clear");

        Page wrongFirst = pending.form("confirm").set("code", "000000").submit();
        assertEquals(200, wrongFirst.status());
        assertTrue(wrongFirst.mainText().contains("Ce code n'est pas le bon"), wrongFirst.mainText());
        Device phone = TwoFactorCodes.enrol(client, member.name());
        assertEquals(10, phone.backupCodes.size());
        Page again = client.get("/double-authentification");
        assertTrue(again.html().select("#backup-codes").isEmpty(), "backup codes are shown once");
        assertNull(again.html().getElementById("two-factor-secret"), "nor the secret once enabled");
        assertTrue(client.get("/compte").html().getElementById("two-factor-state").text().contains("Active"));
        assertEquals(10L, count("SELECT COUNT(*) FROM account_backup_code c JOIN account a ON a.id = c.account_id "
                + "WHERE a.username = ? AND c.used_at IS NULL", member.name()), "only hashes are kept");

        // The password alone logs nobody in: the code is asked on its own page.
        WebClient laptop = anonymous();
        Page password = laptop.loginWithPasswordOnly(member.name(), PASSWORD);
        assertEquals(302, password.status());
        assertTrue(password.location().endsWith(CODE_PAGE), password.location());
        assertEquals("/connexion", laptop.open("/compte").uri().getPath(), "not logged in before the code");
        String halfDone = laptop.cookie("JSESSIONID").orElseThrow();
        Page wrong = laptop.get(CODE_PAGE).form("secondFactor").set("code", "123456").submit();
        assertEquals(200, wrong.status());
        assertTrue(wrong.mainText().contains("Ce code n'est pas le bon"), wrong.mainText());
        String code = phone.nextCode();
        Page in = laptop.get(CODE_PAGE).form("secondFactor").set("code", code).submit();
        assertEquals(302, in.status(), in.mainText());
        assertEquals(200, laptop.get("/compte").status());
        assertNotEquals(halfDone, laptop.cookie("JSESSIONID").orElseThrow(), "a new session id once logged in");

        // The same code again, within its window, is refused.
        WebClient thief = anonymous();
        thief.loginWithPasswordOnly(member.name(), PASSWORD);
        Page replayed = thief.get(CODE_PAGE).form("secondFactor").set("code", code).submit();
        assertEquals(200, replayed.status(), "replay refused");
        assertEquals("/connexion", thief.open("/compte").uri().getPath());

        // A backup code works once.
        String backup = phone.backupCodes.pop();
        WebClient noPhone = anonymous();
        noPhone.loginWithPasswordOnly(member.name(), PASSWORD);
        Page withBackup = noPhone.get(CODE_PAGE).form("secondFactor").set("code", backup.toUpperCase()).submit();
        assertEquals(302, withBackup.status(), withBackup.mainText());
        assertTrue(noPhone.follow(withBackup).mainText().contains("Il vous en reste 9"));
        WebClient second = anonymous();
        second.loginWithPasswordOnly(member.name(), PASSWORD);
        assertEquals(200, second.get(CODE_PAGE).form("secondFactor").set("code", backup).submit().status(), "a backup code serves once");

        // Without a password step, the code page sends back to the login page.
        Page alone = anonymous().get(CODE_PAGE);
        assertEquals(302, alone.status());
        assertTrue(alone.location().endsWith("/connexion"), alone.location());

        // Turning it off needs the password and a code.
        Page noPassword = client.get("/double-authentification").form("disable")
                .set("currentPassword", "pas le bon mot de passe").set("code", phone.nextCode()).submit();
        assertEquals(200, noPassword.status());
        Page noCode = client.get("/double-authentification").form("disable")
                .set("currentPassword", PASSWORD).set("code", "000000").submit();
        assertEquals(200, noCode.status());
        assertTrue(noCode.mainText().contains("Ce code n'est pas le bon"), noCode.mainText());
        Page off = client.get("/double-authentification").form("disable")
                .set("currentPassword", PASSWORD).set("code", phone.nextCode()).submit();
        assertEquals(302, off.status(), off.mainText());
        Page plain = anonymous().loginWithPasswordOnly(member.name(), PASSWORD);
        assertEquals(302, plain.status());
        assertFalse(plain.location().endsWith(CODE_PAGE), "the password suffices again");
    }

    /**
     * Two nodes, no sticky state (issue #17, ADR 0036): the code step is a row in the database, not
     * the session of the node that checked the password. Dropping the session id between the steps
     * is what a node change looks like; the message shown once after the login crosses too.
     */
    @Test
    void theCodeStepAndItsMessageSurviveANodeChange() throws Exception {
        Member member = member("deuxnoeuds");
        Device phone = TwoFactorCodes.enrol(member.client(), member.name());
        WebClient browser = anonymous();
        Page password = browser.loginWithPasswordOnly(member.name(), PASSWORD);
        assertEquals(302, password.status());
        assertTrue(password.location().endsWith(CODE_PAGE), password.location());
        String stepCookie = password.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("MARE_LOGIN_STEP=")).findFirst().orElseThrow(() -> new AssertionError(password.headers().map()));
        assertTrue(stepCookie.contains("HttpOnly") && stepCookie.contains("SameSite=Strict"),
                stepCookie);
        String token = setCookie(password, "MARE_LOGIN_STEP");
        assertEquals(0L, count("SELECT COUNT(*) FROM login_pending WHERE INSTR(token_hash, ?) > 0", token), "never the token in clear");
        assertEquals(1L, count("SELECT COUNT(*) FROM login_pending WHERE token_hash = UNHEX(SHA2(?, 256)) AND used_at IS NULL", token));

        browser.forget("JSESSIONID");
        Page wrong = browser.get(CODE_PAGE).form("secondFactor").set("code", "000000").submit();
        assertEquals(200, wrong.status(), "the other node knows the step: " + wrong.mainText());
        assertTrue(wrong.mainText().contains("Ce code n'est pas le bon"), wrong.mainText());
        browser.forget("JSESSIONID");
        Page in = browser.get(CODE_PAGE).form("secondFactor").set("code", phone.backupCodes.pop()).submit();
        assertEquals(302, in.status(), in.mainText());
        // The message of the redirect travels in its own cookie: a browser that holds only the login's
        // and the message's cookies (no session, no Faces flash of this node) reads it, once.
        String messages = setCookie(in, "MARE_MESSAGES");
        WebClient elsewhere = anonymous().withCookie("MARE_SESSION", browser.cookie("MARE_SESSION").orElseThrow())
                .withCookie("MARE_MESSAGES", messages);
        Page landed = elsewhere.get(java.net.URI.create(in.location()).getPath());
        assertTrue(landed.mainText().contains("Il vous en reste 9"), "the message shown once, on a third node: " + landed.mainText());
        assertTrue(landed.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("MARE_MESSAGES=;") && c.contains("Max-Age=0")),
                "and only once: the page that shows it has the browser forget it " + landed.headers().map());
        Page forged = anonymous().withCookie("MARE_MESSAGES", messages.substring(0, messages.indexOf('.')) + ".AAAA").get("/");
        assertFalse(forged.mainText().contains("Il vous en reste 9"), "not without its signature");
        browser.forget("JSESSIONID");
        assertEquals(200, browser.get("/compte").status());
        assertEquals(1L, count("SELECT COUNT(*) FROM login_pending WHERE token_hash = UNHEX(SHA2(?, 256))"
                + " AND used_at IS NOT NULL AND attempts = 1", token), "used once, one wrong code counted");

        // A finished step finishes nothing again, whoever sends its token.
        Page replay = anonymous().withCookie("MARE_LOGIN_STEP", token).get(CODE_PAGE);
        assertEquals(302, replay.status());
        assertTrue(replay.location().endsWith("/connexion"), replay.location());

        // Ten wrong codes for one password: the password must be typed again (the throttle slows them first).
        WebClient guesser = anonymous();
        Page again = guesser.loginWithPasswordOnly(member.name(), PASSWORD);
        assertTrue(again.location().endsWith(CODE_PAGE), again.location());
        Page open = guesser.get(CODE_PAGE);
        sql("UPDATE login_pending p JOIN account a ON a.id = p.account_id SET p.attempts = 10"
                + " WHERE a.username = ? AND p.used_at IS NULL", member.name());
        Page exhausted = open.form("secondFactor").set("code", "123456").submit();
        assertEquals(302, exhausted.status(), exhausted.mainText());
        assertTrue(exhausted.location().endsWith("/connexion"), exhausted.location());
        assertEquals("/connexion", guesser.open("/compte").uri().getPath(), "not logged in");

        // New backup codes are shown once on the page after the redirect, whichever node serves it:
        // sealed in their cookie, not kept in the session.
        WebClient owner = member.client();
        Page renewed = owner.get("/double-authentification").form("renew")
                .set("currentPassword", PASSWORD).set("code", phone.nextCode()).submit();
        assertEquals(302, renewed.status(), renewed.mainText());
        String sealed = setCookie(renewed, "MARE_BACKUP_CODES");
        owner.forget("JSESSIONID");
        java.util.List<String> codes = owner.follow(renewed).html().select("#backup-codes code").eachText();
        assertEquals(10, codes.size(), "shown after a node change");
        assertFalse(sealed.contains(codes.getFirst()), "not in clear in the cookie");
        assertTrue(owner.get("/double-authentification").html().select("#backup-codes code").isEmpty(), "shown once");
        assertTrue(member("curieuse").client().withCookie("MARE_BACKUP_CODES", sealed).get("/double-authentification")
                .html().select("#backup-codes code").isEmpty(), "sealed for its account: another member's page opens nothing");
    }

    @Test
    void wrongCodesAreThrottledLikePasswordsAndAResetDoesNotSkipTheCode() throws Exception {
        Member member = member("deuxfareset");
        Device phone = TwoFactorCodes.enrol(member.client(), member.name());

        WebClient guesser = anonymous();
        guesser.loginWithPasswordOnly(member.name(), PASSWORD);
        Page last = null;
        for (int i = 0; i < 6; i++) {
            last = guesser.get(CODE_PAGE).form("secondFactor").set("code", String.format("%06d", i)).submit();
        }
        assertEquals(429, last.status(), "wrong codes count as failed logins: " + last.mainText());
        Page rightButTooSoon = guesser.get(CODE_PAGE).form("secondFactor").set("code", phone.nextCode()).submit();
        assertEquals(429, rightButTooSoon.status(), "refused before the code is even checked");
        Thread.sleep((TestDatabase.LOGIN_DELAY_SECONDS << 2) * 1000L + 500);

        // Forgotten password: the new password still needs the code.
        String email = Names.email(member.name());
        WebClient forgetful = anonymous();
        assertEquals(302, forgetful.get("/mot-de-passe-oublie").form("forgot").set("email", email).submit().status());
        String link = TestMail.awaitSubject(email, "Choisir un nouveau mot de passe").localLink("/nouveau-mot-de-passe");
        String newPassword = "une autre phrase de passe retrouvée";
        assertEquals(302, forgetful.get(link).form("newPassword").set("password", newPassword).submit().status());
        Page afterReset = forgetful.loginWithPasswordOnly(member.name(), newPassword);
        assertEquals(302, afterReset.status(), afterReset.mainText());
        assertTrue(afterReset.location().endsWith(CODE_PAGE), "the reset did not turn the second factor off: " + afterReset.location());
        assertEquals("/connexion", forgetful.open("/compte").uri().getPath());
        assertEquals(302, forgetful.get(CODE_PAGE).form("secondFactor").set("code", phone.nextCode()).submit().status());
        assertEquals(200, forgetful.get("/compte").status());
    }

    @Test
    void moderatorsAndAdministratorsEnrolBeforeTheirPages() throws Exception {
        for (String role : new String[] {"MODERATOR", "ADMIN"}) {
            Member staff = member("veilleuse");
            sql("UPDATE account SET role = ? WHERE username = ?", role, staff.name());
            WebClient client = anonymous();
            Page login = client.loginWithPasswordOnly(staff.name(), PASSWORD);
            assertEquals(302, login.status());
            assertTrue(login.location().contains("/double-authentification"), "sent to enrol at login: " + login.location());
            String page = role.equals("ADMIN") ? "/admin/categories" : "/moderation";
            Page refused = client.get(page);
            assertEquals(302, refused.status(), role + " without a second factor reached " + page);
            assertTrue(refused.location().contains("/double-authentification?retour="), refused.location());
            assertEquals(302, client.get("/moderation/journal").status());
            Page enrol = client.follow(refused);
            assertNotNull(enrol.html().getElementById("two-factor-required"), enrol.mainText());
            assertEquals(200, client.get("/moderation/mes-signalements").status(), "a member's own page stays open");

            Device phone = TwoFactorCodes.enrol(client, staff.name());
            assertEquals(200, client.get(page).status(), role + " enrolled");
            assertEquals(200, client.get("/moderation").status());

            WebClient next = anonymous();
            assertTrue(next.loginWithPasswordOnly(staff.name(), PASSWORD).location().endsWith(CODE_PAGE));
            assertEquals(302, next.get(CODE_PAGE).form("secondFactor").set("code", phone.nextCode()).submit().status());
            assertEquals(200, next.get(page).status());
        }
        // The configured administrator too (the helper of the other tests enrols it the same way).
        assertEquals(200, admin().get("/admin/categories").status());
    }

    /**
     * Recovery without SQL (#10, ADR 0025): a moderator who lost their app and every backup code is
     * reset by an administrator from /admin/comptes, journalled, told by mail, every session ended,
     * and must enrol again before moderation; an administrator never resets their own.
     */
    @Test
    void anAdministratorResetsTheSecondFactorOfStaffWhoLostItNeverTheirOwn() throws Exception {
        Member staff = member("etourdie");
        String address = Names.email(staff.name());
        TestMail.confirmAddress(staff.client(), address);
        sql("UPDATE account SET role = 'MODERATOR' WHERE username = ?", staff.name());
        WebClient moderator = logIn(staff.name());
        assertEquals(200, moderator.get("/moderation").status(), "enrolled by the login helper");
        long id = count("SELECT id FROM account WHERE username = ?", staff.name());
        assertEquals(1L, count("SELECT COUNT(*) FROM account_two_factor WHERE account_id = ? AND enabled_at IS NOT NULL", id));

        WebClient admin = admin();
        Page page = admin.get("/admin/comptes?compte=" + id);
        Page unconfirmed = page.form("twofactor").submit();
        assertEquals(200, unconfirmed.status(), "not without the confirmation");
        assertEquals(1L, count("SELECT COUNT(*) FROM account_two_factor WHERE account_id = ?", id));
        Page done = admin.get("/admin/comptes?compte=" + id).form("twofactor").set("confirmed", "on").submit();
        assertEquals(302, done.status(), done.mainText());
        assertEquals(0L, count("SELECT COUNT(*) FROM account_two_factor WHERE account_id = ?", id));
        assertEquals(0L, count("SELECT COUNT(*) FROM account_backup_code WHERE account_id = ?", id));
        long adminId = count("SELECT id FROM account WHERE username = ?", TestDatabase.ADMIN_USERNAME);
        assertEquals(1L, count("SELECT COUNT(*) FROM account_event WHERE account_id = ? AND kind = 'TWO_FACTOR_RESET' AND actor_id = ?",
                id, adminId), "journalled with who did it");
        assertEquals(1, admin.open(done.location()).html().select("li.account-event[data-kind=TWO_FACTOR_RESET]").size());
        assertNull(admin.open(done.location()).html().getElementById("twofactor"), "nothing left to remove");
        TestMail.Received mail = TestMail.awaitSubject(address, "double authentification de votre compte Mare a été retirée");
        assertTrue(mail.text().contains("activer de nouveau"), mail.text());
        assertEquals(302, moderator.get("/compte").status(), "every session of the account ended");

        WebClient next = anonymous();
        Page login = next.loginWithPasswordOnly(staff.name(), PASSWORD);
        assertEquals(302, login.status());
        assertTrue(login.location().contains("/double-authentification"), "sent to enrol again: " + login.location());
        assertEquals(302, next.get("/moderation").status(), "no moderation before a new second factor");
        TwoFactorCodes.enrol(next, staff.name());
        assertEquals(200, next.get("/moderation").status());

        // Never one's own: another administrator must do it.
        Page own = admin.get("/admin/comptes?compte=" + adminId);
        assertTrue(own.html().getElementById("twofactor-help").text().contains("une autre personne"), own.mainText());
        Page refused = own.form("twofactor").set("confirmed", "on").submit();
        assertEquals(200, refused.status());
        assertTrue(refused.mainText().contains("Vous ne pouvez pas retirer votre propre double authentification"), refused.mainText());
        assertEquals(1L, count("SELECT COUNT(*) FROM account_two_factor WHERE account_id = ? AND enabled_at IS NOT NULL", adminId));
        assertEquals(0L, count("SELECT COUNT(*) FROM account_event WHERE account_id = ? AND kind = 'TWO_FACTOR_RESET'", adminId));
    }

    /** The value a response gives to a cookie. */
    private static String setCookie(Page page, String name) {
        String header = page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "=")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + name + " in " + page.headers().map()));
        return header.substring(name.length() + 1, header.indexOf(';'));
    }

    private static long count(String query, Object... parameters) throws Exception {
        return fr.mare.testing.Sql.count(query, parameters);
    }
}
