package fr.mare.directory;

import fr.mare.testing.FormChecks;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * « Contacter ce collectif » end to end, as browsers without JavaScript: a member writes to a
 * collective from its profile, every current admin of the collective is notified, reads and
 * answers in Mare, the other side is notified of each message,
 * nobody else reads the conversation, no e-mail address ever appears, and a sender who reached
 * {@code mare.limits.contacts-per-day} (3 in tests, {@link TestDatabase#CONTACTS_PER_DAY}: no
 * other IT starts more than one conversation per sender) is told so with their text kept, as is
 * one who wrote {@code mare.limits.contact-replies-per-hour} messages in the hour.
 */
class ContactIT extends MareIT {

    private record Person(String username, WebClient client) {
        String email() {
            return Names.email(username);
        }
    }

    private Person person(String prefix) throws Exception {
        WebClient client = anonymous();
        return new Person(client.registerNewMember(prefix, PASSWORD), client);
    }

    /** Creates a collective administered by {@code admin} and returns its slug. */
    private static String collective(Person admin, String name) {
        return fr.mare.testing.Collectives.create(admin.client(), name);
    }

    /** Makes {@code member} a second admin of the collective (invited, accepts, appointed). */
    private static void appoint(Person admin, Person member, String slug) {
        String page = "/voisins/" + slug;
        assertEquals(302, admin.client().get(page).form("manage").set("username", member.username()).submit().status());
        assertEquals(302, member.client().get(page).form("invitation").submit().status());
        assertEquals(302, admin.client().get(page).form("manage").set("username", member.username()).submit("appoint").status());
    }

    /** Writes to a collective through its profile's link and returns the response to « Envoyer ». */
    private static Page write(Person sender, String slug, String subject, String body) {
        Element link = sender.client().get("/voisins/" + slug).html().getElementById("contact-link");
        assertNotNull(link, "a member who is not an admin may contact the collective");
        String href = link.attr("href");
        return sender.client().get(href.substring(href.indexOf("/messages"))).form("contact")
                .set("subject", subject).set("body", body).submit();
    }

    private static String conversationPath(Page sent) {
        assertEquals(302, sent.status(), sent.mainText());
        String location = sent.location();
        assertTrue(location.matches(".*/messages/[0-9]+$"), location);
        return location.substring(location.indexOf("/messages/"));
    }

    /** The texts and links of a member's notifications, newest first. */
    private static List<Element> notices(Person person) {
        Page page = person.client().get("/notifications");
        assertEquals(200, page.status());
        return page.html().select("li.notification a.notification-link");
    }

    private static void assertTold(Person person, String text, String conversation) {
        List<Element> links = notices(person);
        assertTrue(links.stream().anyMatch(a -> a.text().replace('\u00a0', ' ').equals(text)
                        && a.attr("href").contains(conversation + "#message-")),
                person.username() + " is told « " + text + " »: " + links);
    }

    private static void assertNoEmail(Page page, Person... people) {
        for (Person p : people) {
            assertFalse(page.body().contains(p.email()), "no e-mail address is ever shown: " + p.email());
        }
    }

    @Test
    void anEmptyMessageToACollectiveTellsBothFieldsAtOnce() throws Exception {
        Person alix = person("alixvide");
        Person sender = person("hative");
        String slug = collective(alix, "Jardin pressé " + Names.username("j").replace("-", ""));
        Page refused = write(sender, slug, "", "");
        FormChecks.everyFieldAtOnce(refused, "contact:subject", "contact:body");
        Page half = write(sender, slug, "", "Bonjour, une question sur vos outils.");
        FormChecks.everyFieldAtOnce(half, "contact:subject");
        assertTrue(half.html().getElementById("contact:body").text().contains("une question sur vos outils"), "the typed text stays");
    }

    @Test
    void aMemberWritesToACollectiveAndEveryAdminAnswersInMare() throws Exception {
        Person alix = person("alix");
        Person bao = person("bao");
        Person sender = person("curieuse");
        Person stranger = person("autre");
        String name = "Atelier vélo " + Names.username("v").replace("-", "");
        String slug = collective(alix, name);
        appoint(alix, bao, slug);

        assertNull(alix.client().get("/voisins/" + slug).html().getElementById("contact-link"), "admins do not contact themselves");
        Page own = alix.client().get("/messages/nouveau?collectif=" + slug);
        assertEquals(200, own.status());
        assertNotNull(own.html().getElementById("own-collective"));
        assertNull(own.html().getElementById("contact"), "no form for one's own collective");

        String conversation = conversationPath(write(sender, slug, "Prêter vos outils ?",
                "Bonjour, **pourriez-vous** nous prêter une pompe ?"));
        Page mine = sender.client().get(conversation);
        assertEquals(200, mine.status());
        Document html = mine.html();
        assertEquals("Prêter vos outils ?", html.getElementById("conversation-subject").text());
        // The layout's flash list is #messages: the conversation's list has an id of its own (found by JourneysBrowserIT).
        assertEquals(java.util.Set.of(), fr.mare.testing.PageChecks.repeatedIds(html), "each id once, the « envoyé » message shown or not");
        assertEquals("pourriez-vous", html.selectFirst("#conversation-messages .post-body strong").text(), "Markdown through the pipeline");
        assertTrue(html.getElementById("conversation-parties").text().contains(name));
        assertNull(html.selectFirst("#conversation-messages a.report-link"), "nobody reports their own message");
        assertNoEmail(mine, alix, bao, sender);

        String senderName = sender.client().get("/messages").html().getElementById("current-account").text();
        for (Person admin : List.of(alix, bao)) {
            assertTold(admin, senderName + " écrit à votre collectif " + name + " : « Prêter vos outils ? »", conversation);
            Page list = admin.client().get("/messages");
            assertEquals(200, list.status());
            Element row = list.html().selectFirst("#conversations a.conversation-subject[href$=" + conversation + "]");
            assertNotNull(row, "every current admin finds the conversation in their list");
            assertNoEmail(list, sender);
            Page read = admin.client().get(conversation);
            assertEquals(200, read.status());
            Element report = read.html().selectFirst("#conversation-messages a.report-link");
            assertNotNull(report, "admins may report the sender's message");
            assertTrue(report.attr("href").matches(".*/signaler\\?cible=message:[0-9]+$"), report.attr("href"));
            assertNoEmail(read, sender);
        }

        Page answered = alix.client().get(conversation).form("reply").set("body", "Avec plaisir, passez *jeudi*.").submit();
        assertEquals(302, answered.status(), answered.mainText());
        String alixName = alix.client().get("/messages").html().getElementById("current-account").text();
        assertTold(sender, alixName + " a répondu dans « Prêter vos outils ? » (" + name + ")", conversation);
        assertTrue(notices(bao).stream().noneMatch(a -> a.text().contains("a répondu")), "an admin's answer goes to the sender only");
        Document thread = sender.client().get(conversation).html();
        assertEquals(2, thread.select("#conversation-messages article.contact-message").size());
        assertEquals("jeudi", thread.select("#conversation-messages .post-body em").last().text());
        assertNotNull(thread.selectFirst("#conversation-messages a.report-link"), "the sender may report the admin's answer");
        assertEquals(302, sender.client().get(conversation).form("reply").set("body", "Merci !").submit().status());
        assertEquals(3, bao.client().get(conversation).html().select("#conversation-messages article.contact-message").size());
        for (Person admin : List.of(alix, bao)) {
            assertTold(admin, senderName + " a répondu dans « Prêter vos outils ? » (" + name + ")", conversation);
        }
        assertTrue(notices(stranger).isEmpty(), "nobody else is told");

        assertEquals(404, stranger.client().get(conversation).status(), "a member who is no party does not even learn it exists");
        assertNull(stranger.client().get("/messages").html().selectFirst("#conversations"));
        Page anonymous = anonymous().get(conversation);
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.location().contains("/connexion"), anonymous.location());
        assertEquals(404, sender.client().get("/messages/999999999").status());
        assertEquals(404, sender.client().get("/messages/pas-un-nombre").status());
    }

    @Test
    void anonymousVisitorsLogInFirstAndComeBackToTheForm() throws Exception {
        Person alix = person("hote");
        String slug = collective(alix, "Repair café " + Names.username("r").replace("-", ""));
        Element link = anonymous().get("/voisins/" + slug).html().getElementById("contact-link");
        assertNotNull(link, "anonymous visitors see the link too");
        String href = link.attr("href");
        Page redirected = anonymous().get(href.substring(href.indexOf("/messages")));
        assertEquals(302, redirected.status());
        String location = URLDecoder.decode(redirected.location(), StandardCharsets.UTF_8);
        assertTrue(location.contains("/connexion?retour=/messages/nouveau?collectif=" + slug), location);
    }

    @Test
    void aSenderWhoReachedTheDailyLimitIsToldAndKeepsTheText() throws Exception {
        Person alix = person("limite");
        String slug = collective(alix, "Jardin limite " + Names.username("j").replace("-", ""));
        Person sender = person("bavarde");
        for (int i = 1; i <= TestDatabase.CONTACTS_PER_DAY; i++) {
            conversationPath(write(sender, slug, "Question numéro " + i, "Texte " + i));
        }
        Page refused = write(sender, slug, "Une de trop", "Ce texte doit rester là.");
        assertEquals(429, refused.status(), "429 Too Many Requests, the form kept");
        assertTrue(refused.mainText().contains("Vous avez déjà écrit à " + TestDatabase.CONTACTS_PER_DAY
                + " collectifs dans les dernières 24 heures"), refused.mainText());
        assertEquals("Une de trop", refused.form("contact").get("subject"), "the subject is kept");
        assertEquals("Ce texte doit rester là.", refused.form("contact").get("body"), "the message is kept");

        String conversation = alix.client().get("/messages").html().selectFirst("#conversations a.conversation-subject").attr("href");
        assertEquals(302, sender.client().get(conversation.substring(conversation.indexOf("/messages")))
                .form("reply").set("body", "Une réponse reste possible.").submit().status(), "replies have their own limit");
    }

    @Test
    void messagesInConversationsHaveTheirOwnHourlyLimit() throws Exception {
        Person alix = person("horaire");
        String slug = collective(alix, "Fablab horaire " + Names.username("f").replace("-", ""));
        Person sender = person("prolixe");
        String conversation = conversationPath(write(sender, slug, "Beaucoup de questions", "Première question."));
        long id = Long.parseLong(conversation.substring(conversation.lastIndexOf('/') + 1));
        int copies = TestDatabase.CONTACT_MESSAGES_PER_HOUR - 1;
        // Earlier messages of this sender, twenty minutes ago: the hour's count reaches the limit.
        try (Connection db = TestDatabase.connect();
             PreparedStatement copy = db.prepareStatement("INSERT INTO contact_message (conversation_id, author_id,"
                     + " body_markdown, body_html, renderer_version, created_at) SELECT conversation_id, author_id,"
                     + " body_markdown, body_html, renderer_version, created_at - INTERVAL 20 MINUTE"
                     + " FROM contact_message JOIN seq_1_to_" + copies + " s WHERE conversation_id = ?")) {
            copy.setLong(1, id);
            assertEquals(copies, copy.executeUpdate());
        }
        Page refused = sender.client().get(conversation).form("reply").set("body", "Encore une, gardée.").submit();
        assertEquals(429, refused.status(), "429 Too Many Requests, the form kept");
        assertTrue(refused.mainText().contains("Vous avez déjà envoyé " + TestDatabase.CONTACT_MESSAGES_PER_HOUR
                + " messages à des collectifs dans la dernière heure"), refused.mainText());
        assertEquals("Encore une, gardée.", refused.form("reply").get("body"), "the text is kept");
        assertEquals(302, alix.client().get(conversation).form("reply").set("body", "Les admins répondent toujours.").submit().status(),
                "the limit is the sender's, not the conversation's");
    }

    @Test
    void aMessageHiddenByModerationShowsWhyNotItsText() throws Exception {
        Person alix = person("moderee");
        String slug = collective(alix, "Chorale masquée " + Names.username("c").replace("-", ""));
        Person sender = person("impoli");
        String conversation = conversationPath(write(sender, slug, "Un message déplacé", "Un texte qui sera masqué."));
        try (Connection db = TestDatabase.connect();
             PreparedStatement hide = db.prepareStatement("UPDATE contact_message SET hidden_at = NOW(6), hidden_by = author_id,"
                     + " hidden_reason = 'propos injurieux' WHERE conversation_id = ?")) {
            hide.setLong(1, Long.parseLong(conversation.substring(conversation.lastIndexOf('/') + 1)));
            assertEquals(1, hide.executeUpdate());
        }
        String text = alix.client().get(conversation).mainText();
        assertTrue(text.contains("Masqué par la modération : propos injurieux"), text);
        assertFalse(text.contains("Un texte qui sera masqué."), text);
    }
}
