package fr.mare.web;

import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static fr.mare.testing.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Performance issue #11 and ADR 0019: a visitor's pages carry no session and are kept, and no
 * kept page is ever served after a change: each kind of change (reply, edit, « merci », solution,
 * deletion, hiding by moderation, a tutorial's edit, a collective's, a row changed with SQL) is
 * seen by the very next visitor's request.
 */
class PageCacheIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    private WebClient visitor() throws Exception {
        return anonymous();
    }

    /**
     * A visitor's view of a page once it is kept: read until a read is served from the cache. A
     * write's after-effects (the search index applying it, a second or so later, ADR 0015) change
     * the content version once more, so the first reads after a write may each be rendered anew.
     */
    private String kept(String path) throws Exception {
        Page again = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            again = visitor().get(path);
            assertEquals(200, again.status(), path);
            if ("hit".equals(again.header("X-Mare-Cache"))) {
                return again.body();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the page is never kept for visitors: " + path + " (" + again.header("X-Mare-Cache") + ")");
    }

    private Page fresh(String path) throws Exception {
        Page page = visitor().get(path);
        assertEquals(200, page.status(), path);
        return page;
    }

    // ------------------------------------------------------------------ what a visitor gets

    @Test
    void aVisitorsPagesCreateNoSessionAndAreKept() throws Exception {
        String topic = Discussions.ask(loggedIn("lu"), CATEGORY, "Une question lue par des visiteurs " + Names.username("q"), "La question.", null);
        for (String path : List.of("/", topic, "/tutoriels", "/voisins", "/connexion", "/inscription", "/c/" + CATEGORY, "/discussions", "/accessibilite")) {
            Page first = visitor().get(path);
            assertEquals(200, first.status(), path);
            assertNull(first.header("Set-Cookie"), "no cookie for a visitor: " + path);
            kept(path);
        }
    }

    @Test
    void keptPagesAnswerConditionalAndCompressedRequests() throws Exception {
        HttpClient http = WebClient.bareClient();
        URI home = base.toURI().resolve("/");
        kept("/");
        HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(home).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        String etag = plain.headers().firstValue("ETag").orElse(null);
        assertNotNull(etag, "a kept page has an ETag");
        assertEquals("no-cache", plain.headers().firstValue("Cache-Control").orElse(""));

        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(home).header("If-None-Match", etag).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);

        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(home).header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        assertTrue(gzipped.body().length < plain.body().length / 2, "compressed: " + gzipped.body().length + " of " + plain.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertEquals(new String(plain.body(), StandardCharsets.UTF_8), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aMembersPagesAreNeverKeptButAreCompressed() throws Exception {
        WebClient karim = loggedIn("membre");
        Page page = karim.get("/");
        assertEquals("pass", page.header("X-Mare-Cache"));
        assertNull(page.header("ETag"));
        assertEquals("no-store", page.header("Cache-Control"));
        assertNotNull(page.html().getElementById("current-account"), "the member's own header, never a visitor's page");

        HttpResponse<byte[]> gzipped = WebClient.bareClient().send(HttpRequest.newBuilder(base.toURI().resolve("/"))
                .header("Cookie", "JSESSIONID=" + karim.cookie("JSESSIONID").orElseThrow()
                        + "; MARE_SESSION=" + karim.cookie("MARE_SESSION").orElseThrow()).header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
    }

    @Test
    void aFormSentFromAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> forged = WebClient.bareClient().send(HttpRequest.newBuilder(base.toURI().resolve("/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://ailleurs.example")
                .POST(HttpRequest.BodyPublishers.ofString("login=login&jakarta.faces.ViewState=stateless")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, forged.statusCode());
        HttpResponse<String> fetched = WebClient.bareClient().send(HttpRequest.newBuilder(base.toURI().resolve("/connexion"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("login=login&jakarta.faces.ViewState=stateless")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, fetched.statusCode());
    }

    // ------------------------------------------------------------------ every change is seen at once

    @Test
    void aReplyIsSeenByTheNextVisitor() throws Exception {
        WebClient asker = loggedIn("demande");
        String topic = Discussions.ask(asker, CATEGORY, "Une question qui attend " + Names.username("q"), "La question.", null);
        kept(topic);
        kept("/");
        String text = "Une réponse toute neuve " + Names.username("r");
        Discussions.reply(loggedIn("aide"), topic, null, text);

        Page after = fresh(topic);
        assertEquals("miss", after.header("X-Mare-Cache"));
        assertTrue(after.body().contains(text), "the reply is on the page");
    }

    @Test
    void anEditIsSeenByTheNextVisitor() throws Exception {
        WebClient author = loggedIn("auteur");
        String topic = Discussions.ask(author, CATEGORY, "Une question à corriger " + Names.username("q"), "La question.", null);
        long reply = Discussions.reply(author, topic, null, "Premier jet.");
        assertTrue(kept(topic).contains("Premier jet."));
        String text = "Version corrigée " + Names.username("e");
        assertEquals(302, author.get(topic + "?modifier=" + reply).formEndingWith("edit").set("body", text).submit().status());

        assertTrue(fresh(topic).body().contains(text));
    }

    @Test
    void thanksAndTheSolutionAreSeenByTheNextVisitor() throws Exception {
        WebClient asker = loggedIn("demande");
        String topic = Discussions.ask(asker, CATEGORY, "Une question résolue " + Names.username("q"), "La question.", null);
        long answer = Discussions.reply(loggedIn("aide"), topic, null, "La réponse.");
        kept(topic);

        assertEquals(302, loggedIn("lecteur").get(topic).formAround("likes-" + answer).submit("like").status());
        assertEquals("un merci", fresh(topic).html().getElementById("likes-" + answer).text(), "the thanks is counted");

        kept(topic);
        assertEquals(302, asker.get(topic).formAround("likes-" + answer).submit("solution").status());
        assertNotNull(fresh(topic).html().getElementById("solved-mark"), "the topic shows as solved");
    }

    @Test
    void aDeletionAndAHidingAreSeenByTheNextVisitor() throws Exception {
        WebClient asker = loggedIn("demande");
        String topic = Discussions.ask(asker, CATEGORY, "Une question mal accompagnée " + Names.username("q"), "La question.", null);
        WebClient author = loggedIn("bavard");
        long doomed = Discussions.reply(author, topic, null, "Un message que son auteur retire.");
        long rude = Discussions.reply(author, topic, null, "Un message que la modération masque.");
        kept(topic);

        assertEquals(302, Discussions.delete(author, topic, doomed).status());
        assertFalse(fresh(topic).body().contains("Un message que son auteur retire."), "the deleted post's text is gone");

        kept(topic);
        WebClient modo = moderator("veilleur").client();
        assertEquals(302, modo.get("/moderation/cible?cible=post:" + rude).form("act-post-" + rude)
                .set("action", "HIDE").set("reason", "propos blessants").submit().status());
        Page after = fresh(topic);
        assertFalse(after.body().contains("Un message que la modération masque."), "the hidden post's text is gone");
        assertNotNull(after.html().getElementById("post-" + rude + "-hidden"), "its place says it was hidden");
    }

    @Test
    void aTutorialsEditIsSeenByTheNextVisitor() throws Exception {
        WebClient writer = loggedIn("redige");
        String title = "Un tutoriel relu " + Names.username("t");
        Page saved = writer.get("/tutoriels/nouveau").form("wiki")
                .set("title", title).set("section", CATEGORY).set("level", "intermediaire").set("audience", "ADMIN")
                .set("ncMin", "28").set("ncMax", "31").set("body", "Première version du texte, assez longue pour être acceptée.")
                .set("summary", "Première version").submit();
        assertEquals(302, saved.status(), saved.mainText());
        String page = saved.location().substring(saved.location().indexOf("/tutoriels/"));
        kept(page);
        kept("/tutoriels");
        String text = "Deuxième version " + Names.username("v");
        assertEquals(302, writer.get(page + "/modifier").form("wiki").set("body", text + ", relue et complétée.")
                .set("summary", "Relue").submit().status());

        assertTrue(fresh(page).body().contains(text));
    }

    @Test
    void aCollectivesEditIsSeenByTheNextVisitor() throws Exception {
        WebClient founder = loggedIn("fonde");
        String name = "Les Voisins Relus " + Names.username("c").replaceAll("\\d", "");
        Page created = founder.get("/voisins/nouveau").form("collective").set("name", name)
                .set("presentation", "Nous jardinons ensemble et partageons nos outils.").set("kind", "ASSOCIATION")
                .set("region", "35").set("size", "11-50").submit();
        assertEquals(302, created.status(), created.mainText());
        String page = created.location().substring(created.location().indexOf("/voisins/"));
        kept(page);
        assertEquals(302, founder.get(page + "/modifier").form("collective").set("name", name + " et amis").submit().status());

        assertEquals(name + " et amis", fresh(page).html().getElementById("collective-name").text());
    }

    @Test
    void aRowChangedWithSqlIsSeenAfterMareReadsTheContentVersion() throws Exception {
        String topic = Discussions.ask(loggedIn("demande"), CATEGORY, "Un titre changé en SQL " + Names.username("q"), "La question.", null);
        kept(topic);
        String title = "Titre corrigé par l'hébergeur " + Names.username("s");
        // Sql.sql increments content_version, as docs/operations.md asks of an SQL change, and waits
        // for Mare to read it.
        sql("UPDATE forum_topic SET title = ? WHERE id = ?", title, Long.parseLong(topic.split("/")[2]));

        assertEquals(title, fresh(topic).html().getElementById("topic-title").text());
    }
}
