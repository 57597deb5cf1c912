package fr.mare.account;

import fr.mare.testing.FormChecks;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.TestMail;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts end to end, over HTTP against Payara Micro and a real MariaDB: registration,
 * login and logout, throttling, profiles and settings, the configured administrator.
 * Each test creates its own members.
 */
class AccountIT extends MareIT {

    private static Page register(WebClient client, String username, String email, String password) {
        return client.register(username, email, password);
    }

    private static Page login(WebClient client, String username, String password) {
        return client.login(username, password);
    }

    private static String headerName(Page page) {
        var link = page.html().getElementById("current-account");
        return link == null ? null : link.text();
    }

    /** Sign-up, profile and password forms tell every wrong field in one submit (#14), keeping what was typed. */
    @Test
    void accountFormsTellEveryWrongFieldAtOnce() throws Exception {
        WebClient visitor = anonymous();
        assertEquals(3, visitor.get("/inscription").html().select("#register .required-mark").size());
        Page signUp = visitor.get("/inscription").form("register").set("username", "").set("email", "pas-une-adresse")
                .set("password", "court").submit();
        FormChecks.everyFieldAtOnce(signUp, "register:username", "register:email", "register:password");
        assertEquals("pas-une-adresse", signUp.html().getElementById("register:email").val(), "the typed e-mail stays");

        WebClient member = anonymous();
        member.registerNewMember("reglages", PASSWORD);
        Page profile = member.get("/compte").form("profile").set("displayName", "").set("email", "invalide").submit();
        FormChecks.everyFieldAtOnce(profile, "profile:displayName", "profile:email");
        assertEquals("invalide", profile.html().getElementById("profile:email").val());
        Page password = member.get("/compte").form("changePassword").set("currentPassword", "").set("password", "court").submit();
        FormChecks.everyFieldAtOnce(password, "changePassword:currentPassword", "changePassword:password");
    }

    @Test
    void registrationCreatesTheAccountAndLogsTheMemberIn() throws Exception {
        WebClient client = anonymous();
        String name = Names.username("Camille");
        Page form = client.get("/inscription");
        assertEquals(200, form.status());
        assertTrue(client.cookie("JSESSIONID").isEmpty(), "a visitor has no session (#11, ADR 0019)");

        Page result = form.form("register").set("username", name).set("email", Names.email(name))
                .set("password", PASSWORD).submit();

        assertEquals(302, result.status(), "Post/Redirect/Get after registering");
        assertTrue(client.cookie("JSESSIONID").isPresent(), "the session starts at login");
        Page home = client.follow(result);
        assertEquals(name, headerName(home), "the header shows the member's name");
        assertTrue(home.mainText().contains("Bienvenue sur Mare, " + name), home.mainText());
        assertNotNull(home.html().selectFirst("form#logout[method=post][action$=/deconnexion] input[name=csrf]"));
        assertNull(home.html().getElementById("login-link"));

        Page again = login(anonymous(), name.toUpperCase(), PASSWORD);
        assertEquals(302, again.status(), "the canonical name logs in whatever the case typed");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        // The session starts at login (a visitor has none, #11): read the cookie registration sets.
        WebClient client = anonymous();
        String name = Names.username("cookie");
        Page page = client.get("/inscription").form("register").set("username", name).set("email", Names.email(name))
                .set("password", PASSWORD).submit();
        assertEquals(302, page.status(), page.mainText());
        String setCookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertFalse(page.body().contains(";jsessionid="), "no session id in URLs");
    }

    @Test
    void duplicateAndLookAlikeNamesAreRefusedAndTheFormKeepsWhatWasTyped() throws Exception {
        String name = Names.username("mare");
        assertEquals(302, register(anonymous(), name, Names.email(name), PASSWORD).status());

        String taken = "Ce nom est déjà pris, ou ressemble trop à celui d'un autre membre";
        String mixed = "Ce nom mélange des alphabets différents";
        Map<String, String> expectations = new LinkedHashMap<>();
        expectations.put(name.toUpperCase(), taken);                          // same name, other case
        expectations.put("\uFF4D" + name.substring(1), taken);                // fullwidth ｍ: the same after NFKC
        expectations.put("rn" + name.substring(1), taken);                    // « rn » looks like « m »
        expectations.put(name.replaceFirst("a", "\u0430"), mixed);            // a Cyrillic а among Latin letters
        for (Map.Entry<String, String> expectation : expectations.entrySet()) {
            String candidate = expectation.getKey();
            String email = Names.email(Names.username("autre"));
            Page refused = register(anonymous(), candidate, email, PASSWORD);
            assertEquals(200, refused.status(), "refused for " + candidate);
            assertTrue(refused.mainText().contains(expectation.getValue()), candidate + " -> " + refused.mainText());
            Document html = refused.html();
            assertEquals(candidate, html.getElementById("register:username").val(), "the typed name is kept");
            assertEquals(email, html.getElementById("register:email").val(), "the typed e-mail is kept");
            assertEquals("true", html.getElementById("register:username").attr("aria-invalid"));
        }
    }

