package fr.mare.web;

import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site as a whole: French layout and URLs, self-hosted assets, security headers, error
 * pages that keep what people typed, health, and a database outage answered calmly.
 */
class SiteIT extends MareIT {

    @Test
    void homePageIsFrenchWithLandmarksAndTheAccountLinks() throws Exception {
        Page home = anonymous().get("/");
        assertEquals(200, home.status());
        Document html = home.html();
        assertEquals("fr", html.selectFirst("html").attr("lang"));
        assertEquals("Bienvenue sur Mare", html.selectFirst("h1").text());
        assertNotNull(html.selectFirst("a.skip-link[href=#contenu]"), "skip link");
        assertNotNull(html.selectFirst("header nav[aria-label] a"), "navigation");
        assertNotNull(html.selectFirst("main#contenu"), "main landmark");
        assertNotNull(html.selectFirst("footer"));
        assertTrue(html.selectFirst("nav").text().contains("Discussions"));
        assertNotNull(html.selectFirst("a#login-link[href$=/connexion]"));
        assertNotNull(html.selectFirst("a#register-link[href$=/inscription]"));
    }

    @Test
    void frenchUnderLangFrWhateverTheBrowserPrefers() throws Exception {
        Page english = anonymous().acceptLanguage("en-GB,en;q=0.8,fr;q=0.5").get("/");
        assertEquals("fr", english.html().selectFirst("html").attr("lang"), "no English interface until it is complete (#14)");
        assertTrue(english.html().selectFirst("nav").text().contains("Discussions"));
        assertNotNull(english.html().selectFirst("a#login-link:contains(Se connecter)"), "the French interface, not a mix");
        assertEquals("fr", anonymous().acceptLanguage("en-GB,en;q=0.8,fr;q=0.5").get("/").html().selectFirst("html").attr("lang"));
        assertEquals("fr", anonymous().acceptLanguage("de-DE,de;q=0.9").get("/").html().selectFirst("html").attr("lang"));
        assertEquals("fr", anonymous().acceptLanguage("fr-CA,en;q=0.5").get("/").html().selectFirst("html").attr("lang"));
    }

    @Test
    void urlsAreExtensionless() throws Exception {
        Page withExtension = anonymous().get("/connexion.xhtml");
        assertEquals(301, withExtension.status());
        assertTrue(withExtension.location().endsWith("/connexion"), withExtension.location());
        assertEquals(200, anonymous().get("/inscription").status());
        assertEquals(200, anonymous().get("/connexion").status());
    }

