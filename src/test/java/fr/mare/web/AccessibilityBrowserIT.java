package fr.mare.web;

import fr.mare.testing.ChromiumIT;
import fr.mare.testing.Collectives;
import fr.mare.testing.Discussions;
import fr.mare.testing.Names;
import fr.mare.testing.TwoFactorCodes;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static fr.mare.testing.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * axe-core (WCAG 2.0 and 2.1, levels A and AA) on Mare's main templates in Chromium (#14): a
 * visitor's login, sign-up and home; then a member's (who moderates) home, topic (and its
 * « Supprimer » confirmation, focused), new topic with its errors, tutorial, history (and its
 * revert confirmation) and comparison, directory, collective, search, notifications and
 * moderation queue. Every page's violations are gathered, printed (rule, impact, targets), and the
 * test fails if there is any. axe runs from the copy bundled by {@code com.deque.html.axe-core:selenium}
 * (test scope, only that file is used), injected by WebDriver: no page loads a third-party script.
 */
class AccessibilityBrowserIT extends ChromiumIT {

    private static final String PASSWORD = "une phrase de passe tranquille";
    private static final String CATEGORY = "fichiers-partage-et-synchronisation";
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(function (r) {
              done(r.violations.map(function (v) {
                return v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(' | ');
              }));
            }, function (e) { done(['axe n\\'a pas pu tourner : ' + e]); });
            """;

    @Test
    void theMainTemplatesHaveNoViolations() throws Exception {
        WebClient karim = new WebClient(base.toURI());
        String name = karim.registerNewMember("axe", PASSWORD);
        sql("UPDATE account SET role = 'MODERATOR' WHERE username = ?", name);
        // A moderator acts as one once enrolled in the second factor (ADR 0023): logging in again enrols.
        assertEquals(302, new WebClient(base.toURI()).login(name, PASSWORD).status());
        String topic = Discussions.ask(karim, CATEGORY, "Partager un dossier sans compte " + Names.username("q"),
                "## Étapes\n\nOuvrez **Fichiers**, puis le menu du dossier.", "partage");
        WebClient neighbour = new WebClient(base.toURI());
        neighbour.registerNewMember("voisine", PASSWORD);
        long reply = Discussions.reply(neighbour, topic, null, "Avec un lien de partage, protégé par un mot de passe.");
        Discussions.reply(karim, topic, reply, "Merci, je vais essayer.");
        assertEquals(302, karim.get("/signaler?cible=post:" + reply).form("report").set("reason", "OFF_TOPIC").set("comment", "").submit().status());
        Page saved = karim.get("/tutoriels/nouveau").form("wiki").set("title", "Partager un dossier " + Names.username("t"))
                .set("section", CATEGORY).set("body", "## Étapes\n\nOuvrez Fichiers.").set("summary", "Première version").submit();
        assertEquals(302, saved.status(), saved.mainText());
        String tutorial = saved.location().substring(saved.location().indexOf("/tutoriels/"));
        assertEquals(302, karim.get(tutorial + "/modifier").form("wiki").set("body", "## Étapes\n\nOuvrez Fichiers, puis Partager.")
                .set("summary", "Plus précis").submit().status());
        String collective = Collectives.create(karim, "Jardin accessible " + Names.username("j").replace("-", ""));

        startBrowser();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // A page being replaced makes the focused element stale for a moment: wait through it.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        String axe = axeSource();
        Map<String, List<String>> found = new LinkedHashMap<>();

        audit(found, axe, "connexion", "/connexion");
        audit(found, axe, "inscription", "/inscription");
        audit(found, axe, "accueil (visiteur)", "/");

        open("/connexion");
        browser.findElement(By.id("login:username")).sendKeys(name);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.urlContains("/code-de-connexion"));
        found.put("code de connexion", run(axe));
        browser.findElement(By.id("secondFactor:code")).sendKeys(TwoFactorCodes.device(name).nextCode());
        browser.findElement(By.id("secondFactor:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-account")));

        audit(found, axe, "accueil", "/");
        audit(found, axe, "sujet", topic);
        // « Supprimer » asks first (#14): the confirmation takes the focus, under the post.
        var deletes = browser.findElements(By.cssSelector("button[name='thread-actions:delete']"));
        assertTrue(!deletes.isEmpty(), "a post this member may delete: " + browser.findElement(By.tagName("main")).getText());
        deletes.getFirst().click();
        wait.until(d -> "delete-confirm".equals(d.switchTo().activeElement().getDomAttribute("id")));
        found.put("sujet, confirmation de suppression", run(axe));
        open("/nouveau-sujet");
        browser.findElement(By.id("topic:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        found.put("nouveau sujet (erreurs)", run(axe));
        audit(found, axe, "tutoriel", tutorial);
        audit(found, axe, "historique du tutoriel", tutorial + "/historique");
        browser.findElement(By.id("revert-1")).click();
        wait.until(d -> "revert-confirm".equals(d.switchTo().activeElement().getDomAttribute("id")));
        found.put("historique, confirmation du retour", run(axe));
        audit(found, axe, "comparaison", tutorial + "/diff?de=1&a=2");
        audit(found, axe, "discussions", "/discussions?filtre=non-resolus");
        audit(found, axe, "voisins", "/voisins");
        audit(found, axe, "collectif", "/voisins/" + collective);
        audit(found, axe, "recherche", "/recherche?q=partage");
        audit(found, axe, "notifications", "/notifications");
        audit(found, axe, "file de modération", "/moderation");
        assertTrue(!browser.findElements(By.cssSelector(".queue-item")).isEmpty(),
                "the queue itself, with the report: " + browser.findElement(By.tagName("main")).getText());

        // The check itself: an image without a text alternative, added to the last page, is found.
        browser.executeScript("var i = document.createElement('img'); i.src = 'data:,'; document.querySelector('main').appendChild(i);");
        assertTrue(run(axe).stream().anyMatch(v -> v.startsWith("image-alt")), "axe really runs and reports");

        String report = found.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + " :\n  " + String.join("\n  ", e.getValue())).collect(Collectors.joining("\n"));
        System.out.println("[axe] " + found.size() + " pages, " + found.values().stream().mapToInt(List::size).sum() + " violations"
                + (report.isEmpty() ? "" : "\n" + report));
        assertTrue(report.isEmpty(), "axe (WCAG 2.1 A/AA) violations:\n" + report);
    }

    private void open(String path) throws Exception {
        browser.get(base.toURI().resolve(path.startsWith("/") ? path.substring(1) : path).toString());
    }

    private void audit(Map<String, List<String>> found, String axe, String label, String path) throws Exception {
        open(path);
        found.put(label + " (" + path + ")", run(axe));
    }

    @SuppressWarnings("unchecked")
    private List<String> run(String axe) {
        browser.executeScript(axe);
        Object result = browser.executeAsyncScript(RUN);
        assertNotNull(result, "axe answered");
        return (List<String>) result;
    }

    private static String axeSource() throws IOException {
        try (InputStream in = AccessibilityBrowserIT.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertNotNull(in, "axe.min.js from com.deque.html.axe-core:selenium (test scope)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
