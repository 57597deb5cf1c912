package fr.mare.moderation;

import fr.mare.testing.FormChecks;
import fr.mare.testing.MareIT;
import fr.mare.testing.Discussions;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.SQLException;
import java.sql.Statement;

import static fr.mare.testing.Sql.count;
import static fr.mare.testing.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Moderation end to end (#6): reporting, the queue and who may see it, each action with its
 * reason and its journal line, the journal's immutability (down to the database), two
 * moderators on one item, suspension, and automatic hiding.
 */
class ModerationIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    /** A member whose account is older than the newcomers' period: their reports count towards automatic hiding. */
    private Member established(String prefix) throws Exception {
        Member m = member(prefix);
        sql("UPDATE account SET created_at = NOW(6) - INTERVAL 60 DAY WHERE username = ?", m.name());
        return m;
    }

    private static String ask(WebClient client, String title) {
        return Discussions.ask(client, CATEGORY, title + " " + Names.username("s"), "La question posée.", null);
    }

    private static long topicId(String topic) {
        return Long.parseLong(topic.split("/")[2]);
    }

    private static Page report(WebClient client, String cible, String reason, String comment) {
        return client.get("/signaler?cible=" + cible).form("report").set("reason", reason).set("comment", comment).submit();
    }

    /** Applies an action from the target's moderation page, as a moderator would. */
    private static Page act(WebClient moderator, String cible, String action, String reason) {
        return actForm(moderator, cible).set("action", action).set("reason", reason).submit();
    }

    private static WebClient.Form actForm(WebClient moderator, String cible) {
        return moderator.get("/moderation/cible?cible=" + cible).form("act-" + cible.replace(':', '-'));
    }

    /** A reply by a fresh author, reported once: returns the topic address and the post id. */
    private record Reported(Member author, String topic, long post) {
    }

    private Reported reportedReply(String reason) throws Exception {
        Member author = member("auteur");
        String topic = ask(author.client(), "Un sujet avec une réponse signalée");
        long post = Discussions.reply(author.client(), topic, null, "Une réponse qui pose problème.");
        Member reporter = member("signale");
        Page sent = report(reporter.client(), "post:" + post, reason, "Ce message me semble déplacé.");
        assertEquals(302, sent.status(), sent.mainText());
        return new Reported(author, topic, post);
    }

    // ---------------------------------------------------------------- reporting

    @Test
    void aReportWithoutReasonAndATooLongCommentTellsBothAtOnce() throws Exception {
        Member author = member("auteurlong");
        Member reporter = member("bavarde");
        String topic = ask(author.client(), "Un sujet signalé trop vite");
        String comment = "Trop long. ".repeat(120);
        Page refused = report(reporter.client(), "topic:" + topicId(topic), "", comment);
        FormChecks.everyFieldAtOnce(refused, "report:reason", "report:comment");
        assertEquals(comment.strip(), refused.html().getElementById("report:comment").text().strip(), "the comment stays");
    }

    @Test
    void reportingNeedsALoginAndAnUnknownTargetIsA404InFrench() throws Exception {
        Page anonymous = anonymous().get("/signaler?cible=post:1");
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.location().contains("/connexion?retour=%2Fsignaler%3Fcible%3Dpost%253A1")
                || anonymous.location().contains("/connexion?retour=%2Fsignaler%3Fcible%3Dpost%3A1"), anonymous.location());

        WebClient client = member("curieux").client();
        for (String cible : new String[] {"post:999999999", "bidule:1", "post", "post:-3"}) {
            Page unknown = client.get("/signaler?cible=" + cible);
            assertEquals(404, unknown.status(), cible);
            assertTrue(unknown.mainText().contains("n'existe pas ou plus"), unknown.mainText());
        }
    }

    @Test
    void aReportIsConfirmedListedForItsAuthorAndUniqueWhileOpen() throws Exception {
        Member author = member("auteur");
        String topic = ask(author.client(), "Un sujet pour un signalement");
        long post = Discussions.reply(author.client(), topic, null, "Une réponse à signaler.");
        Member reporter = member("vigilant");

        Document page = reporter.client().get(topic).html();
        assertNotNull(page.getElementById("report-post-" + post), "« Signaler » on another member's post");
        assertNotNull(page.getElementById("report-topic"));
        assertNull(author.client().get(topic).html().getElementById("report-post-" + post), "not on one's own post");
        assertNotNull(reporter.client().get("/u/" + author.name()).html().getElementById("report-account"));

        Page form = reporter.client().get("/signaler?cible=post:" + post);
        assertNotNull(form.html().selectFirst("select[id$=reason]"));
        assertNotNull(form.html().selectFirst("textarea[id$=comment]"));
        Page noReason = form.form("report").set("comment", "Sans raison").submit();
        assertEquals(200, noReason.status());
        assertTrue(noReason.mainText().contains("Choisissez la raison"), noReason.mainText());
        assertEquals("Sans raison", noReason.html().selectFirst("textarea[id$=comment]").text(), "the comment is kept");

        Page sent = report(reporter.client(), "post:" + post, "SPAM", "Publicité déguisée.");
        assertEquals(302, sent.status(), sent.mainText());
        Page mine = reporter.client().follow(sent);
        assertTrue(mine.mainText().contains("votre signalement a bien été reçu"), mine.mainText());
        Element row = mine.html().selectFirst("tr[data-target=post:" + post + "]");
        assertNotNull(row, mine.mainText());
        assertTrue(row.text().contains("En cours d'examen"), row.text());
        assertTrue(row.text().contains("Spam"), row.text());

        Page again = report(reporter.client(), "post:" + post, "OTHER", "");
        assertEquals(200, again.status());
        assertTrue(again.mainText().contains("déjà signalé"), again.mainText());
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_report WHERE target_type = 'post' AND target_id = ?", post));
        assertThrows(SQLException.class, () -> sql("INSERT INTO moderation_report (item_id, target_type, target_id, reporter_id,"
                + " reason, created_at) SELECT item_id, target_type, target_id, reporter_id, 'OTHER', NOW(6) FROM moderation_report"
                + " WHERE target_type = 'post' AND target_id = ?", post), "the database refuses a second open report");

        Page own = report(author.client(), "post:" + post, "SPAM", "");
        assertTrue(own.mainText().contains("propre contenu"), own.mainText());
    }

    @Test
    void reportsAreRateLimitedPerMemberAndHour() throws Exception {
        Member author = member("bavard");
        String topic = ask(author.client(), "Un sujet avec beaucoup de réponses");
        long[] posts = new long[11];
        for (int i = 0; i < posts.length; i++) {
            posts[i] = Discussions.reply(author.client(), topic, null, "Réponse numéro " + i);
        }
        WebClient reporter = member("zele").client();
        for (int i = 0; i < 10; i++) {
            assertEquals(302, report(reporter, "post:" + posts[i], "OFF_TOPIC", "").status(), "report " + i);
        }
        Page limited = report(reporter, "post:" + posts[10], "OFF_TOPIC", "Encore un");
        assertEquals(429, limited.status(), "429 Too Many Requests");
        assertTrue(limited.mainText().contains("beaucoup de signalements dans l'heure"), limited.mainText());
        assertEquals(0, count("SELECT COUNT(*) FROM moderation_report WHERE target_type = 'post' AND target_id = ?", posts[10]));
    }

    // ---------------------------------------------------------------- the queue

    @Test
    void onlyModerationSeesTheQueueAndTheJournal() throws Exception {
        for (String path : new String[] {"/moderation", "/moderation/journal", "/moderation/cible?cible=post:1"}) {
            Page anonymous = anonymous().get(path);
            assertEquals(302, anonymous.status(), path);
            assertTrue(anonymous.location().contains("/connexion?retour="), anonymous.location());
            assertEquals(403, member("simple").client().get(path).status(), path);
        }
        WebClient mine = anonymous();
        assertEquals(302, mine.get("/moderation/mes-signalements").status(), "members' own list needs a login");
        assertEquals(200, moderator("veilleur").client().get("/moderation").status());
        WebClient admin = anonymous();
        assertEquals(302, admin.login(TestDatabase.ADMIN_USERNAME, TestDatabase.ADMIN_PASSWORD).status());
        assertEquals(200, admin.get("/moderation/journal").status());
    }

    @Test
    void theQueueGroupsReportsByTargetWithTheContentAndTheAuthorsHistory() throws Exception {
        Reported r = reportedReply("OFFENSIVE");
        Member second = member("second");
        assertEquals(302, report(second.client(), "post:" + r.post(), "SPAM", "Aussi vu.").status());

        Document queue = moderator("veilleur").client().get("/moderation").html();
        Element item = queue.getElementById("item-post-" + r.post());
        assertNotNull(item, "one item for the post");
        assertEquals(1, queue.select("#item-post-" + r.post()).size());
        assertEquals(2, item.select(".queue-report").size(), "both reports in the one item");
        assertTrue(item.text().contains("Propos offensants ou haineux") && item.text().contains("Aussi vu."), item.text());
        assertTrue(item.getElementById("item-post-" + r.post() + "-content").text().contains("Une réponse qui pose problème."));
        Element author = item.getElementById("item-post-" + r.post() + "-author");
        assertTrue(author.text().contains("@" + r.author().name()), author.text());
        assertEquals("2", author.selectFirst(".author-posts").text(), "the question and the reply");
        assertTrue(author.text().contains("Nouveau compte"), author.text());

        // Oldest first: an item opened earlier comes before.
        Reported later = reportedReply("SPAM");
        Document again = moderator("veilleur").client().get("/moderation").html();
        java.util.List<String> ids = again.select(".queue-item").eachAttr("id");
        assertTrue(ids.indexOf("item-post-" + r.post()) < ids.indexOf("item-post-" + later.post()), ids.toString());
    }

    /**
     * Every date the lists print is a {@code <time datetime>} (#14): the queue (opened, joined,
     * suspended until), a post's history, a tutorial's history and review list, the admin's
     * account tables; and banners are a live region around the list, not on it (axe « listitem »).
     */
    @Test
    void datesInListsArePrintedInTimeElements() throws Exception {
        Reported r = reportedReply("SPAM");
        sql("UPDATE account SET suspended_at = NOW(6), suspended_until = NOW(6) + INTERVAL 3 DAY, suspension_reason = 'Pour voir'"
                + " WHERE username = ?", r.author().name());
        long authorId = count("SELECT id FROM account WHERE username = ?", r.author().name());
        WebClient modo = moderator("horloger").client();
        java.util.Map<String, WebClient> pages = new java.util.LinkedHashMap<>();
        pages.put("/moderation", modo);
        pages.put("/moderation/mes-signalements", modo);
        pages.put("/moderation/journal", modo);
        pages.put("/historique/" + r.post(), modo);
        pages.put("/tutoriels/a-revoir", modo);
        pages.put("/admin/comptes", admin());
        pages.put("/admin/comptes?compte=" + authorId, admin());
        pages.put("/admin/courriels", admin());
        pages.put("/u/" + r.author().name(), modo);
        pages.put("/notifications", modo);
        for (var page : pages.entrySet()) {
            Page shown = page.getValue().get(page.getKey());
            assertEquals(200, shown.status(), page.getKey() + ": " + shown.mainText());
            assertEquals(java.util.List.of(), fr.mare.testing.PageChecks.datesOutsideTime(shown.html()), page.getKey());
            assertTrue(shown.html().select("ul[role], ol[role]").isEmpty(), page.getKey() + ": no role on a list");
        }
        assertFalse(modo.get("/moderation").html().select("time[datetime]").isEmpty(), "the queue's dates are there");
    }

    // ---------------------------------------------------------------- actions

    @Test
    void everyActionTheAuthorIsToldOfNeedsAReason() throws Exception {
        Reported r = reportedReply("SPAM");
        WebClient modo = moderator("veilleur").client();
        Page refused = act(modo, "post:" + r.post(), "HIDE", "  ");
        assertEquals(200, refused.status());
        assertTrue(refused.mainText().contains("Donnez la raison"), refused.mainText());
        assertEquals(0, count("SELECT COUNT(*) FROM moderation_action WHERE target_type = 'post' AND target_id = ?", r.post()));
    }

    @Test
    void dismissClosesTheReportsAndTellsTheReporter() throws Exception {
        Member author = member("auteur");
        String topic = ask(author.client(), "Un sujet pour classer sans suite");
        long post = Discussions.reply(author.client(), topic, null, "Une réponse tout à fait correcte.");
        Member reporter = member("tatillon");
        assertEquals(302, report(reporter.client(), "post:" + post, "OTHER", "").status());
        Member modo = moderator("veilleur");
        Page done = act(modo.client(), "post:" + post, "DISMISS", "Rien de problématique.");
        assertEquals(302, done.status(), done.mainText());
        assertNull(modo.client().get("/moderation").html().getElementById("item-post-" + post), "no longer in the queue");
        Element row = reporter.client().get("/moderation/mes-signalements").html().selectFirst("tr[data-target=post:" + post + "]");
        assertTrue(row.text().contains("classé sans suite"), row.text());
        String told = reporter.client().get("/notifications").mainText();
        assertTrue(told.contains("La modération a examiné votre signalement") && told.contains("classé sans suite"), told);
        assertFalse(author.client().get("/notifications").mainText().contains("modération"), "nothing happened to the author's post");
        Element line = modo.client().get("/moderation/journal?cible=post:" + post).html().selectFirst(".journal-line");
        assertNotNull(line);
        assertTrue(line.text().contains("Classer sans suite") && line.text().contains("Rien de problématique.")
                && line.text().contains("@" + modo.name()), line.text());
    }

    @Test
    void hidingReplacesTheContentForReadersAndRestoringBringsItBack() throws Exception {
        Reported r = reportedReply("OFFENSIVE");
        WebClient modo = moderator("veilleur").client();
        assertEquals(302, act(modo, "post:" + r.post(), "HIDE", "propos blessants").status());

        Element forReader = anonymous().get(r.topic()).html().getElementById("post-" + r.post());
        assertTrue(forReader.text().contains("Masqué par la modération : propos blessants"), forReader.text());
        assertFalse(forReader.text().contains("Une réponse qui pose problème."), forReader.text());
        Element forAuthor = r.author().client().get(r.topic()).html().getElementById("post-" + r.post());
        assertTrue(forAuthor.text().contains("Une réponse qui pose problème."), "the author still sees it");
        assertNotNull(forAuthor.getElementById("post-" + r.post() + "-hidden-notice"));
        String told = r.author().client().get("/notifications").mainText();
        assertTrue(told.contains("La modération a masqué votre contenu") && told.contains("propos blessants"), told);

        assertEquals(302, act(modo, "post:" + r.post(), "RESTORE", "relu, finalement acceptable").status());
        assertTrue(anonymous().get(r.topic()).html().getElementById("post-" + r.post()).text().contains("Une réponse qui pose problème."));
        assertEquals(2, count("SELECT COUNT(*) FROM moderation_action WHERE target_type = 'post' AND target_id = ?", r.post()));
    }

    @Test
    void hidingATopicTakesItOutOfTheListsAndShowsTheReason() throws Exception {
        Member author = member("auteur");
        String topic = ask(author.client(), "Un sujet entier à masquer");
        long id = topicId(topic);
        assertEquals(302, report(member("lecteur").client(), "topic:" + id, "SPAM", "").status());
        WebClient modo = moderator("veilleur").client();
        assertEquals(302, act(modo, "topic:" + id, "HIDE", "sujet publicitaire").status());
        Page reader = anonymous().get(topic);
        assertTrue(reader.mainText().contains("Masqué par la modération : sujet publicitaire"), reader.mainText());
        assertFalse(reader.mainText().contains("La question posée."));
        assertFalse(reader.html().title().contains("Un sujet entier à masquer"), "nor its title, which may be the problem");
        assertFalse(reader.html().select("h1").text().contains("Un sujet entier à masquer"));
        assertNull(anonymous().get("/c/" + CATEGORY).html().selectFirst("a[href$=" + topic + "]"), "out of the category's list");
        assertTrue(author.client().get(topic).mainText().contains("La question posée."), "its author still reads it");
    }

    @Test
    void editingAPostKeepsTheModeratorInItsHistoryAndTheJournalKeepsBothTexts() throws Exception {
        Reported r = reportedReply("PERSONAL_DATA");
        Member modo = moderator("veilleur");
        Page done = actForm(modo.client(), "post:" + r.post()).set("action", "EDIT")
                .set("reason", "numéro de téléphone retiré").set("body", "Une réponse [coordonnées retirées].").submit();
        assertEquals(302, done.status(), done.mainText());
        assertTrue(anonymous().get(r.topic()).html().getElementById("post-" + r.post()).text().contains("[coordonnées retirées]"));
        Page history = anonymous().get("/historique/" + r.post());
        assertTrue(history.mainText().contains(modo.name()) || history.mainText().contains("modo"), history.mainText());
        Element line = modo.client().get("/moderation/journal?action=EDIT&cible=post:" + r.post()).html().selectFirst(".journal-line");
        assertEquals("Une réponse qui pose problème.", line.selectFirst(".journal-before").text());
        assertEquals("Une réponse [coordonnées retirées].", line.selectFirst(".journal-after").text());
    }

    @Test
    void deletingAPostIsSoft() throws Exception {
        Reported r = reportedReply("ILLEGAL");
        assertEquals(302, act(moderator("veilleur").client(), "post:" + r.post(), "DELETE", "contenu illégal").status());
        assertTrue(anonymous().get(r.topic()).html().getElementById("post-" + r.post()).text().contains("Message supprimé."));
        assertEquals(1, count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND deleted_at IS NOT NULL", r.post()));
    }

    @Test
    void lockingUnlockingAndMovingATopic() throws Exception {
        Member author = member("auteur");
        String topic = ask(author.client(), "Un sujet à verrouiller puis déplacer");
        long id = topicId(topic);
        WebClient modo = moderator("veilleur").client();
        assertEquals(302, act(modo, "topic:" + id, "LOCK", "la discussion tourne en rond").status());
        assertNotNull(author.client().get(topic).html().getElementById("locked"), "members can no longer reply");
        assertEquals(302, act(modo, "topic:" + id, "UNLOCK", "apaisé").status());
        assertNull(author.client().get(topic).html().getElementById("locked"));
        Page moved = actForm(modo, "topic:" + id).set("action", "MOVE").set("reason", "mauvaise catégorie")
                .set("category", "talk-et-visio").submit();
        assertEquals(302, moved.status(), moved.mainText());
        assertNotNull(anonymous().get("/c/talk-et-visio").html().selectFirst("a[href$=" + topic + "]"), "now listed in Talk");
        Element line = modo.get("/moderation/journal?action=MOVE&cible=topic:" + id).html().selectFirst(".journal-line");
        assertTrue(line.text().contains(CATEGORY + " → talk-et-visio"), line.text());
    }

    @Test
    void warningTheAuthorIsJournalled() throws Exception {
        Reported r = reportedReply("OFFENSIVE");
        WebClient modo = moderator("veilleur").client();
        assertEquals(302, act(modo, "post:" + r.post(), "WARN", "merci de rester courtois").status());
        Element line = modo.get("/moderation/journal?action=WARN&cible=post:" + r.post()).html().selectFirst(".journal-line");
        assertTrue(line.text().contains("merci de rester courtois"), line.text());
        assertNotNull(modo.get("/moderation").html().getElementById("item-post-" + r.post()), "a warning leaves the item open");
        String told = r.author().client().get("/notifications").mainText();
        assertTrue(told.contains("Avertissement de la modération") && told.contains("merci de rester courtois"), told);
    }

    // ---------------------------------------------------------------- suspension

    @Test
    void aSuspendedMemberIsLoggedOutRefusedWithTheEndDateAndFreedWhenItPasses() throws Exception {
        Reported r = reportedReply("SPAM");
        WebClient modo = moderator("veilleur").client();
        Page done = actForm(modo, "post:" + r.post()).set("action", "SUSPEND").set("reason", "spam répété").set("days", "3").submit();
        assertEquals(302, done.status(), done.mainText());

        // Their open session ends at their next request: they read as a visitor, cannot write.
        Page next = r.author().client().get(r.topic());
        assertEquals(302, next.status());
        Page reading = r.author().client().follow(next);
        assertEquals(200, reading.status());
        assertNotNull(reading.html().getElementById("login-link"), "logged out");
        assertTrue(reading.html().getElementById("suspension-notice").text().contains("Votre compte est suspendu jusqu'au"),
                "told why, until when: " + reading.mainText());
        assertTrue(reading.mainText().contains("spam répété"), "and the moderation's reason");
        assertNull(r.author().client().get(r.topic()).html().getElementById("suspension-notice"), "once");
        assertEquals(302, r.author().client().get("/nouveau-sujet").status(), "writing needs a login again");

        Page refused = anonymous().login(r.author().name(), PASSWORD);
        assertEquals(200, refused.status());
        assertTrue(refused.mainText().contains("Votre compte est suspendu jusqu'au"), refused.mainText());
        assertTrue(refused.mainText().contains("spam répété"), refused.mainText());

        sql("UPDATE account SET suspended_until = NOW(6) - INTERVAL 1 MINUTE WHERE username = ?", r.author().name());
        assertEquals(302, anonymous().login(r.author().name(), PASSWORD).status(), "the suspension ended by itself");
    }

    @Test
    void anIndefiniteSuspensionSaysSoAndCanBeLifted() throws Exception {
        Reported r = reportedReply("SPAM");
        WebClient modo = moderator("veilleur").client();
        assertEquals(302, act(modo, "post:" + r.post(), "SUSPEND", "comportement inacceptable").status());
        Page refused = anonymous().login(r.author().name(), PASSWORD);
        assertTrue(refused.mainText().contains("pour une durée indéterminée"), refused.mainText());
        assertEquals(302, act(modo, "post:" + r.post(), "LIFT_SUSPENSION", "après discussion").status());
        assertEquals(302, anonymous().login(r.author().name(), PASSWORD).status());
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void twoModeratorsOnOneItemTheSecondIsToldItWasAlreadyHandled() throws Exception {
        Reported r = reportedReply("SPAM");
        WebClient first = moderator("veilleur-a").client();
        WebClient second = moderator("veilleur-b").client();
        WebClient.Form a = first.get("/moderation").form("act-post-" + r.post());
        WebClient.Form b = second.get("/moderation").form("act-post-" + r.post());

        assertEquals(302, a.set("action", "DISMISS").set("reason", "rien à redire").submit().status());
        Page late = b.set("action", "HIDE").set("reason", "à masquer").submit();
        assertEquals(200, late.status());
        assertTrue(late.mainText().contains("Déjà traité"), late.mainText());
        assertFalse(anonymous().get(r.topic()).html().getElementById("post-" + r.post()).text().contains("Masqué par la modération"));
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_action WHERE target_type = 'post' AND target_id = ?", r.post()),
                "one action journalled");
    }

    // ---------------------------------------------------------------- the journal

    @Test
    void theJournalIsFilterableAndTheDatabaseRefusesToRewriteIt() throws Exception {
        Reported r = reportedReply("OFF_TOPIC");
        Member modo = moderator("veilleur");
        assertEquals(302, act(modo.client(), "post:" + r.post(), "WARN", "hors sujet, attention").status());
        assertEquals(302, act(modo.client(), "post:" + r.post(), "HIDE", "hors sujet").status());
        Document byModerator = modo.client().get("/moderation/journal?moderateur=" + modo.name()).html();
        assertEquals(2, byModerator.select(".journal-line").size());
        Document byAction = modo.client().get("/moderation/journal?action=HIDE&moderateur=" + modo.name()).html();
        assertEquals(1, byAction.select(".journal-line").size());

        SQLException update = assertThrows(SQLException.class,
                () -> sql("UPDATE moderation_action SET reason = 'réécrit' WHERE target_type = 'post' AND target_id = ?", r.post()));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        assertThrows(SQLException.class, () -> sql("DELETE FROM moderation_action WHERE target_type = 'post' AND target_id = ?", r.post()));
        assertEquals(2, count("SELECT COUNT(*) FROM moderation_action WHERE target_type = 'post' AND target_id = ?", r.post()));
    }

    // ---------------------------------------------------------------- anti-abuse

    @Test
    void aPostReportedByEnoughEstablishedMembersIsHiddenAutomatically() throws Exception {
        Member author = member("auteur");
        String topic = ask(author.client(), "Un sujet où une réponse sera masquée seule");
        long post = Discussions.reply(author.client(), topic, null, "Achetez mes montres pas chères.");
        // Newcomers' reports do not count.
        for (int i = 0; i < 3; i++) {
            assertEquals(302, report(member("nouveau").client(), "post:" + post, "SPAM", "").status());
        }
        assertFalse(anonymous().get(topic).html().getElementById("post-" + post).text().contains("Masqué"));
        for (int i = 0; i < 3; i++) {
            assertEquals(302, report(established("ancien").client(), "post:" + post, "SPAM", "").status());
        }
        Element reader = anonymous().get(topic).html().getElementById("post-" + post);
        assertTrue(reader.text().contains("Masqué par la modération : signalé par plusieurs membres"), reader.text());
        WebClient modo = moderator("veilleur").client();
        Element line = modo.get("/moderation/journal?action=AUTO_HIDE&cible=post:" + post).html().selectFirst(".journal-line");
        assertNotNull(line);
        assertTrue(line.selectFirst(".journal-who").text().contains("automatique"), line.text());
        assertNotNull(modo.get("/moderation").html().getElementById("item-post-" + post), "still waiting for a moderator");
    }

    @Test
    void aNewcomersFirstPostsWaitForApprovalThenAppear() throws Exception {
        Member newcomer = member("debutant");
        sql("UPDATE account SET posts_to_approve = 2 WHERE username = ?", newcomer.name());
        String topic = ask(newcomer.client(), "Ma toute première question");
        long id = topicId(topic);
        assertEquals(404, anonymous().get(topic).status(), "a pending topic does not exist for others");
        assertNull(anonymous().get("/c/" + CATEGORY).html().selectFirst("a[href$=" + topic + "]"), "nor in the lists");
        Page own = newcomer.client().get(topic);
        assertEquals(200, own.status());
        assertTrue(own.mainText().contains("En attente de validation"), own.mainText());
        assertTrue(own.mainText().contains("attend la validation de la modération"), "not announced as published (#14): " + own.mainText());
        assertFalse(own.mainText().contains("Votre question est publiée"), own.mainText());

        WebClient modo = moderator("veilleur").client();
        long question = Long.parseLong(modo.get("/moderation").html().select(".queue-item").stream()
                .filter(e -> e.text().contains("Ma toute première question")).findFirst().orElseThrow()
                .id().replace("item-post-", ""));
        assertNotNull(modo.get("/moderation").html().getElementById("item-post-" + question + "-pending"));
        // Nothing preselected (#14): sent as it comes, the form asks for an action and does nothing.
        assertTrue(modo.get("/moderation").html().select("#act-post-" + question + "-action option[selected]").isEmpty());
        Page noAction = modo.get("/moderation").form("act-post-" + question).set("reason", "bienvenue").submit();
        assertTrue(noAction.mainText().contains("Choisissez une action."), noAction.mainText());
        assertEquals(404, anonymous().get(topic).status(), "still pending");
        assertEquals(302, act(modo, "post:" + question, "APPROVE", "bienvenue").status());
        assertEquals(200, anonymous().get(topic).status());
        assertNotNull(anonymous().get("/c/" + CATEGORY).html().selectFirst("a[href$=" + topic + "]"));
        assertTrue(newcomer.client().get("/notifications").mainText().contains("a été validé par la modération"));

        // The second post waits too; refused, it never appears; then the account is trusted.
        Member helper = member("aidant");
        String helperTopic = ask(helper.client(), "Une question où le débutant répond");
        long held = Discussions.reply(newcomer.client(), helperTopic, null, "Ma réponse en attente.");
        String announced = newcomer.client().get(helperTopic).mainText();
        assertTrue(announced.contains("Votre réponse est enregistrée et attend la validation"), announced);
        assertFalse(helper.client().get(helperTopic).mainText().contains("Ma réponse en attente."), "invisible to others");
        Page hiddenFromReports = helper.client().get("/signaler?cible=post:" + held);
        assertEquals(404, hiddenFromReports.status(), "a pending post cannot be reported (nor its excerpt read) by others");
        assertFalse(hiddenFromReports.mainText().contains("Ma réponse en attente."));
        assertTrue(newcomer.client().get(helperTopic).mainText().contains("Ma réponse en attente."), "its author sees it");
        assertEquals(0, count("SELECT reply_count FROM forum_topic WHERE id = ?", topicId(helperTopic)), "not counted yet");
        assertEquals(302, act(modo, "post:" + held, "REJECT", "hors charte").status());
        assertFalse(helper.client().get(helperTopic).mainText().contains("Ma réponse en attente."));
        long second = Discussions.reply(newcomer.client(), helperTopic, null, "Ma réponse corrigée.");
        assertEquals(302, act(modo, "post:" + second, "APPROVE", "").status(), "no reason needed to approve: the author reads none");
        assertTrue(helper.client().get(helperTopic).mainText().contains("Ma réponse corrigée."));
        assertEquals(1, count("SELECT reply_count FROM forum_topic WHERE id = ?", topicId(helperTopic)));
        long third = Discussions.reply(newcomer.client(), helperTopic, null, "Désormais publié directement.");
        assertTrue(anonymous().get(helperTopic).mainText().contains("Désormais publié directement."), "after two approvals");
        assertEquals(2, count("SELECT COUNT(*) FROM moderation_action WHERE action = 'APPROVE' AND target_author_id ="
                + " (SELECT id FROM account WHERE username = ?)", newcomer.name()));
        assertTrue(third > second);
        assertEquals(id, topicId(topic));
    }

    /** The {@code cible} of a page's « Signaler » link. */
    private static String cibleOf(Page page, String linkId) {
        Element link = page.html().getElementById(linkId);
        assertNotNull(link, "no « Signaler » link " + linkId + " on " + page.uri());
        String href = link.attr("href");
        return href.substring(href.indexOf("cible=") + "cible=".length());
    }

    @Test
    void aContactMessageIsReportableByTheOtherSideOnlyAndHiddenInItsConversation() throws Exception {
        Member admin = member("collectif");
        Page created = admin.client().get("/voisins/nouveau").form("collective")
                .set("name", "Collectif contacté " + Names.username("c").replace("-", "")).set("presentation", "Nous aidons.")
                .set("kind", "ASSOCIATION").set("region", "35").set("size", "1-10").submit();
        assertEquals(302, created.status(), created.mainText());
        String slug = created.location().substring(created.location().indexOf("/voisins/") + "/voisins/".length());
        Member sender = member("demandeur");
        Page sent = sender.client().get("/messages/nouveau?collectif=" + slug).form("contact")
                .set("subject", "Une offre à saisir").set("body", "Achetez nos formations miracles.").submit();
        assertEquals(302, sent.status(), sent.mainText());
        String conversation = sent.location().substring(sent.location().indexOf("/messages/"));

        Element link = admin.client().get(conversation).html().selectFirst("a.report-link[href*=cible=message:]");
        assertNotNull(link, "the collective's admin may report the sender's message");
        String cible = link.attr("href").substring(link.attr("href").indexOf("cible=") + "cible=".length());
        Page outsider = member("curieux").client().get("/signaler?cible=" + cible);
        assertEquals(404, outsider.status(), "a message is unknown outside its conversation: its report page would show it");
        assertFalse(outsider.mainText().contains("formations miracles"), outsider.mainText());

        assertEquals(302, report(admin.client(), cible, "SPAM", "Démarchage.").status());
        Member modo = moderator("veilleur-contact");
        String queue = modo.client().get("/moderation").mainText();
        assertTrue(queue.contains("Achetez nos formations miracles."), "the queue shows the reported message: " + queue);
        assertEquals(302, act(modo.client(), cible, "HIDE", "démarchage commercial").status());
        String seen = admin.client().get(conversation).mainText();
        assertTrue(seen.contains("démarchage commercial"), seen);
        assertFalse(seen.contains("formations miracles"), "hidden for the other side: " + seen);
        assertEquals(1, count("SELECT COUNT(*) FROM moderation_action WHERE target_type = 'message' AND target_id = ? AND action = 'HIDE'",
                Long.parseLong(cible.substring("message:".length()))), "journalled");
    }

    @Test
    void hidingATutorialACollectiveAndAProfileShowsTheReasonInPlaceOfTheContent() throws Exception {
        Member author = member("auteur");
        Page saved = author.client().get("/tutoriels/nouveau").form("wiki")
                .set("title", "Un tutoriel à masquer " + Names.username("w")).set("section", CATEGORY)
                .set("level", "debutant").set("audience", "MEMBRE").set("body", "Le texte du tutoriel.")
                .set("summary", "Première version").submit();
        assertEquals(302, saved.status(), saved.mainText());
        String tutorial = saved.location().substring(saved.location().indexOf("/tutoriels/"));
        String collectiveWord = Names.username("c").replace("-", "");
        Page created = author.client().get("/voisins/nouveau").form("collective")
                .set("name", "Collectif à masquer " + collectiveWord).set("presentation", "Notre présentation.")
                .set("kind", "ASSOCIATION").set("region", "63").set("size", "11-50").submit();
        assertEquals(302, created.status(), created.mainText());
        String collective = created.location().substring(created.location().indexOf("/voisins/"));

        Member reader = member("lecteur");
        String tutorialCible = cibleOf(reader.client().get(tutorial), "report-tutorial");
        String collectiveCible = cibleOf(reader.client().get(collective), "report-collective");
        String accountCible = cibleOf(reader.client().get("/u/" + author.name()), "report-account");
        assertTrue(tutorialCible.startsWith("tutorial:") && collectiveCible.startsWith("collective:") && accountCible.startsWith("account:"));

        WebClient modo = moderator("veilleur").client();
        assertEquals(302, act(modo, tutorialCible, "HIDE", "copie d'un autre site").status());
        assertEquals(302, act(modo, collectiveCible, "HIDE", "présentation trompeuse").status());
        assertEquals(302, act(modo, accountCible, "HIDE", "profil usurpé").status());

        assertTrue(anonymous().get(tutorial).mainText().contains("Masqué par la modération : copie d'un autre site"));
        assertFalse(anonymous().get(tutorial).mainText().contains("Le texte du tutoriel."));
        assertTrue(anonymous().get(collective).mainText().contains("Masqué par la modération : présentation trompeuse"));
        assertFalse(anonymous().get(collective).mainText().contains("Notre présentation."));
        assertTrue(author.client().get(collective).mainText().contains("Notre présentation."), "its admins still see it");
        assertFalse(anonymous().get("/voisins.json").body().contains(collective.substring("/voisins/".length())),
                "out of the public export");
        assertTrue(anonymous().get("/voisins?q=" + collectiveWord).html().select("a[href$='" + collective + "']").isEmpty(), "out of the directory's list");
        Page profile = anonymous().get("/u/" + author.name());
        assertTrue(profile.mainText().contains("Masqué par la modération : profil usurpé"), profile.mainText());
        assertNotNull(author.client().get("/u/" + author.name()).html().getElementById("profile-hidden-notice"));

        assertEquals(302, act(modo, tutorialCible, "RESTORE", "source citée").status());
        assertTrue(anonymous().get(tutorial).mainText().contains("Le texte du tutoriel."));
        assertEquals(302, act(modo, collectiveCible, "RESTORE", "présentation corrigée").status());
        assertFalse(anonymous().get("/voisins?q=" + collectiveWord).html().select("a[href$='" + collective + "']").isEmpty(), "back in the directory's list");

        Page edited = actForm(modo, tutorialCible).set("action", "EDIT").set("reason", "lien vers une copie retiré")
                .set("body", "Le texte du tutoriel, sans la copie.").submit();
        assertEquals(302, edited.status(), edited.mainText());
        assertTrue(anonymous().get(tutorial).mainText().contains("Le texte du tutoriel, sans la copie."));
        Page history = anonymous().get(tutorial + "/historique");
        assertTrue(history.mainText().contains("lien vers une copie retiré"), "the revision's summary is the reason: " + history.mainText());
        Element line = modo.get("/moderation/journal?action=EDIT&cible=" + tutorialCible).html().selectFirst(".journal-line");
        assertEquals("Le texte du tutoriel.", line.selectFirst(".journal-before").text());
    }
}