    @Test
    void everyAssetIsServedByMareItself() throws Exception {
        WebClient client = anonymous();
        for (String path : List.of("/", "/connexion", "/inscription", "/u/" + TestDatabase.ADMIN_USERNAME)) {
            Page page = client.get(path);
            assertEquals(200, page.status(), path);
            for (Element element : page.html().select("[src], link[href], script, img, iframe, object, embed")) {
                String url = element.hasAttr("src") ? element.absUrl("src") : element.absUrl("href");
                if (url.isEmpty()) {
                    continue;
                }
                URI uri = URI.create(url);
                assertEquals(base.getHost(), uri.getHost(), "asset from another host on " + path + ": " + element);
                assertEquals(200, client.get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())).status(),
                        "asset answers: " + url);
            }
        }
    }

    @Test
    void securityHeadersForbidThirdPartiesAndFraming() throws Exception {
        Page page = anonymous().get("/");
        String csp = page.header("Content-Security-Policy");
        assertNotNull(csp);
        assertTrue(csp.contains("default-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertEquals("same-origin", page.header("Referrer-Policy"));
    }

    @Test
    void unknownPagesAnswerAFrench404WithoutStackTrace() throws Exception {
        for (String path : List.of("/page-qui-n-existe-pas", "/u/", "/WEB-INF/web.xml", "/u/" + Names.username("fantome"))) {
            Page page = anonymous().get(path);
            assertEquals(404, page.status(), path);
            assertTrue(page.mainText().contains("Page introuvable"), path + ": " + page.mainText());
            assertNoStackTrace(page);
        }
    }

    /**
     * #14: the RGAA statement, at /accessibilite, is linked from the footer of every page — the
     * error pages too — with its conformity state in the link, and a visitor reads it without a
     * session (it is a kept page, ADR 0019).
     */
    @Test
    void theAccessibilityStatementIsLinkedFromEveryPageAndCostsNoSession() throws Exception {
        for (String path : List.of("/", "/connexion", "/tutoriels", "/page-qui-n-existe-pas", "/accessibilite")) {
            Element link = anonymous().get(path).html().getElementById("accessibility-link");
            assertNotNull(link, "the footer's link on " + path);
            assertTrue(link.attr("href").endsWith("/accessibilite"), link.toString());
            assertEquals("Accessibilité : non conforme", link.text().replace('\u00a0', ' '), "the link says the state, as the RGAA asks");
        }
        Page statement = anonymous().get("/accessibilite");
        assertEquals(200, statement.status());
        assertNull(statement.header("Set-Cookie"), "no session for a visitor");
        Document html = statement.html();
        assertEquals("fr", html.selectFirst("html").attr("lang"));
        assertEquals("Déclaration d'accessibilité", html.selectFirst("h1").text());
        assertEquals(List.of("État de conformité", "Résultats des tests", "Contenus non accessibles",
                "Établissement de cette déclaration", "Retour d'information et contact", "Voies de recours"),
                html.select("main h2").eachText(), "the sections of the RGAA 4.1 model, in its order");
        assertTrue(html.getElementById("conformity-state").text().contains("non conforme"),
                "no audit of the 106 criteria yet: the RGAA says « non conforme »");
        assertTrue(html.getElementById("conformity-state").text().contains("RGAA), version 4.1"));
        assertTrue(html.getElementById("established-date").text().contains("2 décembre 2026"));
        Element contact = html.getElementById("accessibility-contact");
        assertTrue(contact.attr("href").endsWith("/nouveau-sujet?categorie=vie-du-forum"),
                "without MARE_ACCESSIBILITY_CONTACT, a discussion in « Vie du forum »: " + contact);
        assertTrue(html.select("#remedies a[href^=https://formulaire.defenseurdesdroits.fr]").size() == 1, "the Défenseur des droits");
        assertTrue(html.getElementById("remedies").text().contains("Libre réponse 71120"));
    }

    @Test
    void healthIsUpWithTheDatabaseCheck() throws Exception {
        Page health = anonymous().get("/health");
        assertEquals(200, health.status());
        assertTrue(health.body().contains("\"status\":\"UP\""), health.body());
        assertTrue(health.body().contains("base-de-donnees"), health.body());
    }

    @Test
    void anExpiredFormReShowsWhatWasTyped() throws Exception {
        WebClient client = anonymous();
        WebClient.Form form = client.get("/inscription").form("register")
                .set("username", "Bénédicte").set("email", "benedicte@example.org").set("password", "secret qui ne revient pas");
        form.set("jakarta.faces.ViewState", "0:0");
        Page expired = form.submit();

        assertEquals(400, expired.status());
        assertTrue(expired.mainText().contains("Votre formulaire a expiré"), expired.mainText());
        Document html = expired.html();
        assertEquals("Bénédicte", html.selectFirst("textarea.typed-username").text());
        assertEquals("benedicte@example.org", html.selectFirst("textarea.typed-email").text());
        assertFalse(expired.body().contains("secret qui ne revient pas"), "passwords are never echoed");
        assertNoStackTrace(expired);
    }

    @Test
    void aDatabaseOutageAnswers503CalmlyThenMareRecovers() throws Exception {
        Assumptions.assumeTrue(TestDatabase.restartable(), "needs the embedded test database, which this test stops and restarts");
        WebClient client = anonymous();
        WebClient.Form form = client.get("/inscription").form("register")
                .set("username", "Anaïs").set("email", "anais@example.org").set("password", "pendant la panne");
        TestDatabase.stop();
        try {
            Page profile = client.get("/u/" + TestDatabase.ADMIN_USERNAME);
            assertEquals(503, profile.status());
            assertTrue(profile.mainText().contains("Mare fait une courte pause"), profile.mainText());
            assertNoStackTrace(profile);

            Page posted = form.submit();
            assertEquals(503, posted.status());
            assertEquals("Anaïs", posted.html().selectFirst("textarea.typed-username").text(), "the typed text is re-shown");
            assertFalse(posted.body().contains("pendant la panne"));

            assertEquals(503, client.get("/health").status(), "readiness is DOWN while the database is away");
        } finally {
            TestDatabase.start();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int status = 0;
        while (Instant.now().isBefore(deadline) && status != 200) {
            Thread.sleep(500);
            status = client.get("/u/" + TestDatabase.ADMIN_USERNAME).status();
        }
        assertEquals(200, status, "pages work again once the database is back");
        assertEquals(200, client.get("/health").status());
    }

    private static void assertNoStackTrace(Page page) {
        assertFalse(page.body().contains("Exception"), "no exception name shown");
        assertFalse(page.body().contains("\tat "), "no stack trace shown");
    }
}
