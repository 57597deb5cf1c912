package fr.mare.search;

import fr.mare.testing.MareIT;
import static fr.mare.testing.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.mare.testing.Discussions;
import fr.mare.testing.Names;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Search end to end, without JavaScript: new content becomes findable within seconds through the
 * outbox; hidden, pending, deleted and archived content never appears; the filters live in the
 * address; the header box on every page; an empty result offers to ask.
 */
class SearchIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";
    /** The worker polls every 250 ms; a generous bound for a loaded machine. */
    private static final long WAIT_MILLIS = 8_000;

    /** A member of two months whose posts need no approval. */
    private WebClient seasoned(String prefix) throws Exception {
        WebClient client = anonymous();
        String name = client.registerNewMember(prefix, PASSWORD);
        sql("UPDATE account SET created_at = NOW(6) - INTERVAL 60 DAY, posts_to_approve = 0 WHERE username = ?", name);
        return client;
    }

    /** A word no other test uses, so that a search finds exactly what this test wrote. */
    private static String canary() {
        // Random letters: two canaries must differ by more than the two typos a fuzzy term forgives.
        StringBuilder word = new StringBuilder("zorglub");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private static String q(String text) {
        return "/recherche?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<Element> hits(Page page) {
        Element list = page.html().getElementById("search-results");
        return list == null ? List.of() : list.select("> li");
    }

    private static List<String> hrefs(Page page) {
        return hits(page).stream().map(li -> li.selectFirst("a").attr("href")).toList();
    }

    /** Searches until the condition holds on the result page, or fails after {@link #WAIT_MILLIS}. */
    private Page until(WebClient client, String path, Predicate<Page> condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        Page page;
        do {
            page = client.get(path);
            assertEquals(200, page.status(), path);
            if (condition.test(page)) {
                return page;
            }
            Thread.sleep(100);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError(what + " — not within " + WAIT_MILLIS + " ms: " + hrefs(page));
    }

    private static long topicId(String address) {
        return Long.parseLong(address.split("/")[2]);
    }

    @Test
    void aNewReplyIsFoundWithinSecondsAndTheFirstLinkIsTheTitle() throws Exception {
        WebClient asker = seasoned("cherche");
        String title = "Le calendrier partagé ne se met plus à jour " + Names.username("t");
        String topic = Discussions.ask(asker, CATEGORY, title, "Depuis hier mon agenda ne bouge plus.", null);
        String word = canary();
        long started = System.currentTimeMillis();
        Discussions.reply(seasoned("aide"), topic, null, "Videz le cache du client, puis " + word + " dans les réglages.");
        Page found = until(anonymous(), q(word), p -> hrefs(p).contains(topic), "the reply's word finds its topic");
        long elapsed = System.currentTimeMillis() - started;
        System.out.println("SearchIT: reply searchable after " + elapsed + " ms");
        Element hit = hits(found).getFirst();
        Element first = hit.selectFirst("a");
        assertEquals(title, first.text(), "the first link's text is the title");
        assertEquals(topic, first.attr("href"));
        assertNotNull(hit.selectFirst(".search-snippet mark"), "the matched word is highlighted");
        assertTrue(hit.selectFirst(".search-snippet mark").text().toLowerCase().contains("zorglub"));
    }

    @Test
    void userTextInSnippetsIsEscaped() throws Exception {
        WebClient author = seasoned("html");
        String word = canary();
        String topic = Discussions.ask(author, CATEGORY, "Une question avec du balisage " + Names.username("t"),
                "Le texte `<b onmouseover=alert(1)>gras</b>` et <script>alert('x')</script> " + word + ".", null);
        Page found = until(anonymous(), q(word), p -> hrefs(p).contains(topic), "found");
        Element snippet = hits(found).getFirst().selectFirst(".search-snippet");
        assertTrue(snippet.select("script, b").isEmpty(), snippet.html());
        assertTrue(snippet.select("*").stream().allMatch(e -> e == snippet || e.tagName().equals("mark")), snippet.html());
    }

    @Test
    void hiddenPendingAndDeletedPostsNeverAppear() throws Exception {
        WebClient author = seasoned("cache");
        String topic = Discussions.ask(author, CATEGORY, "Un sujet aux réponses variées " + Names.username("t"), "La question.", null);
        String hiddenWord = canary();
        String pendingWord = canary();
        String deletedWord = canary();
        String publicWord = canary();
        long hidden = Discussions.reply(author, topic, null, "Réponse masquée " + hiddenWord + ".");
        long pending = Discussions.reply(author, topic, null, "Réponse en attente " + pendingWord + ".");
        long deleted = Discussions.reply(author, topic, null, "Réponse supprimée " + deletedWord + ".");
        until(anonymous(), q(hiddenWord), p -> hrefs(p).contains(topic), "indexed before moderation");
        sql("UPDATE forum_post SET hidden_at = NOW(6), hidden_reason = 'essai' WHERE id = ?", hidden);
        sql("UPDATE forum_post SET pending = TRUE WHERE id = ?", pending);
        sql("UPDATE forum_post SET deleted_at = NOW(6) WHERE id = ?", deleted);
        Discussions.reply(author, topic, null, "Une réponse publique " + publicWord + ".");
        // Once the later public reply is searchable, the earlier changes have been applied too.
        until(anonymous(), q(publicWord), p -> hrefs(p).contains(topic), "the public reply");
        for (String word : List.of(hiddenWord, pendingWord, deletedWord)) {
            Page page = until(anonymous(), q(word), p -> !hrefs(p).contains(topic), word + " gone");
            assertFalse(page.body().contains(word + "</mark>"), "no trace of " + word);
        }
        assertTrue(hrefs(anonymous().get(q(publicWord))).contains(topic));
    }

    @Test
    void hiddenAndPendingTopicsAndArchivedTutorialsNeverAppear() throws Exception {
        WebClient author = seasoned("sujets");
        String word = canary();
        String hiddenTopic = Discussions.ask(author, CATEGORY, "Sujet bientôt masqué " + word, "Question.", null);
        String pendingTopic = Discussions.ask(author, CATEGORY, "Sujet bientôt en attente " + word, "Question.", null);
        Page saved = author.get("/tutoriels/nouveau").form("wiki")
                .set("title", "Un tutoriel bientôt archivé " + word).set("section", CATEGORY).set("level", "intermediaire")
                .set("audience", "ADMIN").set("body", "Le guide " + word + ".").set("summary", "Première version").submit();
        assertEquals(302, saved.status(), saved.mainText());
        String tutorial = saved.location().substring(saved.location().indexOf("/tutoriels/"));
        until(anonymous(), q(word), p -> hrefs(p).containsAll(List.of(hiddenTopic, pendingTopic, tutorial)), "all three indexed");

        sql("UPDATE forum_topic SET hidden_at = NOW(6), hidden_reason = 'essai' WHERE id = ?", topicId(hiddenTopic));
        sql("UPDATE forum_topic SET pending = TRUE WHERE id = ?", topicId(pendingTopic));
        sql("UPDATE wiki_page SET archived = TRUE WHERE slug = ?", tutorial.substring("/tutoriels/".length()));
        Page gone = until(anonymous(), q(word), p -> hrefs(p).isEmpty(), "none of the three");
        assertNull(gone.html().getElementById("search-results"));
        // Not for their author either: search lists what everyone reads (ADR 0015).
        assertTrue(hrefs(author.get(q(word))).isEmpty());

        sql("UPDATE forum_topic SET hidden_at = NULL, hidden_reason = NULL WHERE id = ?", topicId(hiddenTopic));
        until(anonymous(), q(word), p -> hrefs(p).equals(List.of(hiddenTopic)), "restored topic back");
    }

    @Test
    void filtersAreInTheAddressAndKeptInTheForm() throws Exception {
        WebClient author = seasoned("filtres");
        String word = canary();
        String open = Discussions.ask(author, CATEGORY, "Question ouverte " + word, "Question sans solution.", "thunderbird");
        String solved = Discussions.ask(author, CATEGORY,
                "Question résolue " + word, "Question avec solution.", null);
        long answer = Discussions.reply(author, solved, null, "La solution " + word + ".");
        sql("UPDATE forum_topic SET solution_post_id = ? WHERE id = ?", answer, topicId(solved));
        WebClient reader = anonymous();
        until(reader, q(word) + "&resolu=oui", p -> hrefs(p).equals(List.of(solved)), "solved filter");
        until(reader, q(word) + "&resolu=non", p -> hrefs(p).equals(List.of(open)), "unsolved filter");
        until(reader, q(word) + "&tag=thunderbird", p -> hrefs(p).equals(List.of(open)), "tag filter");
        Page solvedHit = reader.get(q(word) + "&resolu=oui");
        assertNotNull(hits(solvedHit).getFirst().selectFirst(".badge-solved"));
        assertTrue(hrefs(reader.get(q(word) + "&type=tutoriels")).isEmpty(), "type filter");
        assertEquals(2, hrefs(reader.get(q(word) + "&type=discussions&categorie=" + CATEGORY)).size(), "category filter");
        assertTrue(hrefs(reader.get(q(word) + "&categorie=une-autre-categorie")).isEmpty());

        Page page = reader.get(q(word) + "&type=discussions&resolu=oui");
        assertEquals(word, page.html().getElementById("search-q").val());
        assertEquals("discussions", page.html().selectFirst("#search-type option[selected]").val());
        assertEquals("oui", page.html().selectFirst("#search-solved option[selected]").val());
        assertEquals("get", page.html().getElementById("search-form").attr("method"));
    }

    @Test
    void typosAccentsAndElisionsStillFind() throws Exception {
        WebClient author = seasoned("fautes");
        String topic = Discussions.ask(author, CATEGORY, "L’authentification à deux facteurs bloque la synchronisation " + Names.username("t"),
                "Depuis l'activation, le client de bureau refuse mes identifiants.", null);
        WebClient reader = anonymous();
        until(reader, q("authentification deux facteurs"), p -> hrefs(p).contains(topic), "indexed");
        assertTrue(hrefs(reader.get(q("l'authentification"))).contains(topic), "elision");
        assertTrue(hrefs(reader.get(q("synchronisations"))).contains(topic), "inflection");
        assertTrue(hrefs(reader.get(q("2FA"))).contains(topic), "synonym");
        assertTrue(hrefs(reader.get(q("synchro"))).contains(topic), "synonym synchro");
        assertTrue(hrefs(reader.get(q("authentifcation"))).contains(topic), "typo");
        Page suggested = reader.get(q("authentifcation"));
        assertNotNull(suggested.html().getElementById("search-suggestion"), "« Vouliez-vous dire »");
        assertTrue(suggested.html().getElementById("search-suggestion").text().contains("authentification"));
    }

    @Test
    void pagesGoOnWithLinksThatKeepTheQuery() throws Exception {
        WebClient author = seasoned("pages");
        String word = canary();
        for (int i = 0; i < 12; i++) {
            Discussions.ask(author, CATEGORY, "Sujet numéro " + i + " du mot " + word, "Question " + word + ".", null);
        }
        WebClient reader = anonymous();
        Page first = until(reader, q(word), p -> p.html().getElementById("search-next") != null, "a second page");
        assertEquals(10, hits(first).size());
        String next = first.html().getElementById("search-next").attr("href");
        assertTrue(next.contains("q=" + word) && next.contains("page=2"), next);
        // The first page may come before the last of the twelve is indexed: wait for it too.
        Page second = until(reader, next.substring(next.indexOf("/recherche")), p -> hits(p).size() == 2, "the twelfth topic on the second page");
        assertEquals(2, hits(second).size());
        assertEquals("11", second.html().getElementById("search-results").attr("start"));
        assertNotNull(second.html().getElementById("search-previous"));
    }

    @Test
    void anEmptyResultOffersToAskAndTheFormIsPreFilled() throws Exception {
        String nothing = "qwxzvb" + canary();
        Page empty = anonymous().get(q(nothing));
        assertEquals(200, empty.status());
        assertNull(empty.html().getElementById("search-results"));
        Element ask = empty.html().getElementById("search-ask");
        assertNotNull(ask);
        assertTrue(ask.attr("href").endsWith("/nouveau-sujet?titre=" + nothing), ask.attr("href"));
        WebClient member = seasoned("demande");
        Page form = member.get("/nouveau-sujet?titre=" + nothing);
        assertEquals(nothing, form.html().getElementById("topic:title").val());
    }

    @Test
    void similarQuestionsOnPreviewShowTheirSolvedState() throws Exception {
        WebClient author = seasoned("similaire");
        String word = canary();
        String solved = Discussions.ask(author, CATEGORY, "Impossible d'ouvrir le dossier partagé " + word, "Question.", null);
        long answer = Discussions.reply(author, solved, null, "Réponse.");
        sql("UPDATE forum_topic SET solution_post_id = ? WHERE id = ?", answer, topicId(solved));
        until(anonymous(), q(word) + "&resolu=oui", p -> hrefs(p).contains(solved), "indexed as solved");
        Page preview = author.get("/nouveau-sujet").form("topic")
                .set("title", "Dossier partagé impossible à ouvrir " + word).set("category", CATEGORY)
                .set("body", "Ma question.").submit("preview-submit");
        Element similar = preview.html().getElementById("similar-questions");
        assertNotNull(similar, preview.mainText());
        Element link = similar.selectFirst("a[href$=" + solved + "]");
        assertNotNull(link, similar.html());
        assertTrue(link.parent().selectFirst(".badge-solved") != null, similar.html());
        assertEquals("Dossier partagé impossible à ouvrir " + word, preview.html().getElementById("topic:title").val());
    }

    @Test
    void theHeaderBoxIsOnEveryPageAndSearchCreatesNoSession() throws Exception {
        for (String path : List.of("/", "/tutoriels", "/voisins", "/recherche")) {
            Page page = anonymous().get(path);
            Element form = page.html().getElementById("header-search");
            assertNotNull(form, path);
            assertEquals("search", form.attr("role"));
            assertEquals("get", form.attr("method"));
            assertTrue(form.attr("action").endsWith("/recherche"));
            Element input = form.selectFirst("input[name=q]");
            assertNotNull(page.html().selectFirst("label[for=" + input.id() + "]"), "labelled");
        }
        // An anonymous search opens no session (performance issue #11, ADR 0019).
        WebClient fresh = anonymous();
        Page page = fresh.get(q("agenda") + "&type=discussions");
        assertEquals(200, page.status());
        assertTrue(fresh.cookie("JSESSIONID").isEmpty(), "no session for a visitor: " + page.headers().map());
        assertNull(page.html().selectFirst("input[name=jakarta.faces.ViewState]"), "no Faces form state");
        assertNull(page.html().selectFirst("form[method=post]"), "nothing to post");
    }

    @Test
    void theAdministrationRebuildsTheIndex() throws Exception {
        WebClient author = seasoned("reconstruit");
        String word = canary();
        String topic = Discussions.ask(author, CATEGORY, "Un sujet à retrouver après reconstruction " + word, "Question.", null);
        until(anonymous(), q(word), p -> hrefs(p).contains(topic), "indexed");
        WebClient admin = anonymous();
        assertEquals(302, admin.login(fr.mare.testing.TestDatabase.ADMIN_USERNAME, fr.mare.testing.TestDatabase.ADMIN_PASSWORD).status());
        Page status = admin.get("/admin/recherche");
        assertEquals(200, status.status());
        Page done = status.form("rebuild").submit("submit");
        assertEquals(302, done.status(), done.mainText());
        until(anonymous(), q(word), p -> hrefs(p).contains(topic), "still found after the rebuild");
        assertEquals(403, author.get("/admin/recherche").status(), "administration only");
        URI login = URI.create(anonymous().get("/admin/recherche").location());
        assertTrue(login.toString().contains("/connexion"));
    }
}
