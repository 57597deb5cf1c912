package fr.mare.forum;

import fr.mare.testing.MareIT;
import fr.mare.testing.Discussions;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Form;
import fr.mare.testing.WebClient.Page;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static fr.mare.testing.Sql.count;
import static fr.mare.testing.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #17, « actions hit the wrong post »: every action of a thread page (« Merci », solution,
 * delete, edit, nested reply) and moderation's, sent from a page that went stale because someone
 * replied earlier in tree order meanwhile, lands on the post the person saw — or is refused with
 * a message (and the typed text) when that post is gone, hidden or not in this topic. Never on
 * its neighbour, never dropped in silence. Every effect is read in the database.
 * <p>
 * The staleness: the page shows the question, A and B (both replies to the question); before
 * the form is sent, a third member replies to A, so that in tree order the new reply A1 takes
 * B's row (question, A, A1, B).
 */
class ThreadActionsIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    /** A topic with two replies to its question, A then B, each by its own author; and a member who will intrude. */
    record Scene(Member asker, String topic, long topicId, Member authorA, long a, Member authorB, long b, Member intruder) {

        /** Replies to A: the new reply takes B's place in tree order. Returns its id. */
        long intrude() {
            return Discussions.reply(intruder.client(), topic, a, "Une réponse glissée avant B " + Names.username("x"));
        }
    }

    private Scene scene() throws Exception {
        Member asker = member("demande");
        String topic = Discussions.ask(asker.client(), CATEGORY, "Un fil qui bouge pendant qu'on le lit " + Names.username("t"),
                "La question.", null);
        Member authorA = member("auteura");
        long a = Discussions.reply(authorA.client(), topic, null, "Réponse A.");
        Member authorB = member("auteurb");
        long b = Discussions.reply(authorB.client(), topic, null, "Réponse B.");
        return new Scene(asker, topic, Long.parseLong(topic.split("/")[2]), authorA, a, authorB, b, member("intrus"));
    }

    // ---------------------------------------------------------------- stale pages, one action each

    @Test
    void thanksFromAStalePageGoToThePostShown() throws Exception {
        Scene t = scene();
        Member reader = member("lecteur");
        Form form = reader.client().get(t.topic()).formAround("likes-" + t.b());
        long a1 = t.intrude();

        Page sent = form.submit("like");

        assertEquals(302, sent.status(), sent.mainText());
        assertEquals(1, likes(t.b(), reader.name()), "the thanks went to B, the post shown");
        assertEquals(0, likes(a1, reader.name()), "not to the reply that took B's place");
        assertEquals(1, count("SELECT like_count FROM forum_post WHERE id = ?", t.b()));
        assertEquals(0, count("SELECT like_count FROM forum_post WHERE id = ?", a1));
    }

    @Test
    void theSolutionFromAStalePageIsThePostShown() throws Exception {
        Scene t = scene();
        Form form = t.asker().client().get(t.topic()).formAround("likes-" + t.b());
        t.intrude();

        Page sent = form.submit("solution");

        assertEquals(302, sent.status(), sent.mainText());
        assertEquals(t.b(), count("SELECT solution_post_id FROM forum_topic WHERE id = ?", t.topicId()));
    }

    @Test
    void aModeratorDeletingFromAStalePageDeletesThePostShown() throws Exception {
        Scene t = scene();
        Member modo = moderator("veilleur");
        Form form = modo.client().get(t.topic()).formAround("likes-" + t.b());
        long a1 = t.intrude();

        Page sent = confirmDeletion(form.submit("delete"), t.b());

        assertEquals(302, sent.status(), sent.mainText());
        assertEquals(1, count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND deleted_at IS NOT NULL", t.b()), "B deleted");
        assertEquals(0, count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND deleted_at IS NOT NULL", a1), "its neighbour kept");
    }

    @Test
    void anAuthorDeletingFromAStalePageDeletesTheirOwnPost() throws Exception {
        Scene t = scene();
        Form form = t.authorB().client().get(t.topic()).formAround("likes-" + t.b());
        long a1 = t.intrude();

        Page sent = confirmDeletion(form.submit("delete"), t.b());

        assertEquals(302, sent.status(), sent.mainText());
        assertEquals(1, count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND deleted_at IS NOT NULL", t.b()));
        assertEquals(0, count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND deleted_at IS NOT NULL", a1));
    }

    /**
     * « Supprimer » is a first step (#14): one click deletes nothing and asks, under the post
     * shown, naming it in its form; « Annuler » changes nothing; « Confirmer la suppression »
     * deletes that post and leaves its trace (« Message supprimé. »).
     */
    @Test
    void deletingAsksFirstAndCancellingChangesNothing() throws Exception {
        Scene t = scene();
        WebClient author = t.authorB().client();
        Page asked = author.get(t.topic()).formAround("likes-" + t.b()).submit("delete");

        assertEquals(200, asked.status(), asked.mainText());
        assertEquals(0, count("SELECT COUNT(*) FROM forum_post WHERE deleted_at IS NOT NULL AND id = ?", t.b()), "one click deletes nothing");
        Element box = asked.html().getElementById("delete-confirm");
        assertNotNull(box, "a confirmation is asked: " + asked.mainText());
        assertNotNull(box.closest("article").getElementById("post-" + t.b() + "-author"), "under the post it deletes");
        assertTrue(box.text().contains("Supprimer ce message") && box.text().contains("Confirmer la suppression"), box.text());
        assertEquals(Long.toString(t.b()), box.selectFirst("input[name=post]").val(), "the post shown travels on (#17)");
        assertTrue(box.hasAttr("autofocus") && box.attr("tabindex").equals("-1"), "focused, so in view");

        Page cancelled = author.open(asked.uri().resolve(box.selectFirst("#delete-cancel").attr("href")).toString());
        assertEquals(200, cancelled.status());
        assertTrue(cancelled.mainText().contains("Réponse B."), "« Annuler » leads back to the post");
        assertNull(cancelled.html().getElementById("delete-confirm"));
        assertEquals(0, count("SELECT COUNT(*) FROM forum_post WHERE deleted_at IS NOT NULL AND id = ?", t.b()), "« Annuler » changes nothing");

        Page deleted = confirmDeletion(asked, t.b());
        assertEquals(302, deleted.status(), deleted.mainText());
        assertEquals(1, count("SELECT COUNT(*) FROM forum_post WHERE deleted_at IS NOT NULL AND id = ?", t.b()), "the confirmation deletes");
        assertTrue(author.open(t.topic()).mainText().contains("Message supprimé."), "a trace stays in the thread");
    }

    @Test
    void anEditFromAStalePageIsSavedOnThePostShown() throws Exception {
        Scene t = scene();
        String text = "Réponse B, corrigée " + Names.username("e");
        Form form = t.authorB().client().get(t.topic() + "?modifier=" + t.b()).formEndingWith("edit").set("body", text);
        long a1 = t.intrude();

        Page sent = form.submit();

        assertEquals(302, sent.status(), "saved, not dropped: " + sent.mainText());
        assertEquals(1, count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND body_markdown = ?", t.b(), text));
        assertEquals(0, count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND body_markdown = ?", a1, text));
    }

    @Test
    void aNestedReplyFromAStalePageAnswersThePostShown() throws Exception {
        Scene t = scene();
        Member reader = member("repond");
        String text = "Une réponse à B " + Names.username("r");
        Form form = reader.client().get(t.topic() + "?repondre=" + t.b()).formEndingWith("replyTo").set("body", text);
        t.intrude();

        Page sent = form.submit();

        assertEquals(302, sent.status(), "published, not dropped: " + sent.mainText());
        assertEquals(t.b(), count("SELECT parent_id FROM forum_post WHERE body_markdown = ?", text));
    }

    @Test
    void aModerationActionFromAStaleQueueActsOnTheItemShown() throws Exception {
        Scene t = scene();
        Member reporter = member("signale");
        assertEquals(302, report(reporter.client(), "post:" + t.b()).status());
        Member modo = moderator("veilleurq");
        Form form = modo.client().get("/moderation").form("act-post-" + t.b()).set("action", "HIDE").set("reason", "hors sujet");
        long a1 = t.intrude();
        assertEquals(302, report(reporter.client(), "post:" + a1).status(), "the queue changed too");

        Page sent = form.submit();

        assertEquals(302, sent.status(), sent.mainText());
        assertEquals(1, count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND hidden_at IS NOT NULL", t.b()));
        assertEquals(0, count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND hidden_at IS NOT NULL", a1));
    }

    // ---------------------------------------------------------------- the post shown is gone: refused, text kept

    @Test
    void anEditOfAPostDeletedMeanwhileIsRefusedAndKeepsTheText() throws Exception {
        Scene t = scene();
        String text = "Ma correction que je ne veux pas perdre " + Names.username("k");
        Form form = t.authorB().client().get(t.topic() + "?modifier=" + t.b()).formEndingWith("edit").set("body", text);
        t.intrude();
        sql("UPDATE forum_post SET deleted_at = NOW(6) WHERE id = ?", t.b());

        Page sent = form.submit();

        assertRefusedKeeping(sent, text);
        assertEquals(0, count("SELECT COUNT(*) FROM forum_post WHERE body_markdown = ?", text));
    }

    @Test
    void aNestedReplyToAPostHiddenMeanwhileIsRefusedAndKeepsTheText() throws Exception {
        Scene t = scene();
        Member reader = member("cache");
        String text = "Ma réponse à un message masqué entre-temps " + Names.username("h");
        Form form = reader.client().get(t.topic() + "?repondre=" + t.b()).formEndingWith("replyTo").set("body", text);
        t.intrude();
        sql("UPDATE forum_post SET hidden_at = NOW(6), hidden_reason = 'essai' WHERE id = ?", t.b());

        Page sent = form.submit();

        assertRefusedKeeping(sent, text);
        assertEquals(0, count("SELECT COUNT(*) FROM forum_post WHERE body_markdown = ?", text));
    }

    @Test
    void thanksForAPostDeletedMeanwhileAreRefusedWithAMessage() throws Exception {
        Scene t = scene();
        Member reader = member("tardif");
        Form form = reader.client().get(t.topic()).formAround("likes-" + t.b());
        long a1 = t.intrude();
        sql("UPDATE forum_post SET deleted_at = NOW(6) WHERE id = ?", t.b());

        Page sent = form.submit("like");

        assertRefused(sent);
        assertEquals(0, likes(t.b(), reader.name()));
        assertEquals(0, likes(a1, reader.name()), "nor given to the neighbour instead");
    }

    @Test
    void anActionNamingAPostOfAnotherTopicIsRefused() throws Exception {
        Scene t = scene();
        Scene other = scene();
        Member reader = member("ailleurs");
        Form like = reader.client().get(t.topic()).formAround("likes-" + t.b()).set("post", Long.toString(other.b()));
        assertRefused(like.submit("like"));
        assertEquals(0, likes(other.b(), reader.name()));
        assertEquals(0, likes(t.b(), reader.name()));

        Form solution = t.asker().client().get(t.topic()).formAround("likes-" + t.b()).set("post", Long.toString(other.b()));
        assertRefused(solution.submit("solution"));
        assertEquals(0, count("SELECT COUNT(*) FROM forum_topic WHERE id IN (?, ?) AND solution_post_id IS NOT NULL",
                t.topicId(), other.topicId()));

        Member modo = moderator("veilleura");
        Form delete = modo.client().get(t.topic()).formAround("likes-" + t.b()).set("post", Long.toString(other.b()));
        assertRefused(delete.submit("delete"));
        assertEquals(0, count("SELECT COUNT(*) FROM forum_post WHERE id IN (?, ?) AND deleted_at IS NOT NULL", t.b(), other.b()));
    }

    // ---------------------------------------------------------------- under load

    /**
     * Three members keep replying to the first reply (each reply pushes the later posts one row
     * down) while three others thank and answer the later posts from pages that go stale: every
     * action is confirmed or refused with a message, and each landed on its post.
     */
    @Test
    void underConcurrentRepliesNoActionIsMisdirectedOrDropped() throws Exception {
        Member asker = member("charge");
        String topic = Discussions.ask(asker.client(), CATEGORY, "Un fil très animé " + Names.username("c"), "La question.", null);
        long first = Discussions.reply(asker.client(), topic, null, "La première réponse, qui attire les réponses.");
        List<Long> targets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            targets.add(Discussions.reply(member("cible").client(), topic, null, "Réponse cible " + i + "."));
        }
        List<Member> writers = new ArrayList<>();
        List<Member> actors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            writers.add(member("bavard"));
            actors.add(member("acteur"));
        }
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(writers.size() + actors.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Member writer : writers) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        Page form = writer.client().get(topic + "?repondre=" + first);
                        Page sent = form.formEndingWith("replyTo").set("body", "Encore une réponse " + i + ".").submit();
                        if (sent.status() != 302) {
                            problems.add("writer " + writer.name() + ": " + sent.status() + " " + sent.mainText());
                        }
                    }
                    return null;
                }));
            }
            for (Member actor : actors) {
                done.add(pool.submit(() -> {
                    for (long target : targets) {
                        Form like = actor.client().get(topic).formAround("likes-" + target);
                        pause();
                        Page liked = like.submit("like");
                        if (liked.status() != 302) {
                            problems.add("thanks of " + actor.name() + " for " + target + " dropped or refused: " + liked.status()
                                    + " " + liked.mainText());
                        }
                        Form answer = actor.client().get(topic + "?repondre=" + target).formEndingWith("replyTo")
                                .set("body", "Réponse de " + actor.name() + " à " + target + ".");
                        pause();
                        Page answered = answer.submit();
                        if (answered.status() != 302) {
                            problems.add("answer of " + actor.name() + " to " + target + " dropped or refused: " + answered.status()
                                    + " " + answered.mainText());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), problems, "no action dropped");
        for (Member actor : actors) {
            assertEquals(new HashSet<>(targets), likedBy(actor.name(), topic), "each thanks of " + actor.name() + " on its post");
            for (long target : targets) {
                assertEquals(target, count("SELECT parent_id FROM forum_post WHERE body_markdown = ?",
                        "Réponse de " + actor.name() + " à " + target + "."), "the answer of " + actor.name() + " under its post");
            }
        }
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(30, 150));
    }

    // ---------------------------------------------------------------- helpers

    /** The answer to a first « Supprimer »: it asks, nothing is deleted yet; its confirmation form is sent. */
    private static Page confirmDeletion(Page asked, long post) throws SQLException {
        assertEquals(200, asked.status(), "a confirmation first: " + asked.mainText());
        assertEquals(0, count("SELECT COUNT(*) FROM forum_post WHERE deleted_at IS NOT NULL AND id = ?", post), "nothing deleted before confirming");
        return asked.form("post-" + post + "-confirm").submit("delete");
    }

    private static void assertRefused(Page sent) {
        assertEquals(200, sent.status(), "the page again, with a message: " + sent.mainText());
        Element message = sent.html().selectFirst("#messages li, .field-error");
        assertNotNull(message, "a message tells why: " + sent.mainText());
        assertTrue(message.text().contains("message"), message.text());
    }

    private static void assertRefusedKeeping(Page sent, String text) {
        assertRefused(sent);
        assertTrue(sent.html().select("textarea").stream().anyMatch(area -> area.wholeText().contains(text)),
                "the typed text is still in a text area: " + sent.mainText());
        assertNull(sent.html().selectFirst(".post-body:containsOwn(" + text + ")"), "not published");
    }

    private static Page report(WebClient client, String cible) {
        return client.get("/signaler?cible=" + cible).form("report").set("reason", "OFF_TOPIC").set("comment", "").submit();
    }

    private static long likes(long post, String username) throws SQLException {
        return count("SELECT COUNT(*) FROM forum_like l JOIN account a ON a.id = l.account_id WHERE l.post_id = ? AND a.username = ?",
                post, username);
    }

    private static Set<Long> likedBy(String username, String topic) throws SQLException {
        Set<Long> posts = new HashSet<>();
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT l.post_id FROM forum_like l JOIN account a ON a.id = l.account_id JOIN forum_post p ON p.id = l.post_id"
                        + " WHERE a.username = ? AND p.topic_id = ?")) {
            s.setString(1, username);
            s.setLong(2, Long.parseLong(topic.split("/")[2]));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    posts.add(rs.getLong(1));
                }
            }
        }
        return posts;
    }

}