    @Test
    void weakInputGetsAClearFrenchMessage() throws Exception {
        record Case(String username, String email, String password, String expected) {
        }
        List<Case> cases = List.of(
                new Case("ab", "ab@example.org", PASSWORD, "Ce nom est trop court"),
                new Case("x".repeat(31), "x31@example.org", PASSWORD, "Ce nom est trop long"),
                new Case("ad\u200Bmin", "zw@example.org", PASSWORD, "caractères invisibles"),
                new Case("avec espace", "sp@example.org", PASSWORD, "caractères non autorisés"),
                new Case(Names.username("court"), "court@example.org", "1234567", "trop court : il faut au moins 8 caractères"),
                new Case(Names.username("commun"), "commun@example.org", "motdepasse", "fait partie des plus courants"),
                new Case(Names.username("commun"), "commun2@example.org", "Azerty123", "fait partie des plus courants"),
                new Case(Names.username("mail"), "pas-une-adresse", PASSWORD, "ne semble pas valide"),
                new Case("", "", "", "obligatoire"));
        for (Case c : cases) {
            Page page = register(anonymous(), c.username(), c.email(), c.password());
            assertEquals(200, page.status(), c.toString());
            assertTrue(page.mainText().contains(c.expected()), c + " -> " + page.mainText());
            assertEquals(c.username(), page.html().getElementById("register:username").val(), "kept: " + c);
            assertNull(headerName(page), "not logged in after a refusal");
        }
    }

    @Test
    void loginDoesNotTellWhichAccountsExist() throws Exception {
        String name = Names.username("discret");
        register(anonymous(), name, Names.email(name), PASSWORD);

        Page wrongPassword = login(anonymous(), name, "pas le bon mot de passe");
        Page unknownName = login(anonymous(), Names.username("inconnu"), "pas le bon mot de passe");

        assertEquals(200, wrongPassword.status());
        assertEquals(200, unknownName.status());
        String expected = "Nom d'utilisateur ou mot de passe incorrect.";
        assertTrue(wrongPassword.mainText().contains(expected), wrongPassword.mainText());
        assertEquals(wrongPassword.html().select("#messages").text(), unknownName.html().select("#messages").text());
        assertEquals(name, wrongPassword.html().getElementById("login:username").val(), "the typed name is kept");
        assertEquals("", wrongPassword.html().getElementById("login:password").val(), "a password is never re-shown");
    }

    @Test
    void loginThenLogoutWithItsToken() throws Exception {
        String name = Names.username("entree");
        register(anonymous(), name, Names.email(name), PASSWORD);
        WebClient client = anonymous();

        Page loggedIn = login(client, name, PASSWORD);
        assertEquals(302, loggedIn.status());
        Page home = client.follow(loggedIn);
        assertEquals(name, headerName(home));
        assertEquals(200, client.get("/compte").status());

        Page forged = client.post("/deconnexion", Map.of("csrf", "pas-le-bon-jeton"));
        assertEquals(403, forged.status(), "logout without the session's token is refused");
        assertEquals(name, headerName(client.open("/")), "still logged in after a forged logout");

        String token = client.open("/").html().selectFirst("form#logout input[name=csrf]").val();
        Page loggedOut = client.post("/deconnexion", Map.of("csrf", token));
        assertEquals(303, loggedOut.status());
        Page after = client.follow(loggedOut);
        assertNull(headerName(after));
        assertNotNull(after.html().getElementById("login-link"));
        assertNotNull(after.html().getElementById("register-link"));
        assertTrue(after.mainText().contains("Vous êtes déconnecté·e"), after.mainText());
        Page protectedPage = client.get("/compte");
        assertEquals(302, protectedPage.status());
        assertTrue(protectedPage.location().contains("/connexion?retour="), protectedPage.location());
    }

