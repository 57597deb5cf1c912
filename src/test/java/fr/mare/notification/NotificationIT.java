package fr.mare.notification;

import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications end to end, as members see them: the unread count in the header, the
 * {@code /notifications} page and its links to the posts, marking read, and who is (not) told.
 */
class NotificationIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    private static String ask(Member member, String title, String body) {
        return Discussions.ask(member.client(), CATEGORY, title, body, null);
    }

    private static long reply(Member member, String topic, Long to, String body) {
        return Discussions.reply(member.client(), topic, to, body);
    }

    private static void like(Member member, String topic, long post) {
        assertEquals(302, member.client().get(topic).formAround("likes-" + post).submit("like").status());
    }

    /** The header's unread count on any page, or null when the badge is absent. */
    private static String unreadCount(Member member) {
        Document home = member.client().get("/").html();
        assertNotNull(home.getElementById("notifications-link"), "members always see the link");
        Element count = home.getElementById("unread-count");
        return count == null ? null : count.text();
    }

    private static List<Element> notifications(Member member) {
        Page page = member.client().get("/notifications");
        assertEquals(200, page.status());
        return page.html().select("li.notification");
    }

    private static Element only(Member member) {
        List<Element> all = notifications(member);
        assertEquals(1, all.size(), all.toString());
        return all.getFirst();
    }

    private static long idOf(Element notification) {
        return Long.parseLong(notification.id().substring("notification-".length()));
    }

    private static String text(Element notification) {
        return notification.selectFirst("a.notification-link").text().replace('\u00a0', ' ');
    }

    /** The form of one notification's « Marquer comme lu » button, on its recipient's page. */
    private static WebClient.Form markReadForm(Page page, long notification) {
        Element form = page.html().selectFirst("#notification-" + notification + " form");
        assertNotNull(form, "an unread notification has its button");
        return page.form(form.id());
    }

    @Test
    void aReplyToYourQuestionShowsInTheHeaderAndLinksToThePost() throws Exception {
        Member asker = member("demande");
        String topic = ask(asker, "Une question qui attend sa réponse", "La question.");
        assertNull(unreadCount(asker), "no badge while there is nothing new");
        Member helper = member("aidant");
        long answer = reply(helper, topic, null, "Une réponse utile.");

        assertEquals("1", unreadCount(asker));
        Element notification = only(asker);
        assertEquals("TOPIC_REPLY", notification.attr("data-kind"));
        assertTrue(notification.hasClass("is-unread"));
        assertEquals(helper.name() + " a répondu à votre question « Une question qui attend sa réponse »", text(notification));
        String link = notification.selectFirst("a.notification-link").attr("href");
        assertTrue(link.endsWith(topic + "?message=" + answer), link);
        Page followed = asker.client().get(link);
        assertEquals(303, followed.status(), "the list's link marks the notification read on the way (#14)");
        assertTrue(followed.location().endsWith(topic + "?message=" + answer), followed.location());
        Page permalink = asker.client().get(followed.location());
        assertEquals(302, permalink.status());
        assertTrue(permalink.location().endsWith(topic + "#post-" + answer), "the permalink finds the post: " + permalink.location());
        assertNull(unreadCount(asker), "followed, the notification is read");
        assertTrue(only(asker).hasClass("is-read"));
        assertTrue(helper.client().get(link).location().endsWith("/notifications"), "another member's notification is not theirs to open");
        assertTrue(helper.client().get(link.replace("vers=/", "vers=//ailleurs.example/")).location().endsWith("/notifications"),
                "only a path of this site is followed");

        assertNull(unreadCount(helper), "the replier is not told of their own reply");
        assertTrue(notifications(helper).isEmpty());
    }

    @Test
    void aReplyToYourReplyTellsItsAuthorNotTheReplier() throws Exception {
        Member asker = member("fil");
        String topic = ask(asker, "Une question avec un échange en fil", "Question.");
        Member helper = member("repondant");
        long first = reply(helper, topic, null, "Première réponse.");
        long answer = reply(asker, topic, first, "Merci, et dans ce cas ?");

        Element notification = only(helper);
        assertEquals("POST_REPLY", notification.attr("data-kind"));
        assertEquals(asker.name() + " a répondu à votre message dans « Une question avec un échange en fil »", text(notification));
        assertTrue(notification.selectFirst("a").attr("href").endsWith("?message=" + answer));
        assertEquals("1", unreadCount(asker), "only the helper's reply, not the asker's own");
    }

    @Test
    void mentionsAreToldOncePerPostWithTheMostTellingReason() throws Exception {
        Member mentioned = member("nomme");
        Member author = member("auteur");
        String topic = ask(author, "Une question qui appelle quelqu'un", "Bonjour @" + mentioned.name() + ", une idée ?");
        Element notification = only(mentioned);
        assertEquals("MENTION", notification.attr("data-kind"));
        assertEquals(author.name() + " vous a mentionné·e dans « Une question qui appelle quelqu'un »", text(notification));

        long reply = reply(mentioned, topic, null, "Oui ! Et @" + author.name() + " pourra confirmer.");
        Element toAuthor = only(author);
        assertEquals("TOPIC_REPLY", toAuthor.attr("data-kind"), "a reply to one's question says more than the mention in it");
        assertTrue(toAuthor.selectFirst("a").attr("href").endsWith("?message=" + reply));

        Member third = member("troisieme");
        reply(third, topic, null, "Je confirme, @" + mentioned.name() + " a raison.");
        List<Element> forMentioned = notifications(mentioned);
        assertEquals(2, forMentioned.size(), "the first mention, then one notification for the third reply");
        assertEquals("MENTION", forMentioned.getFirst().attr("data-kind"), "a mention rather than « a new reply in a topic you follow »");
        assertEquals("2", unreadCount(mentioned));
    }

    @Test
    void theSolutionsAuthorIsToldUnlessTheyMarkedItThemselves() throws Exception {
        Member asker = member("resolu");
        String topic = ask(asker, "Une question qui sera résolue", "Question.");
        Member helper = member("sauveur");
        long answer = reply(helper, topic, null, "La solution.");
        long own = reply(asker, topic, null, "J'ai aussi trouvé ceci.");
        assertEquals("1", unreadCount(asker));

        assertEquals(302, asker.client().get(topic).formAround("likes-" + own).submit("solution").status());
        assertEquals("1", unreadCount(asker), "marking one's own reply tells nobody");
        assertEquals(302, asker.client().get(topic).formAround("likes-" + answer).submit("solution").status());

        Element solution = notifications(helper).stream().filter(n -> n.attr("data-kind").equals("SOLUTION")).findFirst().orElseThrow();
        assertEquals(asker.name() + " a choisi votre réponse comme solution de « Une question qui sera résolue »", text(solution));
        assertTrue(solution.selectFirst("a").attr("href").endsWith("?message=" + answer));
    }

    @Test
    void thanksAreGroupedPerPostUntilRead() throws Exception {
        Member author = member("remercie");
        String topic = ask(author, "Une question qui recevra des mercis", "Question.");
        long answer = reply(author, topic, null, "Ma propre réponse, que d'autres trouveront utile.");
        Member first = member("merci");
        Member second = member("gratitude");
        like(first, topic, answer);
        like(second, topic, answer);

        Element grouped = only(author);
        assertEquals("LIKE", grouped.attr("data-kind"));
        assertEquals(second.name() + " et une autre personne ont dit merci pour votre message dans « Une question qui recevra des mercis »",
                text(grouped), "two thanks, one notification naming the latest");
        assertEquals("1", unreadCount(author));
        assertTrue(grouped.selectFirst("a").attr("href").endsWith("?message=" + answer));
        assertNull(unreadCount(first), "the liker is told nothing");

        Page page = author.client().get("/notifications");
        assertEquals(302, markReadForm(page, idOf(grouped)).submit("mark-read").status());
        Member third = member("reconnaissant");
        like(third, topic, answer);
        List<Element> after = notifications(author);
        assertEquals(2, after.size(), "once read, the next thanks start a new notification");
        assertEquals(third.name() + " a dit merci pour votre message dans « Une question qui recevra des mercis »", text(after.getFirst()));
        assertTrue(after.getFirst().hasClass("is-unread"));
        assertTrue(after.get(1).hasClass("is-read"));
        assertEquals("1", unreadCount(author));
    }

    @Test
    void markOneThenAllRead() throws Exception {
        Member asker = member("lecture");
        String topic = ask(asker, "Une question très suivie ce matin", "Question.");
        Member helper = member("assidu");
        reply(helper, topic, null, "Réponse une.");
        reply(helper, topic, null, "Réponse deux.");
        reply(helper, topic, null, "Réponse trois.");
        assertEquals("3", unreadCount(asker));
        Document header = asker.client().get("/").html();
        assertEquals("Notifications 3 non lues", header.getElementById("notifications-link").text().replace('\u00a0', ' '),
                "the link says what the badge means");

        Page page = asker.client().get("/notifications");
        List<Element> rows = page.html().select("li.notification");
        assertEquals(3, rows.size());
        long oldest = idOf(rows.getLast());
        Page marked = markReadForm(page, oldest).submit("mark-read");
        assertEquals(302, marked.status(), "Post/Redirect/Get");
        Page after = asker.client().follow(marked);
        assertTrue(after.mainText().contains("Notification marquée comme lue."), after.mainText());
        assertEquals("2", after.html().getElementById("unread-count").text());
        assertTrue(after.html().getElementById("notification-" + oldest).hasClass("is-read"));
        assertNull(after.html().selectFirst("#notification-" + oldest + " form"), "no button on a read notification");

        Page all = after.form("all").submit("mark-all-read");
        assertEquals(302, all.status());
        Page cleared = asker.client().follow(all);
        assertTrue(cleared.mainText().contains("Toutes vos notifications sont marquées comme lues."), cleared.mainText());
        assertNull(cleared.html().getElementById("unread-count"), "the count disappears");
        assertEquals(3, cleared.html().select("li.notification.is-read").size(), "read notifications stay listed");
        assertNull(cleared.html().getElementById("all"), "nothing left to mark");
    }

    @Test
    void nobodyIsToldOfTheirOwnActions() throws Exception {
        Member alone = member("solitaire");
        String topic = ask(alone, "Une question posée et répondue seul", "Moi-même, @" + alone.name() + ".");
        long own = reply(alone, topic, null, "Je me réponds, @" + alone.name() + ".");
        reply(alone, topic, own, "Et je me réponds encore.");
        assertNull(unreadCount(alone));
        Page page = alone.client().get("/notifications");
        assertNotNull(page.html().getElementById("no-notifications"));
        assertTrue(page.mainText().contains("Aucune notification pour l'instant."), page.mainText());
    }

    @Test
    void afterStoppingToWatchRepliesNoLongerNotify() throws Exception {
        Member asker = member("silence");
        String topic = ask(asker, "Une question que je ne suivrai plus", "Question.");
        Member helper = member("bavard");
        reply(helper, topic, null, "Réponse avant.");
        assertEquals("1", unreadCount(asker));

        Page stopped = asker.client().get(topic).form("watch").submit("watch-toggle");
        assertEquals(302, stopped.status());
        assertEquals("Suivre ce sujet", asker.client().follow(stopped).html().selectFirst("#watch input[type=submit]").val());
        reply(helper, topic, null, "Réponse après, au sujet.");
        Member other = member("autre");
        reply(other, topic, null, "Une autre réponse au sujet.");
        assertEquals("1", unreadCount(asker), "no reply to the question reaches someone who stopped watching");

        List<Element> forHelper = notifications(helper);
        assertEquals(1, forHelper.size(), "the helper still watches (they replied)");
        assertEquals("WATCHED_REPLY", forHelper.getFirst().attr("data-kind"));
        assertEquals(other.name() + " a répondu dans « Une question que je ne suivrai plus », un sujet que vous suivez",
                text(forHelper.getFirst()));
    }

    @Test
    void anotherMemberCannotMarkYourNotificationRead() throws Exception {
        Member victim = member("cible");
        String topic = ask(victim, "Une question dont la notification est à moi", "Question.");
        Member intruder = member("intrus");
        reply(intruder, topic, null, "Une réponse, pour avoir une notification à lui.");
        String intruderTopic = ask(intruder, "Une question de l'intrus, pour recevoir une réponse", "Question.");
        reply(victim, intruderTopic, null, "Réponse.");
        long victims = idOf(only(victim));
        long intruders = idOf(only(intruder));

        // The intruder's own valid form, with the victim's notification id instead of theirs.
        Page intruderPage = intruder.client().get("/notifications");
        Page refused = markReadForm(intruderPage, intruders).set("notification", String.valueOf(victims)).submit("mark-read");
        assertEquals(302, refused.status());
        Page told = intruder.client().follow(refused);
        assertTrue(told.mainText().contains("Cette notification n'existe pas ou ne vous est pas adressée."), told.mainText());
        assertEquals("1", told.html().getElementById("unread-count").text(), "the intruder's own stays unread too");

        // The victim's form, replayed from the intruder's session: its view state is not theirs.
        Page victimPage = victim.client().get("/notifications");
        Element form = victimPage.html().selectFirst("#notification-" + victims + " form");
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.val()));
        assertTrue(fields.keySet().stream().anyMatch(name -> name.endsWith(":mark-read")), "the button is sent too: " + fields);
        Page replayed = intruder.client().post(victimPage.uri().resolve(form.attr("action")), fields);
        assertNotEquals(302, replayed.status(), "refused, not redirected as a success");

        assertEquals("1", unreadCount(victim), "the victim's notification is still unread");
        assertTrue(notifications(victim).getFirst().hasClass("is-unread"));
    }

    @Test
    void theHeaderOfAnErrorPageDropsTheCountWhileTheDatabaseIsAway() throws Exception {
        Assumptions.assumeTrue(TestDatabase.restartable(), "needs the embedded test database, which this test stops and restarts");
        Member asker = member("panne");
        String topic = ask(asker, "Une question posée juste avant la panne", "Question.");
        reply(member("temoin"), topic, null, "Une réponse juste avant la panne.");
        assertEquals("1", unreadCount(asker));
        TestDatabase.stop();
        try {
            Page away = asker.client().get("/");
            assertEquals(503, away.status());
            assertTrue(away.mainText().contains("Mare fait une courte pause"), away.mainText());
            assertNotNull(away.html().getElementById("current-account"), "still logged in");
            assertNotNull(away.html().getElementById("notifications-link"));
            assertNull(away.html().getElementById("unread-count"), "no count rather than a broken page");
            assertTrue(!away.body().contains("Exception"), "no stack trace");
        } finally {
            TestDatabase.start();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String count = null;
        while (Instant.now().isBefore(deadline) && count == null) {
            Thread.sleep(500);
            Page back = asker.client().get("/");
            count = back.status() == 200 && back.html().getElementById("unread-count") != null
                    ? back.html().getElementById("unread-count").text() : null;
        }
        assertEquals("1", count, "the count is back with the database");
    }

    @Test
    void anonymousVisitorsAreSentToLogIn() throws Exception {
        WebClient anonymous = anonymous();
        Page page = anonymous.get("/notifications");
        assertEquals(302, page.status());
        assertTrue(page.location().endsWith("/connexion?retour=%2Fnotifications"), page.location());
        Document home = anonymous.get("/").html();
        assertNull(home.getElementById("notifications-link"));
        assertNull(home.getElementById("unread-count"));
    }
}
