package fr.mare.testing;

import fr.mare.testing.MareIT.Member;
import fr.mare.testing.WebClient.Page;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fr.mare.testing.Sql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The site's pages for the browser suites (#14), one list for all: {@code AccessibilityBrowserIT}
 * (axe-core) and {@code PhoneLayoutBrowserIT} (320 px, other hosts) open the same pages as the same
 * people — a visitor, a member, a neighbour, the moderation and the administration. The content is
 * made through Mare's own forms and is hard on a layout: a discussion with a nested reply, a
 * tutorial in two versions, a collective, a report and a conversation, each with a word and an
 * address longer than a phone and a wide table.
 * <p>
 * A page added to Mare belongs here; the states a page only reaches by acting (a refused form, a
 * preview, a confirmation step) are the browser tests' own.
 */
public final class SitePages {

    public static final String CATEGORY = "fichiers-partage-et-synchronisation";
    /** A word and an address longer than any phone: user content must wrap them. */
    public static final String LONG_WORD = "Anticonstitutionnellement".repeat(6);
    public static final String LONG_URL = "https://partage.exemple.org/s/" + "x7Yq2".repeat(30);

    /** One page as one person sees it. */
    public record Visit(String person, String path) {
        @Override
        public String toString() {
            return person + " " + path;
        }
    }

    public final Member author;
    public final Member neighbour;
    public final Member moderator;
    /** {@code /t/{id}/{slug}} of the discussion the author asked. */
    public final String topic;
    /** The neighbour's answer to it, and the author's reply to the answer (reported by the neighbour). */
    public final long answer;
    public final long nested;
    /** The slug of the author's tutorial (two versions), of the author's collective, and the conversation's address. */
    public final String tutorial;
    public final String collective;
    public final String conversation;

    private final Map<String, WebClient> people = new LinkedHashMap<>();
    private final List<Visit> visits = new ArrayList<>();

    /** Makes the content and the people through {@code test}'s deployment (each call: new people, new content). */
    public SitePages(MareIT test) throws Exception {
        author = test.member("Ninon");
        neighbour = test.member("Gaspard");
        String rich = "Un mot très long : " + LONG_WORD + " et une adresse : " + LONG_URL + "\n\n"
                + "| Jour | Matin | Midi | Après-midi | Soir | Nuit | Remarque |\n|---|---|---|---|---|---|---|\n"
                + "| lundi | " + "permanence | ".repeat(5) + LONG_WORD + " |\n";
        topic = Discussions.ask(author.client(), CATEGORY, "Partager un dossier avec le bureau", rich, "partage-bureau");
        answer = Discussions.reply(neighbour.client(), topic, null, "Essayez les dossiers de groupe. " + LONG_URL);
        nested = Discussions.reply(author.client(), topic, answer, "Merci, et pour les droits ? " + LONG_WORD);
        tutorial = tutorial(author.client(), rich);
        // Its address comes from the start of its name: unique there, in the database the test classes share.
        collective = Collectives.create(author.client(), "Jardins " + Names.username("n").replace("-", " ")
                + " de la Rue des " + LONG_WORD.substring(0, 40));
        Page reported = neighbour.client().get("/signaler?cible=post:" + nested).form("report")
                .set("reason", "OFF_TOPIC").set("comment", "Hors sujet ? " + LONG_WORD).submit();
        assertEquals(302, reported.status(), reported.mainText());
        conversation = contact(neighbour.client(), collective, rich);
        moderator = test.moderator("sidonie");
        WebClient admin = test.admin();
        String authorId = text("SELECT id FROM account WHERE username = ?", author.name());

        add("visiteur", test.anonymous(), "/", topic, "/c/" + CATEGORY, "/discussions", "/tag/partage-bureau", "/historique/" + answer,
                "/tutoriels", "/tutoriels/" + tutorial, "/tutoriels/" + tutorial + "/historique",
                "/tutoriels/" + tutorial + "/diff?de=1&a=2", "/voisins", "/voisins?q=jardins", "/voisins/" + collective,
                "/recherche?q=dossier", "/connexion", "/inscription", "/mot-de-passe-oublie", "/u/" + author.name(),
                "/nouveau-mot-de-passe?jeton=perime", "/confirmer-adresse?jeton=perime", "/compte-supprime",
                "/accessibilite", "/cette-page-n-existe-pas");
        add("membre", author.client(), "/", topic, topic + "?repondre=" + answer, topic + "?modifier=" + nested,
                "/nouveau-sujet", "/notifications", "/messages", conversation, "/compte", "/mes-donnees",
                "/double-authentification", "/tutoriels/nouveau", "/tutoriels/" + tutorial + "/modifier", "/tutoriels/a-revoir",
                "/voisins/nouveau", "/voisins/" + collective, "/voisins/" + collective + "/modifier", "/admin/categories" /* 403 */);
        add("voisin", neighbour.client(), "/moderation/mes-signalements", "/signaler?cible=post:" + answer,
                "/messages/nouveau?collectif=" + collective);
        add("modération", moderator.client(), "/moderation", "/moderation/cible?cible=post:" + nested, "/moderation/journal",
                "/tutoriels/liens-casses", topic);
        add("administration", admin, "/admin/categories", "/admin/comptes", "/admin/comptes?compte=" + authorId,
                "/admin/domaines", "/admin/courriels", "/admin/recherche");
    }

    private void add(String person, WebClient client, String... paths) {
        people.put(person, client);
        for (String path : paths) {
            visits.add(new Visit(person, path));
        }
    }

    /** Every page, grouped by person in the order above. */
    public List<Visit> visits() {
        return List.copyOf(visits);
    }

    /** The browser of {@code person} (a key of {@link #visits()}). */
    public WebClient client(String person) {
        return people.get(person);
    }

    /** {@code browser} takes over {@code person}'s session, or none for the visitor. */
    public void browseAs(ChromeDriver browser, String base, String person) {
        browseAs(browser, base, people.get(person));
    }

    /** {@code browser} takes over {@code client}'s session (its cookies), or none for a visitor. */
    public static void browseAs(ChromeDriver browser, String base, WebClient client) {
        browser.get(base);
        browser.manage().deleteAllCookies();
        String path = java.net.URI.create(base).getPath();
        for (String name : List.of("JSESSIONID", "MARE_SESSION")) {
            client.cookie(name).ifPresent(value -> browser.manage().addCookie(new Cookie(name, value, path)));
        }
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
}