    @Test
    void aLoggedInMemberTypingWrongCredentialsIsNotLoggedInByTheirSession() throws Exception {
        String name = Names.username("deja");
        WebClient client = anonymous();
        client.follow(register(client, name, Names.email(name), PASSWORD));
        Page wrong = login(client, name, "pas le bon mot de passe");
        assertEquals(200, wrong.status(), "the typed credentials are checked, not the session's login");
        assertTrue(wrong.mainText().contains("mot de passe incorrect"), wrong.mainText());
    }

    @Test
    void aProtectedPageStillRedirectsAfterAFailedLogin() throws Exception {
        WebClient client = anonymous();
        login(client, Names.username("personne"), "mauvais mot de passe");
        Page protectedPage = client.get("/compte");
        assertEquals(302, protectedPage.status(), "Soteria's leftover attribute is cleared on failure");
    }

    @Test
    void repeatedFailuresSlowDownThenTheRightPasswordWorks() throws Exception {
        String name = Names.username("lente");
        register(anonymous(), name, Names.email(name), PASSWORD);
        WebClient client = anonymous();
        for (int i = 0; i < 5; i++) {
            Page refused = login(client, name, "essai numéro " + i);
            assertTrue(refused.mainText().contains("mot de passe incorrect"), refused.mainText());
        }

        Page throttled = login(client, name, PASSWORD);
        assertEquals(429, throttled.status(), "refused (429 Too Many Requests) while throttled, even with the right password");
        assertTrue(throttled.mainText().contains("Trop de tentatives de connexion infructueuses"), throttled.mainText());
        Page otherClient = login(anonymous(), name.toUpperCase(), PASSWORD);
        assertTrue(otherClient.mainText().contains("Trop de tentatives"), "counted per name, whatever its case or session");

        Thread.sleep(TestDatabase.LOGIN_DELAY_SECONDS * 1000L + 500);
        assertEquals(302, login(client, name, PASSWORD).status(), "after the delay the right password works");
    }

    @Test
    void publicProfileShowsNameAndJoiningDate() throws Exception {
        String name = Names.username("Profil");
        register(anonymous(), name, Names.email(name), PASSWORD);

        Page profile = anonymous().get("/u/" + name.toLowerCase());
        assertEquals(200, profile.status());
        assertEquals(name, profile.html().getElementById("profile-name").ownText());
        assertTrue(profile.html().getElementById("profile-joined").text().startsWith("Membre depuis le "));
        assertEquals("Membre", profile.html().getElementById("profile-role").text());
        assertFalse(profile.body().contains(Names.email(name)), "the e-mail is never shown");

        Page otherSpelling = anonymous().get("/u/" + name.toUpperCase());
        assertEquals(302, otherSpelling.status());
        assertTrue(otherSpelling.location().endsWith("/u/" + name.toLowerCase()), otherSpelling.location());

        Page unknown = anonymous().get("/u/" + Names.username("absent"));
        assertEquals(404, unknown.status());
        assertTrue(unknown.mainText().contains("Page introuvable"), unknown.mainText());
    }

