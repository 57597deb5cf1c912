package fr.mare.forum;

import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The anti-abuse limits of issue #6, through the pages: new topics and replies per member (per
 * minute and per hour, stricter for new accounts), the cap on links for new accounts, and
 * registrations per address. Each refusal is a French message that keeps what was typed.
 * <p>
 * The limits count rows stored in the database (docs/adr/0011). The Payara under test has
 * limits far above what other ITs write ({@link TestDatabase}); rather than posting hundreds of
 * times, each test gives its fresh member that many earlier writes by copying rows in the very
 * tables the limits count, at the dates that matter, reaches the limit through the page, then
 * deletes its copies (ITs run one class at a time, so no other test sees them).
 */
class RateLimitIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    private static long idOf(String topicPath) {
        return Long.parseLong(topicPath.split("/")[2]);
    }

    @Test
    void aNewAccountOpensABoundedNumberOfTopicsPerMinute() throws Exception {
        WebClient client = loggedIn("pressee");
        String first = Discussions.ask(client, CATEGORY, "Un premier sujet pour compter", "Question.", null);
        int copies = TestDatabase.NEWCOMER_TOPICS_PER_MINUTE - 1;
        try (Connection db = TestDatabase.connect()) {
            copy(db, "INSERT INTO forum_topic (category_id, author_id, title, slug, created_at, last_activity_at)"
                    + " SELECT category_id, author_id, title, CONCAT('copie-limite-', s.seq), created_at, last_activity_at"
                    + " FROM forum_topic JOIN seq_1_to_" + copies + " s WHERE id = ?", idOf(first), copies);
            try {
                Page refused = client.get("/nouveau-sujet?categorie=" + CATEGORY).form("topic")
                        .set("title", "Un sujet de trop cette minute").set("body", "Mon texte reste là.").submit();
                assertEquals(429, refused.status(), "429 Too Many Requests, the form kept");
                assertTrue(refused.mainText().contains("Les comptes de moins de 7 jours ouvrent au plus "
                        + TestDatabase.NEWCOMER_TOPICS_PER_MINUTE + " sujet(s) par minute"), refused.mainText());
                assertEquals("Un sujet de trop cette minute", refused.form("topic").get("title"));
                assertEquals("Mon texte reste là.", refused.form("topic").get("body"));
            } finally {
                delete(db, "DELETE FROM forum_topic WHERE slug LIKE 'copie-limite-%'");
            }
        }
        Discussions.ask(client, CATEGORY, "Un autre sujet, une fois les copies parties", "Question.", null);
    }

    @Test
    void anEstablishedMemberHasTheWiderLimits() throws Exception {
        WebClient client = anonymous();
        String name = client.registerNewMember("habituee", PASSWORD);
        String first = Discussions.ask(client, CATEGORY, "Un sujet d'une habituée", "Question.", null);
        try (Connection db = TestDatabase.connect()) {
            try (PreparedStatement older = db.prepareStatement(
                    "UPDATE account SET created_at = created_at - INTERVAL 30 DAY WHERE username = ?")) {
                older.setString(1, name);
                assertEquals(1, older.executeUpdate());
            }
            // As many topics this minute as a new account may open: an established member goes on.
            int newcomerCopies = TestDatabase.NEWCOMER_TOPICS_PER_MINUTE - 1;
            copy(db, "INSERT INTO forum_topic (category_id, author_id, title, slug, created_at, last_activity_at)"
                    + " SELECT category_id, author_id, title, CONCAT('copie-habituee-', s.seq), created_at, last_activity_at"
                    + " FROM forum_topic JOIN seq_1_to_" + newcomerCopies + " s WHERE id = ?", idOf(first), newcomerCopies);
            try {
                Discussions.ask(client, CATEGORY, "Encore un sujet, permis aux habituées", "Question.", null);
                // Up to the wider limit: refused, with the members' sentence (no « moins de 7 jours »).
                int more = TestDatabase.TOPICS_PER_MINUTE - TestDatabase.NEWCOMER_TOPICS_PER_MINUTE - 1;
                copy(db, "INSERT INTO forum_topic (category_id, author_id, title, slug, created_at, last_activity_at)"
                        + " SELECT category_id, author_id, title, CONCAT('copie-habituee-plus-', s.seq), created_at, last_activity_at"
                        + " FROM forum_topic JOIN seq_1_to_" + more + " s WHERE id = ?", idOf(first), more);
                Page refused = client.get("/nouveau-sujet?categorie=" + CATEGORY).form("topic")
                        .set("title", "Un sujet de trop, même pour une habituée").set("body", "Gardé.").submit();
                assertEquals(429, refused.status(), "429 Too Many Requests, the form kept");
                assertTrue(refused.mainText().contains(TestDatabase.TOPICS_PER_MINUTE + " sujets dans la dernière minute"), refused.mainText());
                assertFalse(refused.mainText().contains("moins de 7 jours"), refused.mainText());
                assertEquals("Gardé.", refused.form("topic").get("body"));
            } finally {
                delete(db, "DELETE FROM forum_topic WHERE slug LIKE 'copie-habituee-%'");
            }
        }
    }

    @Test
    void aNewAccountRepliesABoundedNumberOfTimesPerHour() throws Exception {
        WebClient client = loggedIn("bavard");
        String topic = Discussions.ask(client, CATEGORY, "Un sujet pour compter les réponses", "Question.", null);
        long reply = Discussions.reply(client, topic, null, "Une première réponse.");
        int copies = TestDatabase.NEWCOMER_REPLIES_PER_HOUR - 1;
        try (Connection db = TestDatabase.connect()) {
            // Twenty minutes ago: the minute's count stays at one, the hour's reaches the limit.
            copy(db, "INSERT INTO forum_post (topic_id, parent_id, author_id, path, depth, body_markdown, body_html,"
                    + " renderer_version, created_at) SELECT topic_id, parent_id, author_id, CONCAT('zz-copie-', s.seq), depth,"
                    + " body_markdown, body_html, renderer_version, created_at - INTERVAL 20 MINUTE"
                    + " FROM forum_post JOIN seq_1_to_" + copies + " s WHERE id = ?",
                    reply, copies);
            try {
                Page refused = client.get(topic).form("reply").set("body", "Une réponse de trop, gardée.").submit();
                assertEquals(429, refused.status(), "429 Too Many Requests, the form kept");
                assertTrue(refused.mainText().contains("Les comptes de moins de 7 jours répondent au plus "
                        + TestDatabase.NEWCOMER_REPLIES_PER_HOUR + " fois par heure"), refused.mainText());
                assertEquals("Une réponse de trop, gardée.", refused.form("reply").get("body"));
            } finally {
                delete(db, "DELETE FROM forum_post WHERE path LIKE 'zz-copie-%'");
            }
        }
        Discussions.reply(client, topic, null, "Et maintenant, cela repasse.");
    }

    @Test
    void aNewAccountPostsAFewLinksOnlyAndOutgoingLinksAreNofollow() throws Exception {
        WebClient client = loggedIn("liens");
        String topic = Discussions.ask(client, CATEGORY, "Un sujet pour compter les liens", "Question.", null);
        String tooMany = links(TestDatabase.NEWCOMER_LINKS + 1);
        Page refused = client.get(topic).form("reply").set("body", tooMany).submit();
        assertEquals(200, refused.status());
        assertTrue(refused.mainText().contains("Les comptes de moins de 7 jours mettent au plus "
                + TestDatabase.NEWCOMER_LINKS + " liens dans un message"), refused.mainText());
        assertEquals(tooMany, refused.form("reply").get("body"), "the text is kept");

        long allowed = Discussions.reply(client, topic, null, links(TestDatabase.NEWCOMER_LINKS));
        assertTrue(allowed > 0);
        Element link = client.get(topic).html().selectFirst(".post-body a[href=https://exemple1.org/page]");
        assertEquals("nofollow ugc noopener", link.attr("rel"), "links leaving Mare are never endorsed");

        WebClient admin = anonymous();
        assertEquals(302, admin.login(TestDatabase.ADMIN_USERNAME, TestDatabase.ADMIN_PASSWORD).status());
        Discussions.reply(admin, topic, null, tooMany);
    }

    @Test
    void registrationsPerAddressAreCountedByAKeyedHashAndForgottenAfterADay() throws Exception {
        WebClient first = anonymous();
        first.registerNewMember("adresse", PASSWORD);
        try (Connection db = TestDatabase.connect()) {
            byte[] hash;
            long newest;
            try (PreparedStatement last = db.prepareStatement(
                    "SELECT id, subject_hash FROM rate_limit_hit WHERE kind = 'registration' ORDER BY id DESC LIMIT 1");
                 ResultSet row = last.executeQuery()) {
                assertTrue(row.next(), "the registration was counted");
                newest = row.getLong(1);
                hash = row.getBytes(2);
            }
            assertEquals(32, hash.length, "an HMAC-SHA-256, not the address");
            assertFalse(new String(hash, java.nio.charset.StandardCharsets.ISO_8859_1).contains("127.0.0.1"));
            try (PreparedStatement old = db.prepareStatement("INSERT INTO rate_limit_hit (kind, subject_hash, created_at)"
                    + " VALUES ('registration', ?, NOW(6) - INTERVAL 2 DAY)")) {
                old.setBytes(1, new byte[32]);
                old.executeUpdate();
            }
            copy(db, "INSERT INTO rate_limit_hit (kind, subject_hash, created_at) SELECT kind, subject_hash, created_at"
                    + " FROM rate_limit_hit JOIN seq_1_to_" + TestDatabase.REGISTRATIONS_PER_ADDRESS + " s WHERE id = ?",
                    newest, TestDatabase.REGISTRATIONS_PER_ADDRESS);
            try {
                String name = Names.username("refusee");
                Page refused = anonymous().register(name, Names.email(name), PASSWORD);
                assertEquals(429, refused.status(), "429 Too Many Requests, the form kept");
                assertTrue(refused.mainText().contains("Trop de comptes ont été créés depuis votre adresse ces dernières 24 heures"),
                        refused.mainText());
                assertEquals(name, refused.form("register").get("username"), "what was typed is kept");
            } finally {
                try (PreparedStatement clean = db.prepareStatement("DELETE FROM rate_limit_hit WHERE subject_hash = ?")) {
                    clean.setBytes(1, hash);
                    clean.executeUpdate();
                }
            }
            anonymous().registerNewMember("ensuite", PASSWORD);
            try (PreparedStatement purged = db.prepareStatement(
                    "SELECT COUNT(*) FROM rate_limit_hit WHERE created_at < NOW(6) - INTERVAL 1 DAY");
                 ResultSet count = purged.executeQuery()) {
                count.next();
                assertEquals(0, count.getLong(1), "a registration deletes the rows older than a day");
            }
        }
    }

    private static String links(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "[lien " + i + "](https://exemple" + i + ".org/page)")
                .collect(Collectors.joining(" et "));
    }

    /** Runs {@code insert}, which copies the row {@code sourceId} once per row of MariaDB's sequence table {@code seq_1_to_N}. */
    private static void copy(Connection db, String insert, long sourceId, int copies) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(insert)) {
            statement.setLong(1, sourceId);
            assertEquals(copies, statement.executeUpdate());
        }
    }

    private static void delete(Connection db, String delete) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(delete)) {
            assertTrue(statement.executeUpdate() > 0, "the copies are deleted");
        }
    }
}
