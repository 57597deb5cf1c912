package fr.mare.forum;

import fr.mare.forum.web.ForumCategoryBacking;
import fr.mare.testing.Discussions;
import fr.mare.testing.FormChecks;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.PageChecks;
import fr.mare.testing.Sql;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Discussions end to end: asking (preview, validation that keeps the text, publishing), answering
 * in a tree, quoting, thanking, choosing the solution, and the lists, with each write refused to
 * whoever may not do it.
 */
class ForumIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    /** A new member, logged in. */

    private static String ask(WebClient client, String title, String body) {
        return Discussions.ask(client, CATEGORY, title, body, null);
    }

    private static long reply(WebClient client, String topic, Long to, String body) {
        return Discussions.reply(client, topic, to, body);
    }

    @Test
    void theHomePageShowsCategoriesAndLatestTopics() throws Exception {
        WebClient camille = loggedIn("camille");
        String topic = ask(camille, "Une question toute fraîche pour l'accueil", "Le corps de la question.");
        Page home = anonymous().get("/");
        assertEquals(8, home.html().select(".category-list li").size(), "the eight seeded categories");
        assertNotNull(home.html().selectFirst("#sujets a.topic-title[href$=" + topic + "]"), "latest topics");
        assertNotNull(home.html().selectFirst("a#nav-discussions"));
    }

    @Test
    void askingNeedsALoginAndKeepsTheTextOnEveryError() throws Exception {
        Page anonymous = anonymous().get("/nouveau-sujet");
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.location().contains("/connexion?retour="), anonymous.location());

        WebClient client = loggedIn("question");
        String body = "Mon texte **important**, à ne pas perdre.";
        Page tooShort = client.get("/nouveau-sujet").form("topic")
                .set("title", "Court").set("category", CATEGORY).set("body", body).submit();
        assertEquals(200, tooShort.status());
        assertTrue(tooShort.mainText().contains("Ce titre est trop court"), tooShort.mainText());
        assertEquals(body, tooShort.html().getElementById("topic:body").text(), "the body is kept");
        assertEquals("Court", tooShort.html().getElementById("topic:title").val());

        Page noCategory = client.get("/nouveau-sujet").form("topic")
                .set("title", "Un titre assez long pour passer").set("body", body).submit();
        assertTrue(noCategory.mainText().contains("Choisissez une catégorie"), noCategory.mainText());

        Page tooLong = client.get("/nouveau-sujet").form("topic").set("title", "Un titre assez long pour passer")
                .set("category", CATEGORY).set("body", "x".repeat(ForumService.BODY_MAX + 1)).submit();
        assertTrue(tooLong.mainText().contains("il dépasse 32 000 caractères") || tooLong.mainText().contains("il dépasse 32000 caractères"),
                tooLong.mainText());
    }

    @Test
    void anEmptyQuestionIsRefusedWithEveryMissingFieldAtOnceInASummary() throws Exception {
        WebClient client = loggedIn("vide");
        Document blank = client.get("/nouveau-sujet").html();
        assertEquals(3, blank.select("#topic .required-mark").size(), "title, category and body visibly required");
        Page refused = client.get("/nouveau-sujet").form("topic").set("tags", "partage").submit();
        assertEquals(200, refused.status());
        Document page = refused.html();
        Element summary = page.getElementById("error-summary");
        assertNotNull(summary, refused.mainText());
        assertEquals("alert", summary.attr("role"));
        assertEquals("-1", summary.attr("tabindex"));
        assertTrue(summary.hasAttr("autofocus"), "in view without JavaScript");
        assertEquals(Set.of("#topic:category", "#topic:title", "#topic:body"), Set.copyOf(summary.select("li a").eachAttr("href")),
                "one submit tells every missing field: " + summary.text());
        assertTrue(summary.text().contains("3 points à corriger"), summary.text());
        assertTrue(summary.text().contains("Choisissez une catégorie"), summary.text());
        for (String field : List.of("topic:title", "topic:category", "topic:body")) {
            Element input = page.getElementById(field);
            assertEquals("true", input.attr("aria-invalid"), field);
            String messageId = input.attr("aria-describedby").split(" ")[0];
            assertEquals(field + "-error", messageId, field);
            assertFalse(page.getElementById(messageId).text().isBlank(), field + " has its message");
        }
        assertEquals("partage", page.getElementById("topic:tags").val(), "what was typed stays");
        assertEquals("false", page.getElementById("topic:tags").attr("aria-invalid"));
        assertNull(client.get("/nouveau-sujet").html().getElementById("error-summary"), "no summary on a fresh form");
    }

    @Test
    void aMemberWhoseSessionEndedWhileWritingFindsTheTextAfterLoggingIn() throws Exception {
        WebClient writer = anonymous();
        String name = writer.registerNewMember("ecrivain", PASSWORD);
        String body = "Un long texte écrit pendant que la session se terminait.";
        WebClient.Form typed = writer.get("/nouveau-sujet?categorie=" + CATEGORY).form("topic")
                .set("title", "Une question écrite trop lentement").set("body", body);
        // The same browser after its session ended: no session, the form of the old one.
        WebClient later = anonymous();
        Page login = typed.replayedBy(later, typed.get("jakarta.faces.ViewState")).submit("submit");
        assertEquals(401, login.status(), "a login page that carries the text, not a redirect that loses it");
        assertEquals("no-store", login.header("Cache-Control"));
        assertTrue(login.mainText().contains("Votre session a pris fin pendant que vous écriviez"), login.mainText());
        assertTrue(login.html().select("textarea[readonly]").text().contains(body), "the text is shown, to copy if need be");

        Page wrong = login.form("login").set("username", name).set("password", "pas le bon mot de passe").submit();
        assertTrue(wrong.html().select("textarea[readonly]").text().contains(body), "still carried after a wrong password");
        Page loggedIn = wrong.form("login").set("username", name).set("password", PASSWORD).submit();
        assertEquals(302, loggedIn.status(), loggedIn.mainText());
        assertTrue(loggedIn.location().contains("/nouveau-sujet"), loggedIn.location());
        assertEquals(1L, Sql.count("SELECT COUNT(*) FROM web_draft WHERE owner = ? AND INSTR(fields, 'lentement') > 0", name),
                "kept in the database (issue #17, ADR 0036)");

        // The next page may come from another node, which never saw the session of the login.
        later.forget("JSESSIONID");
        Page back = later.follow(loggedIn);
        assertTrue(back.mainText().contains("voici le texte que vous aviez écrit"), back.mainText());
        assertEquals(body, back.html().getElementById("topic:body").text());
        assertEquals("Une question écrite trop lentement", back.html().getElementById("topic:title").val());
        assertEquals(CATEGORY, back.html().select("select[id=topic:category] option[selected]").val());
        Page published = back.form("topic").submit("submit");
        assertEquals(302, published.status(), "one click publishes: " + published.mainText());
        assertTrue(later.follow(published).mainText().contains(body));
        assertFalse(later.get("/nouveau-sujet").mainText().contains("voici le texte"), "shown once");
        assertEquals(0L, Sql.count("SELECT COUNT(*) FROM web_draft WHERE owner = ?", name), "and gone once shown");
    }

    /**
     * An empty reply or edit far down a thread (#14): its summary is at the top of its own form,
     * where the person is (focused), not at the top of the page out of view.
     */
    @Test
    void anEmptyReplyOrEditShowsItsSummaryInItsOwnForm() throws Exception {
        WebClient client = loggedIn("muet");
        String topic = ask(client, "Une discussion où l'on répond trop vite", "La question.");
        Page refused = client.get(topic).form("reply").set("body", "   ").submit();
        Element summary = FormChecks.everyFieldAtOnce(refused, "reply:body");
        assertEquals("reply", summary.closest("form").id(), "the summary is in the reply form");
        assertNull(refused.html().selectFirst("main > #error-summary"), "not at the top of the page");

        long mine = reply(client, topic, null, "Une réponse que je vais vider.");
        Page editing = client.get(topic + "?modifier=" + mine);
        String body = editing.html().selectFirst("form[id$=edit] textarea").id();
        Page emptied = editing.formEndingWith("edit").set("body", "").submit();
        Element editSummary = FormChecks.everyFieldAtOnce(emptied, body);
        assertTrue(editSummary.closest("form").id().endsWith("edit"), "the summary is in the edit form");
        assertTrue(client.get(topic).mainText().contains("Une réponse que je vais vider."), "nothing saved");
    }

    /** Heading anchors are unique on a page (#14): posts of one topic, and a tutorial, that repeat their headings. */
    @Test
    void headingAnchorsAreUniqueOnAPage() throws Exception {
        WebClient client = loggedIn("titres");
        String steps = "## Étapes\n\nOuvrez Fichiers.\n\n## Résultat\n\nC'est partagé.";
        String topic = ask(client, "Des messages qui reprennent les mêmes intertitres", steps);
        reply(client, topic, null, steps);
        reply(loggedIn("echo"), topic, null, steps);
        Document thread = client.get(topic).html();
        assertEquals(6, thread.select(".post-body h2[id]").size(), thread.select(".post-body h2").outerHtml());
        assertEquals(Set.of(), PageChecks.repeatedIds(thread), "ids on the topic page");

        Page saved = client.get("/tutoriels/nouveau").form("wiki").set("title", "Un tutoriel aux intertitres répétés")
                .set("section", CATEGORY).set("body", steps + "\n\n" + steps).set("summary", "Première version").submit();
        assertEquals(302, saved.status(), saved.mainText());
        Document tutorial = client.get(saved.location().substring(saved.location().indexOf("/tutoriels/"))).html();
        assertEquals(4, tutorial.select("#wiki-body h2[id]").size(), tutorial.select("#wiki-body h2").outerHtml());
        assertEquals(Set.of(), PageChecks.repeatedIds(tutorial), "ids on the tutorial page");
    }

    @Test
    void aReplyBoxLeftOpenWhileReadingManyOtherPagesStillPublishes() throws Exception {
        WebClient client = anonymous();
        String name = client.registerNewMember("flaneur", PASSWORD);
        String topic = ask(client, "Une réponse écrite en lisant d'autres pages", "La question.");
        WebClient.Form open = client.get(topic).form("reply").set("body", "Écrite pendant que je lisais ailleurs.");
        for (int i = 0; i < 40; i++) {
            assertEquals(200, client.get(i % 2 == 0 ? topic : "/c/" + CATEGORY).status());
        }
        Page posted = open.submit();
        assertEquals(302, posted.status(), "40 pages later the form still works (#14): " + posted.mainText());
        assertTrue(client.get(topic).mainText().contains("Écrite pendant que je lisais ailleurs."));

        // No number of pages read expires it any more (its state is in the page, ADR 0032), but it
        // belongs to its login: sent after logging out and in again, it is expired, its text comes back.
        WebClient.Form old = client.get(topic).form("reply").set("body", "Écrite pendant une très longue lecture.");
        String csrf = client.get("/compte").html().selectFirst("input[name=csrf]").val();
        assertEquals(303, client.post("/deconnexion", java.util.Map.of("csrf", csrf)).status());
        assertEquals(302, client.login(name, PASSWORD).status());
        Page expired = old.submit();
        assertEquals(400, expired.status(), expired.mainText());
        assertNotNull(expired.html().getElementById("expired-restore"), expired.mainText());
        client.forget("JSESSIONID");
        Page retried = client.get(expired.html().getElementById("retry").attr("href"));
        assertTrue(retried.mainText().contains("voici le texte que vous aviez envoyé"), retried.mainText());
        assertEquals("Écrite pendant une très longue lecture.", retried.html().getElementById("reply:body").text());
        assertEquals(302, retried.form("reply").submit().status(), "one click sends it");
    }

    @Test
    void previewRendersOnTheServerAndPublishesNothing() throws Exception {
        WebClient client = loggedIn("apercu");
        Page preview = client.get("/nouveau-sujet").form("topic")
                .set("title", "Un aperçu avant de publier").set("category", CATEGORY)
                .set("body", "Du **gras** et <script>alert('x')</script>").submit("preview-submit");
        assertEquals(200, preview.status());
        Element rendered = preview.html().getElementById("preview");
        assertNotNull(rendered);
        assertEquals("gras", rendered.selectFirst("strong").text());
        assertTrue(rendered.select("script").isEmpty(), "raw HTML is shown as text, never run");
        assertTrue(rendered.text().contains("<script>"), rendered.html());
        assertEquals("Un aperçu avant de publier", preview.html().getElementById("topic:title").val(), "kept after preview");
    }

    @Test
    void repliesFormATreeAndQuotesArePreFilled() throws Exception {
        WebClient asker = loggedIn("arbre");
        String topic = ask(asker, "Une question pour tester les fils", "La question.");
        WebClient helper = loggedIn("aide");
        long first = reply(helper, topic, null, "Première réponse.");
        long nested = reply(asker, topic, first, "Réponse à la première réponse.");
        long second = reply(helper, topic, null, "Deuxième réponse au sujet.");

        Document thread = asker.get(topic).html();
        Element firstPost = thread.getElementById("post-" + first);
        assertNotNull(firstPost.getElementById("post-" + nested), "a reply is rendered inside its parent's element");
        assertNull(firstPost.getElementById("post-" + second));
        assertNotNull(thread.selectFirst("#post-" + first + " details.branch > summary"), "branches fold without JavaScript");
        assertEquals("Réponse à la première réponse.", thread.selectFirst("#post-" + nested + " .post-body").text());

        Page quoting = asker.get(topic + "?repondre=" + second + "&citer=1");
        String prefilled = quoting.formEndingWith("replyTo").get("body");
        assertTrue(prefilled.startsWith("> @aide-"), prefilled);
        assertTrue(prefilled.contains("> Deuxième réponse au sujet."), prefilled);
    }

    @Test
    void deepRepliesStopNestingAndSayWhomTheyAnswer() throws Exception {
        WebClient a = loggedIn("profond");
        String topic = ask(a, "Une discussion qui descend très profond", "Question.");
        Long parent = null;
        long deepest = 0;
        for (int i = 1; i <= 8; i++) {
            deepest = reply(a, topic, parent, "Niveau " + i);
            parent = deepest;
        }
        Document thread = a.get(topic).html();
        Element post = thread.getElementById("post-" + deepest);
        assertTrue(post.className().contains("depth-6"), post.className());
        assertTrue(post.selectFirst(".reply-to").text().startsWith("en réponse à @profond-"), post.selectFirst(".reply-to").text());
        assertTrue(thread.select("ol.replies").size() <= 6, "nesting is bounded");
    }

    @Test
    void theAskerMarksTheSolutionOthersCannot() throws Exception {
        WebClient asker = loggedIn("resolu");
        String topic = ask(asker, "Une question qui trouvera sa solution", "Question.");
        WebClient helper = loggedIn("sauveur");
        long answer = reply(helper, topic, null, "Voici **la** solution : un lien de partage.");

        Page helperView = helper.get(topic);
        assertNull(helperView.html().selectFirst("#post-" + answer + " input[name$=solution]"), "only the asker sees the button");

        Page marked = asker.get(topic).formAround("likes-" + answer).submit("solution");
        assertEquals(302, marked.status(), marked.mainText());
        Document solved = asker.follow(marked).html();
        assertNotNull(solved.getElementById("solved-mark"), "« Résolu » on the topic");
        assertTrue(solved.getElementById("solution").text().contains("Voici la solution"), "excerpt under the question");
        assertTrue(solved.getElementById("post-" + answer).className().contains("is-solution"));
        Page listed = anonymous().get("/c/" + CATEGORY + "?filtre=resolus");
        assertNotNull(listed.html().selectFirst("a.topic-title[href$=" + topic + "]"), "listed among solved topics");
    }

    @Test
    void thanksOncePerMemberNeverForOneself() throws Exception {
        WebClient author = loggedIn("merci");
        String topic = ask(author, "Une question qui mérite des mercis", "Question.");
        long answer = reply(author, topic, null, "Je réponds à ma propre question.");
        assertNull(author.get(topic).html().selectFirst("#post-" + answer + " input[name$=like]"), "no button on one's own post");

        WebClient reader = loggedIn("lecteur");
        Page thanked = reader.get(topic).formAround("likes-" + answer).submit("like");
        assertEquals(302, thanked.status());
        Document after = reader.follow(thanked).html();
        assertEquals("un merci", after.getElementById("likes-" + answer).text());
        assertNull(after.selectFirst("#post-" + answer + " input[name$=like]"), "once per member");
        assertTrue(after.selectFirst("#post-" + answer + " .liked").text().contains("Vous avez dit merci"));
    }

    @Test
    void categoryListsFilterAndPageWithoutOffset() throws Exception {
        WebClient client = loggedIn("liste");
        String unanswered = ask(client, "Une question restée sans réponse", "Personne ne répond.");
        String answered = ask(client, "Une question qui a reçu une réponse", "Quelqu'un répond.");
        reply(client, answered, null, "Une réponse.");

        Document all = client.get("/c/" + CATEGORY).html();
        assertEquals(unanswered.equals(answered) ? 1 : 2, all.select("a.topic-title[href$=" + unanswered + "], a.topic-title[href$=" + answered + "]").size());
        assertTrue(all.select("a.topic-title").first().attr("href").endsWith(answered), "last activity first");
        Document withoutAnswer = client.get("/c/" + CATEGORY + "?filtre=sans-reponse").html();
        assertNotNull(withoutAnswer.selectFirst("a.topic-title[href$=" + unanswered + "]"));
        assertNull(withoutAnswer.selectFirst("a.topic-title[href$=" + answered + "]"));
        assertEquals("page", withoutAnswer.getElementById("filter-UNANSWERED").attr("aria-current"));

        assertEquals(404, client.get("/c/categorie-inconnue").status());
        assertEquals(404, client.get("/t/999999/rien").status());
        Page wrongSlug = client.get(answered.substring(0, answered.lastIndexOf('/') + 1) + "ancien-titre");
        assertEquals(301, wrongSlug.status(), "old or wrong slugs redirect to the canonical address");
    }

    /**
     * {@code /discussions} (#12): every category together, filtered like a category, and its keyset
     * pages reach every public topic exactly once — more than one page is made sure of first.
     */
    @Test
    void theDiscussionsPageListsEveryCategoryAndPagesThroughEverything() throws Exception {
        String publicTopics = "SELECT COUNT(*) FROM forum_topic WHERE hidden_at IS NULL AND pending = FALSE";
        WebClient client = loggedIn("toutes");
        String elsewhere = Discussions.ask(client, "talk-et-visio", "Une visio qui coupe toutes les minutes", "Le son coupe.", null);
        String answered = ask(client, "Un partage retrouvé grâce aux discussions", "Où est passé mon dossier ?");
        reply(client, answered, null, "Dans la corbeille, restaurez-le.");
        for (long n = Sql.count(publicTopics);
             n <= ForumCategoryBacking.PAGE_SIZE; n++) {
            ask(client, "Une question de plus pour remplir la liste " + n, "Pour qu'il y ait deux pages.");
        }

        WebClient visitor = anonymous();
        Page first = visitor.get("/discussions");
        assertEquals(200, first.status());
        assertNull(first.header("Set-Cookie"), "a visitor's list opens no session");
        assertNotNull(first.html().selectFirst("a.topic-title[href$=" + elsewhere + "]"), "another category's topic");
        assertEquals("page", first.html().getElementById("filter-ALL").attr("aria-current"));
        assertEquals(Sql.count("SELECT COUNT(*) FROM forum_category"), first.html().select("#discussion-categories li").size(),
                "every category beside the list");
        assertEquals("/discussions", visitor.get("/").html().getElementById("nav-discussions").attr("href"));

        Document unanswered = visitor.get("/discussions?filtre=sans-reponse").html();
        assertNotNull(unanswered.selectFirst("a.topic-title[href$=" + elsewhere + "]"));
        assertNull(unanswered.selectFirst("a.topic-title[href$=" + answered + "]"), "answered topics left out");
        Document unsolved = visitor.get("/discussions?filtre=non-resolus").html();
        assertNotNull(unsolved.selectFirst("a.topic-title[href$=" + answered + "]"), "answered but not solved");

        java.util.List<String> seen = new java.util.ArrayList<>();
        Document page = first.html();
        for (int pages = 1; ; pages++) {
            page.select("a.topic-title").forEach(a -> seen.add(a.attr("href")));
            org.jsoup.nodes.Element next = page.getElementById("next-page");
            if (next == null) {
                assertTrue(pages >= 2, "more than one page");
                break;
            }
            page = visitor.get(next.attr("href")).html();
            assertNotNull(page.getElementById("first-page"), "a way back to the newest");
        }
        assertEquals(seen.size(), new java.util.HashSet<>(seen).size(), "no topic twice");
        assertEquals(Sql.count(publicTopics), seen.size(),
                "every public topic, on one page or another");
    }

    @Test
    void aLongThreadIsServedPageByPage() throws Exception {
        WebClient client = loggedIn("long");
        String topic = ask(client, "Une discussion avec beaucoup de réponses", "Question.");
        long last = 0;
        for (int i = 1; i <= ThreadReading.THREAD_PAGE_SIZE + 5; i++) {
            last = reply(client, topic, null, "Réponse numéro " + i);
        }
        Document first = client.get(topic).html();
        assertEquals(ThreadReading.THREAD_PAGE_SIZE, first.select("li.post").size(), "a page holds a bounded number of posts");
        assertNotNull(first.selectFirst("nav.pagination a[href$=page=2]"));
        assertNull(first.getElementById("post-" + last));
        Document second = client.get(topic + "?page=2").html();
        assertNotNull(second.getElementById("post-" + last), "the last reply is on page 2");
        long nested = reply(client, topic, last, "Une réponse à un message de la page 2.");
        assertNotNull(client.get(topic + "?page=2").html().getElementById("post-" + last).getElementById("post-" + nested),
                "?repondre= opens the page holding the post it answers");
    }

    @Test
    void userMarkdownCannotRunScripts() throws Exception {
        WebClient client = loggedIn("xss");
        String topic = ask(client, "Une question avec du HTML piégé dedans",
                "<img src=x onerror=alert(1)> [clic](javascript:alert(2)) ![photo](https://exemple.invalid/p.png)");
        Document page = anonymous().get(topic).html();
        Element body = page.selectFirst(".post-body");
        assertTrue(body.select("script, img[onerror]").isEmpty(), body.html());
        assertFalse(body.html().contains("javascript:"), body.html());
        assertTrue(body.select("img[src^=https://exemple.invalid]").isEmpty(), "no third-party image is loaded by readers");
        assertNotNull(body.selectFirst("a[href=https://exemple.invalid/p.png][rel~=nofollow]"), "it becomes a link");
    }

    @Test
    void tagsAreNormalizedListedAndLinked() throws Exception {
        WebClient client = loggedIn("etiquette");
        Page published = client.get("/nouveau-sujet?categorie=" + CATEGORY).form("topic")
                .set("title", "Une question avec des étiquettes").set("body", "Question.")
                .set("tags", "Synchro Android, synchro android, Télé-travail").submit();
        assertEquals(302, published.status(), published.mainText());
        String topic = published.location().substring(published.location().indexOf("/t/"));
        Document page = client.get(topic).html();
        assertEquals("synchro-android tele-travail", page.select("#topic-tags a").eachText().stream().sorted().reduce((a, b) -> a + " " + b).orElse(""));

        Page tagged = client.get("/tag/synchro-android");
        assertNotNull(tagged.html().selectFirst("a.topic-title[href$=" + topic + "]"));
        Page typed = client.get("/tag/Synchro-Android");
        assertEquals(301, typed.status(), "a tag has one address");

        Page tooMany = client.get("/nouveau-sujet?categorie=" + CATEGORY).form("topic")
                .set("title", "Une question avec trop d'étiquettes").set("body", "Question.")
                .set("tags", "un1, deux, trois, quatre, cinq, six").submit();
        assertTrue(tooMany.mainText().contains("Cinq étiquettes au plus"), tooMany.mainText());
        assertEquals("un1, deux, trois, quatre, cinq, six", tooMany.html().getElementById("topic:tags").val());
    }

    @Test
    void theChronologicalViewShowsTheSamePostsFlatByDate() throws Exception {
        WebClient client = loggedIn("chrono");
        String topic = ask(client, "Une discussion à lire dans l'ordre", "Question.");
        long first = reply(client, topic, null, "Premier.");
        long second = reply(client, topic, null, "Deuxième.");
        long underFirst = reply(client, topic, first, "Sous le premier, écrit en dernier.");

        Document tree = client.get(topic).html();
        assertTrue(tree.getElementById("post-" + first).getElementById("post-" + underFirst) != null);
        Document flat = client.get(topic + "?vue=chronologique").html();
        assertEquals(java.util.List.of("post-" + first, "post-" + second, "post-" + underFirst),
                flat.select("li.post").eachAttr("id").subList(1, 4), "by date");
        assertNull(flat.getElementById("post-" + first).getElementById("post-" + underFirst), "flat");
        assertTrue(flat.selectFirst("#post-" + underFirst + " .reply-to").text().startsWith("en réponse à @chrono-"));
    }

    @Test
    void deletingKeepsTheTreeAndOnlyTheAuthorMayDelete() throws Exception {
        WebClient author = loggedIn("efface");
        String topic = ask(author, "Une discussion où l'on supprime", "Question.");
        long doomed = reply(author, topic, null, "Un message regretté.");
        WebClient other = loggedIn("voisin");
        long child = reply(other, topic, doomed, "Une réponse au message regretté.");

        assertNull(other.get(topic).html().selectFirst("#post-" + doomed + " > article input[name$=delete]"), "not for others");
        Page deleted = Discussions.delete(author, topic, doomed);
        assertEquals(302, deleted.status(), deleted.mainText());
        Document after = anonymous().get(topic).html();
        Element post = after.getElementById("post-" + doomed);
        assertEquals("Message supprimé.", post.selectFirst(".deleted").text());
        assertFalse(after.body().text().contains("Un message regretté."), "the text is no longer shown");
        assertNotNull(post.getElementById("post-" + child), "the replies stay in place");
    }

    @Test
    void aPermalinkLandsOnThePageHoldingThePost() throws Exception {
        WebClient client = loggedIn("lien");
        String topic = ask(client, "Une discussion pour les liens permanents", "Question.");
        long last = 0;
        for (int i = 1; i <= ThreadReading.THREAD_PAGE_SIZE; i++) {
            last = reply(client, topic, null, "Réponse " + i);
        }
        Page permalink = client.get(topic + "?message=" + last);
        assertEquals(302, permalink.status());
        assertTrue(permalink.location().endsWith(topic + "?page=2#post-" + last), permalink.location());
        assertEquals(404, client.get(topic + "?message=999999999").status());
    }

    @Test
    void aLockedTopicRefusesReplies() throws Exception {
        WebClient client = loggedIn("verrou");
        String topic = ask(client, "Une discussion qui sera verrouillée", "Question.");
        WebClient.Form pending = client.get(topic).form("reply").set("body", "Écrit avant le verrou, envoyé après.");
        long id = Long.parseLong(topic.split("/")[2]);
        assertEquals(1, fr.mare.testing.Sql.sql("UPDATE forum_topic SET locked = TRUE WHERE id = ?", id),
                "locked behind Mare's back, as a moderator with SQL would; Sql.sql tells the page cache");
        Page refused = pending.submit();
        assertEquals(200, refused.status());
        assertTrue(refused.mainText().contains("Ce sujet est verrouillé par la modération"), refused.mainText());
        assertEquals("Écrit avant le verrou, envoyé après.", refused.form("reply").get("body"), "the text is kept");
        assertNull(client.get(topic).html().getElementById("reply"), "no reply form any more");
    }

    @Test
    void mentionsLinkToProfilesOnlyForRealMembersAndOutsideCode() throws Exception {
        WebClient mentioned = anonymous();
        String name = Names.username("cite");
        mentioned.get("/inscription").form("register").set("username", name).set("email", Names.email(name))
                .set("password", PASSWORD).submit();
        WebClient author = loggedIn("mention");
        String topic = ask(author, "Une question qui mentionne quelqu'un",
                "Merci @" + name + ". Et @personne-inconnue, et `@" + name + "` en code.");
        Element body = anonymous().get(topic).html().selectFirst(".post-body");
        assertEquals(1, body.select("a.mention").size(), body.html());
        assertEquals("/u/" + name, body.selectFirst("a.mention").attr("href"));
        assertEquals("@" + name, body.selectFirst("a.mention").text(), "the trailing dot is not part of the name");
        assertTrue(body.text().contains("@personne-inconnue"));
        assertEquals("@" + name, body.selectFirst("code").text(), "code stays as typed");
    }

    @Test
    void atomFeedsListTopicsAndMessages() throws Exception {
        WebClient client = loggedIn("flux");
        String topic = ask(client, "Une question annoncée dans les flux", "Le corps **annoncé**.");
        reply(client, topic, null, "Une réponse dans le flux <script>x</script>.");
        WebClient reader = anonymous();

        Page latest = reader.get("/flux/sujets");
        assertEquals(200, latest.status());
        assertTrue(latest.header("Content-Type").startsWith("application/atom+xml"), latest.header("Content-Type"));
        org.jsoup.nodes.Document feed = org.jsoup.Jsoup.parse(latest.body(), "", org.jsoup.parser.Parser.xmlParser());
        assertTrue(feed.select("entry > title").eachText().contains("Une question annoncée dans les flux"));

        long id = Long.parseLong(topic.split("/")[2]);
        org.jsoup.nodes.Document topicFeed = org.jsoup.Jsoup.parse(reader.get("/flux/sujet/" + id).body(), "",
                org.jsoup.parser.Parser.xmlParser());
        String content = topicFeed.select("entry > content").eachText().toString();
        assertTrue(content.contains("&lt;script&gt;") || content.contains("<p>Une réponse dans le flux &lt;script&gt;"), content);
        assertEquals(200, reader.get("/flux/categorie/" + CATEGORY).status());
        assertEquals(404, reader.get("/flux/categorie/inconnue").status());
        assertEquals(404, reader.get("/flux/sujet/999999999").status());
        assertNotNull(reader.get(topic).html().selectFirst("link[rel=alternate][type=application/atom+xml]"));
    }

    @Test
    void editingKeepsEveryVersionAndAnyTwoCanBeCompared() throws Exception {
        WebClient author = loggedIn("auteur");
        String topic = ask(author, "Une question dont la réponse sera corrigée", "Question.");
        long answer = reply(author, topic, null, "Il faut ouvrir le menu Fichiers.");
        WebClient other = loggedIn("autre");
        assertNull(other.get(topic).html().selectFirst("#post-" + answer + " a.edit-link"), "only the author may edit");
        assertEquals(200, other.get(topic + "?modifier=" + answer).status());
        assertNull(other.get(topic + "?modifier=" + answer).html().getElementById("posts:1:edit"), "no form for others");

        for (String text : new String[] {"Il faut ouvrir le menu Partage.", "Il faut ouvrir le menu Partage, puis Lien."}) {
            Page form = author.get(topic + "?modifier=" + answer);
            Page saved = form.formEndingWith("edit").set("body", text).submit();
            assertEquals(302, saved.status(), saved.mainText());
        }
        Document thread = anonymous().get(topic).html();
        assertEquals("Il faut ouvrir le menu Partage, puis Lien.", thread.selectFirst("#post-" + answer + " .post-body").text());
        Element edited = thread.selectFirst("#post-" + answer + " a.edited");
        assertEquals("modifié", edited.text());

        WebClient reader = anonymous();
        Document history = reader.get("/historique/" + answer).html();
        assertEquals(3, history.select("#versions > li").size(), "original + two edits");
        Element lastTwo = history.getElementById("diff");
        assertTrue(lastTwo.select("ins").text().contains("Lien"), "default: the last two versions " + lastTwo.html());
        assertFalse(lastTwo.select("del").text().contains("Fichiers"), "version 1 is not part of the default comparison");
        Document firstToLast = reader.get("/historique/" + answer + "?de=1&a=3").html();
        assertTrue(firstToLast.getElementById("diff").select("del").text().contains("Fichiers"), "any two versions");
        assertTrue(firstToLast.getElementById("diff").select("ins").text().contains("Partage"));
        assertEquals(404, reader.get("/historique/999999999").status());
    }

    @Test
    void membersStopAndResumeWatchingATopic() throws Exception {
        WebClient author = loggedIn("suivi");
        String topic = ask(author, "Une question que l'on suit puis ne suit plus", "Question.");
        Document page = author.get(topic).html();
        assertEquals("Ne plus suivre", page.selectFirst("input[id$=watch-toggle]").val(), "authors follow their topic");
        Page stopped = author.get(topic).form("watch").submit("watch-toggle");
        assertEquals(302, stopped.status());
        assertEquals("Suivre ce sujet", author.get(topic).html().selectFirst("input[id$=watch-toggle]").val());
        reply(author, topic, null, "Je réponds quand même.");
        assertEquals("Suivre ce sujet", author.get(topic).html().selectFirst("input[id$=watch-toggle]").val(),
                "replying does not undo « ne plus suivre »");
        assertNull(anonymous().get(topic).html().getElementById("watch"), "not for anonymous readers");
    }

    @Test
    void administratorsManageCategoriesOthersCannot() throws Exception {
        WebClient member = loggedIn("pasadmin");
        assertEquals(403, member.get("/admin/categories").status());
        assertTrue(anonymous().get("/admin/categories").location().contains("/connexion?retour="));

        WebClient admin = anonymous();
        assertEquals(302, admin.login(fr.mare.testing.TestDatabase.ADMIN_USERNAME, fr.mare.testing.TestDatabase.ADMIN_PASSWORD).status());
        String name = "Sauvegardes " + Names.username("cat");
        Page created = admin.get("/admin/categories").form("newCategory")
                .set("name", name).set("description", "Sauvegarder et restaurer son espace.").set("position", "20").submit();
        assertEquals(302, created.status(), created.mainText());
        String slug = fr.mare.markdown.Slugs.slugify(name);
        Page category = admin.get("/c/" + slug);
        assertEquals(200, category.status());
        assertEquals(name, category.html().selectFirst("h1").text());

        Page duplicate = admin.get("/admin/categories").form("newCategory").set("name", name).submit();
        assertTrue(duplicate.mainText().contains("Une catégorie utilise déjà cette adresse"), duplicate.mainText());
        assertEquals(name, duplicate.html().getElementById("newCategory:name").val(), "the typed name is kept");

        Page page = admin.get("/admin/categories");
        org.jsoup.nodes.Element row = page.html().select("form[id$=:category]").stream()
                .filter(f -> f.text().contains("/c/" + slug)).findFirst().orElseThrow();
        Page renamed = page.form(row.id()).set("name", name + " et restauration").submit();
        assertEquals(302, renamed.status(), renamed.mainText());
        assertEquals(name + " et restauration", admin.get("/c/" + slug).html().selectFirst("h1").text(), "renamed, same address");
    }
}