    @Test
    void membersEditTheirOwnSettings() throws Exception {
        String name = Names.username("reglages");
        WebClient client = anonymous();
        client.follow(register(client, name, Names.email(name), PASSWORD));
        TestMail.confirmAddress(client, Names.email(name));

        Page settings = client.get("/compte");
        assertEquals(Names.email(name), settings.form("profile").get("email"));

        Page renamed = settings.form("profile").set("displayName", "Camille — Les Jardins d'Ici").submit();
        assertEquals(302, renamed.status());
        Page after = client.follow(renamed);
        assertEquals("Camille — Les Jardins d'Ici", headerName(after));
        assertTrue(after.mainText().contains("Votre profil est enregistré"), after.mainText());

        String newEmail = Names.email(Names.username("nouvelle"));
        Page noPassword = client.get("/compte").form("profile").set("email", newEmail).submit();
        assertTrue(noPassword.mainText().contains("Le mot de passe actuel n'est pas le bon"), noPassword.mainText());
        assertEquals(newEmail, noPassword.form("profile").get("email"), "the typed e-mail is kept");
        Page withPassword = client.get("/compte").form("profile").set("email", newEmail).set("currentPassword", PASSWORD).submit();
        assertEquals(302, withPassword.status());
        assertTrue(client.follow(withPassword).mainText().contains("Un lien de confirmation part vers " + newEmail));
        assertTrue(client.get("/compte").mainText().contains("Votre adresse actuelle reste en service"));
        assertEquals(1, fr.mare.testing.Sql.count("SELECT COUNT(*) FROM account WHERE username = ? AND email = ?", name, Names.email(name)),
                "the new address replaces the old one only once its link is followed (#13)");
        TestMail.Received link = TestMail.awaitSubject(newEmail, "Confirmez votre nouvelle adresse");
        Page confirmed = client.get(link.localLink("/confirmer-adresse")).form("confirm").submit();
        assertEquals(302, confirmed.status(), confirmed.mainText());
        assertEquals(newEmail, client.get("/compte").form("profile").get("email"));
        TestMail.Received told = TestMail.awaitSubject(Names.email(name), "Votre adresse e-mail sur Mare a changé");
        assertTrue(told.text().contains(newEmail.charAt(0) + "…@"), "the old address is told, the new one masked: " + told.text());

        Page wrongCurrent = client.get("/compte").form("changePassword")
                .set("currentPassword", "pas le bon").set("password", "un nouveau secret bien long").submit();
        assertTrue(wrongCurrent.mainText().contains("Le mot de passe actuel n'est pas le bon"), wrongCurrent.mainText());
        Page changed = client.get("/compte").form("changePassword")
                .set("currentPassword", PASSWORD).set("password", "un nouveau secret bien long").submit();
        assertEquals(302, changed.status());
        assertEquals(302, login(anonymous(), name, "un nouveau secret bien long").status());
        assertEquals(200, login(anonymous(), name, PASSWORD).status(), "the old password no longer works");
    }

    @Test
    void settingsNeedALoginAndTheMemberComesBackToThem() throws Exception {
        String name = Names.username("retour");
        register(anonymous(), name, Names.email(name), PASSWORD);
        WebClient client = anonymous();
        Page page = client.get("/compte");
        assertEquals(302, page.status());
        assertTrue(page.location().endsWith("/connexion?retour=%2Fcompte"), page.location());

        Page loggedIn = client.follow(page).form("login").set("username", name).set("password", PASSWORD).submit();
        assertEquals(302, loggedIn.status());
        assertTrue(loggedIn.location().endsWith("/compte"), loggedIn.location());
        assertEquals(200, client.follow(loggedIn).status());
    }

    @Test
    void aReturnAddressNeverLeadsOutsideMare() throws Exception {
        String name = Names.username("ailleurs");
        register(anonymous(), name, Names.email(name), PASSWORD);
        for (String evil : List.of("https://exemple.invalid/", "//exemple.invalid/", "/\\exemple.invalid")) {
            Page loggedIn = anonymous().get("/connexion?retour=" + java.net.URLEncoder.encode(evil, java.nio.charset.StandardCharsets.UTF_8))
                    .form("login").set("username", name).set("password", PASSWORD).submit();
            assertEquals(302, loggedIn.status());
            assertEquals("/", loggedIn.location(), "goes home (a relative redirect) instead of " + evil);
        }
    }

    @Test
    void theConfiguredAdministratorExistsWithItsRole() throws Exception {
        WebClient client = anonymous();
        assertEquals(302, login(client, TestDatabase.ADMIN_USERNAME, TestDatabase.ADMIN_PASSWORD).status());
        Page profile = client.get("/u/" + TestDatabase.ADMIN_USERNAME);
        assertEquals("Administration", profile.html().getElementById("profile-role").text());
    }

    @Test
    void aFormPostedWithoutItsViewStateChangesNothing() throws Exception {
        String name = Names.username("forge");
        Page forged = anonymous().get("/inscription").form("register")
                .set("username", name).set("email", Names.email(name)).set("password", PASSWORD)
                .submitWithoutViewState();
        assertNotEquals(302, forged.status(), "no account is created by a cross-site post");
        assertEquals(404, anonymous().get("/u/" + name).status());
    }

}
