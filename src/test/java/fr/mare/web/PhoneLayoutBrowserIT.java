package fr.mare.web;

import fr.mare.testing.Chromium;
import fr.mare.testing.Collectives;
import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.mare.testing.Sql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mare on a 320-px phone (#14, WCAG 1.4.10 « Reflow »): every main template, as a visitor, a
 * member, a moderator and the administrator, fits the width of the window (no sideways scroll;
 * a wide table scrolls inside its own box, long words and addresses wrap), and no page asks
 * anything of another host than Mare's. The header's menu opens, closes and reaches its links.
 */
class PhoneLayoutBrowserIT extends MareIT {

    private static final int PHONE = 320;
    private static final String CATEGORY = "fichiers-partage-et-synchronisation";
    /** A word and an address longer than any phone: user content must wrap them. */
    private static final String LONG_WORD = "Anticonstitutionnellement".repeat(6);
    private static final String LONG_URL = "https://partage.exemple.org/s/" + "x7Yq2".repeat(30);

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyTemplateFitsAPhoneAndAsksNoOtherHost() throws Exception {
        browser = Chromium.start();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE, "height", 740, "deviceScaleFactor", 1, "mobile", false));

        // What the pages show: a discussion with a nested reply, a tutorial in two versions, a
        // collective, a report, a conversation — each with a long word, an address and a table.
        Member author = member("Ninon");
        Member neighbour = member("Gaspard");
        String rich = "Un mot très long : " + LONG_WORD + " et une adresse : " + LONG_URL + "\n\n"
                + "| Jour | Matin | Midi | Après-midi | Soir | Nuit | Remarque |\n|---|---|---|---|---|---|---|\n"
                + "| lundi | " + "permanence | ".repeat(5) + LONG_WORD + " |\n";
        String topic = Discussions.ask(author.client(), CATEGORY, "Partager un dossier avec le bureau", rich, "partage-bureau");
        long answer = Discussions.reply(neighbour.client(), topic, null, "Essayez les dossiers de groupe. " + LONG_URL);
        long nested = Discussions.reply(author.client(), topic, answer, "Merci, et pour les droits ? " + LONG_WORD);
        String tutorial = tutorial(author.client(), rich);
        String collective = Collectives.create(author.client(), "Les Jardins Partagés de la Rue des " + LONG_WORD.substring(0, 40));
        Page reported = neighbour.client().get("/signaler?cible=post:" + nested).form("report")
                .set("reason", "OFF_TOPIC").set("comment", "Hors sujet ? " + LONG_WORD).submit();
        assertEquals(302, reported.status(), reported.mainText());
        String conversation = contact(neighbour.client(), collective, rich);
        Member moderator = moderator("Sidonie");
        WebClient admin = admin();
        String authorId = text("SELECT id FROM account WHERE username = ?", author.name());

        Map<String, WebClient> people = new LinkedHashMap<>();
        Map<String, List<String>> pages = new LinkedHashMap<>();
        people.put("visiteur", anonymous());
        pages.put("visiteur", List.of("/", topic, "/c/" + CATEGORY, "/discussions", "/tag/partage-bureau", "/historique/" + answer,
                "/tutoriels", "/tutoriels/" + tutorial, "/tutoriels/" + tutorial + "/historique",
                "/tutoriels/" + tutorial + "/diff?de=1&a=2", "/voisins", "/voisins?q=jardins", "/voisins/" + collective,
                "/recherche?q=dossier", "/connexion", "/inscription", "/mot-de-passe-oublie", "/u/" + author.name(),
                "/nouveau-mot-de-passe?jeton=perime", "/confirmer-adresse?jeton=perime", "/compte-supprime",
                "/cette-page-n-existe-pas"));
        people.put("membre", author.client());
        pages.put("membre", List.of("/", topic, topic + "?repondre=" + answer, "/nouveau-sujet", "/notifications",
                "/messages", conversation, "/compte", "/mes-donnees", "/double-authentification", "/tutoriels/nouveau",
                "/tutoriels/" + tutorial + "/modifier", "/tutoriels/a-revoir", "/voisins/nouveau",
                "/voisins/" + collective, "/voisins/" + collective + "/modifier", "/admin/categories" /* 403 */));
        people.put("voisin", neighbour.client());
        pages.put("voisin", List.of("/moderation/mes-signalements", "/signaler?cible=post:" + answer,
                "/messages/nouveau?collectif=" + collective));
        people.put("modération", moderator.client());
        pages.put("modération", List.of("/moderation", "/moderation/cible?cible=post:" + nested, "/moderation/journal",
                "/tutoriels/liens-casses", topic));
        people.put("administration", admin);
        pages.put("administration", List.of("/admin/categories", "/admin/comptes", "/admin/comptes?compte=" + authorId,
                "/admin/domaines", "/admin/courriels", "/admin/recherche"));

        String widest = resource("widest.js");
        List<String> failures = new ArrayList<>();
        int seen = 0;
        for (Map.Entry<String, WebClient> person : people.entrySet()) {
            browseAs(person.getValue());
            for (String path : pages.get(person.getKey())) {
                browser.get(base.toURI().resolve(path.substring(1)).toString());
                assertFalse(browser.getCurrentUrl().contains("/connexion") && !path.equals("/connexion"),
                        person.getKey() + " sent to the login page from " + path);
                long scrollWidth = number("return document.documentElement.scrollWidth");
                long innerWidth = number("return window.innerWidth");
                if (scrollWidth > innerWidth) {
                    failures.add(person.getKey() + " " + path + " : " + scrollWidth + " px > " + innerWidth + " px ; "
                            + browser.executeScript(widest, innerWidth));
                }
                Object elsewhere = browser.executeScript("""
                        return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                            .map(function (e) { return e.name; })
                            .filter(function (u) { var h = new URL(u).hostname;
                                return !(h === '127.0.0.1' || h === 'localhost' || h === '[::1]'); }).join(' ')""");
                if (!elsewhere.toString().isEmpty()) {
                    failures.add(person.getKey() + " " + path + " asked another host: " + elsewhere);
                }
                seen++;
            }
        }
        assertTrue(failures.isEmpty(), "at " + PHONE + " px, of " + seen + " pages:\n" + String.join("\n", failures));
        assertTrue(seen >= 53, "pages seen: " + seen);
    }

    /** #14: on a phone the header is one line, « Menu » opens it (no JavaScript needed), Escape closes it. */
    @Test
    void theHeaderMenuOpensReachesItsLinksAndCloses() throws Exception {
        browser = Chromium.start();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 740, "deviceScaleFactor", 1, "mobile", false));
        browseAs(loggedIn("Hortense"));
        browser.get(base.toString());

        WebElement toggle = browser.findElement(By.id("site-menu-toggle"));
        long headerHeight = number("return document.querySelector('.site-header').getBoundingClientRect().height");
        assertTrue(headerHeight <= 80, "the phone header is one line: " + headerHeight + " px");
        assertFalse(browser.findElement(By.id("notifications-link")).isDisplayed(), "folded at first");

        toggle.click();
        assertTrue(browser.findElement(By.id("site-menu")).getDomAttribute("open") != null);
        assertTrue(browser.findElement(By.id("notifications-link")).isDisplayed());
        assertTrue(browser.findElement(By.id("header-search-q")).isDisplayed(), "the search box is in the menu");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("Accueil", browser.switchTo().activeElement().getText(), "Tab goes from « Menu » into the menu");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertFalse(browser.findElement(By.id("notifications-link")).isDisplayed(), "Escape closes the menu");
        assertEquals("site-menu-toggle", browser.switchTo().activeElement().getDomAttribute("id"), "and gives the focus back");
        String outline = browser.executeScript("return getComputedStyle(document.activeElement).outlineStyle").toString();
        assertEquals("solid", outline, "the focus on « Menu » is visible");

        toggle.click();
        browser.findElement(By.id("notifications-link")).click();
        assertTrue(browser.getCurrentUrl().endsWith("/notifications"), browser.getCurrentUrl());

        // On a wide screen the same header shows everything, without « Menu ».
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        browser.get(base.toString());
        assertFalse(browser.findElement(By.id("site-menu-toggle")).isDisplayed());
        assertTrue(browser.findElement(By.id("notifications-link")).isDisplayed());
        assertTrue(browser.findElement(By.id("header-search-q")).isDisplayed());
    }

    /** The browser takes over {@code client}'s session (its cookies), or no session for a visitor. */
    private void browseAs(WebClient client) throws Exception {
        browser.get(base.toString());
        browser.manage().deleteAllCookies();
        for (String name : List.of("JSESSIONID", "MARE_SESSION")) {
            client.cookie(name).ifPresent(value -> browser.manage().addCookie(new Cookie(name, value, base.getPath())));
        }
    }

    private long number(String script) {
        return ((Number) browser.executeScript(script)).longValue();
    }

    private static String tutorial(WebClient author, String body) {
        Page saved = author.get("/tutoriels/nouveau").form("wiki").set("title", "Ranger les " + LONG_WORD.substring(0, 50))
                .set("section", CATEGORY).set("level", "debutant").set("audience", "MEMBRE").set("body", body)
                .set("summary", "v1").submit();
        assertEquals(302, saved.status(), saved.mainText());
        String path = saved.location().substring(saved.location().indexOf("/tutoriels/"));
        Page edited = author.get(path + "/modifier").form("wiki").set("body", body + "\n\nDeuxième version, " + LONG_URL)
                .set("summary", "v2 " + LONG_WORD).submit();
        assertEquals(302, edited.status(), edited.mainText());
        return path.substring("/tutoriels/".length());
    }

    private static String contact(WebClient sender, String collective, String body) {
        Page sent = sender.get("/messages/nouveau?collectif=" + collective).form("contact")
                .set("subject", "Une question " + LONG_WORD.substring(0, 75)).set("body", body).submit();
        assertEquals(302, sent.status(), sent.mainText());
        return sent.location().substring(sent.location().indexOf("/messages/"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PhoneLayoutBrowserIT.class.getResourceAsStream("/fr/mare/testing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
