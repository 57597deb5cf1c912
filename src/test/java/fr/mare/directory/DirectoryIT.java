package fr.mare.directory;

import fr.mare.testing.Discussions;
import fr.mare.testing.FormChecks;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Form;
import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Voisins de service end to end, as a browser without JavaScript: creating and editing a
 * collective (only its admins edit), members' visibility, the directory's facets (combined, with
 * counts), the accent-insensitive text search, and « Voisins qui peuvent vous aider » both ways.
 * Each test creates its own collectives, with a unique word in their presentation.
 */
class DirectoryIT extends MareIT {

    /** Fills the form of a new collective; {@code fields} may set apps ({@code app-talk=on}) and expertise ({@code area-x=CAN_HELP}). */
    private static Form newCollective(WebClient client, String name, String presentation, String kind, String region,
                                      Map<String, String> fields) {
        Form form = client.get("/voisins/nouveau").form("collective")
                .set("name", name).set("presentation", presentation).set("kind", kind).set("region", region).set("size", "11-50");
        fields.forEach(form::set);
        return form;
    }

    /** Creates a collective and returns its address ({@code /voisins/slug}). */
    private static String create(WebClient client, String name, String presentation, String kind, String region,
                                 Map<String, String> fields) {
        Page saved = newCollective(client, name, presentation, kind, region, fields).submit();
        assertEquals(302, saved.status(), saved.mainText());
        String location = saved.location();
        assertTrue(location.matches(".*/voisins/[a-z0-9-]+$"), location);
        return location.substring(location.indexOf("/voisins/"));
    }

    private static String token(String prefix) {
        return Names.username(prefix).replace("-", "");
    }

    @Test
    void anEmptyCollectiveFormTellsEveryMissingFieldAtOnce() throws Exception {
        WebClient client = loggedIn("pressee");
        assertEquals(5, client.get("/voisins/nouveau").html().select("#collective .required-mark").size(),
                "name, kind, region, size and presentation marked");
        Page refused = client.get("/voisins/nouveau").form("collective").set("name", "").set("presentation", "")
                .set("kind", "").set("region", "").set("size", "").set("website", "pas une adresse").submit();
        FormChecks.everyFieldAtOnce(refused, "collective:name", "collective:kind", "collective:region", "collective:size",
                "collective:website", "collective:presentation");
        assertEquals("pas une adresse", refused.html().getElementById("collective:website").val(), "what was typed stays");
    }

    @Test
    void theDirectoryComesFiftyCollectivesAPageWithItsFiltersKept() throws Exception {
        WebClient founder = loggedIn("nombreux");
        String word = token("essaim");
        for (int i = 1; i <= 51; i++) {
            create(founder, String.format("Essaim %s %02d", word, i), "Nous essaimons " + word, "COLLECTIF", "44", Map.of());
        }
        WebClient reader = anonymous();
        Page first = reader.get("/voisins?q=" + word);
        assertEquals(50, first.html().select("#collectives > li").size());
        assertTrue(first.mainText().contains("51 collectifs"), "the count is the whole result, not the page");
        assertNull(first.html().getElementById("previous-page"));
        String next = first.html().getElementById("next-page").attr("href");
        assertTrue(next.contains("q=" + word) && next.contains("page=2"), next);
        Page second = reader.get(next.substring(next.indexOf("/voisins")));
        assertEquals(1, second.html().select("#collectives > li").size());
        assertTrue(second.html().getElementById("page-position").text().contains("Page 2 sur 2"));
        assertNull(second.html().getElementById("next-page"));
        assertFalse(second.html().getElementById("previous-page").attr("href").contains("page="), "page 1 is the plain address");
        assertTrue(second.html().select(".facet a").stream().noneMatch(a -> a.attr("href").contains("page=")),
                "choosing a facet starts again at page 1");
        assertEquals(1, reader.get("/voisins?q=" + word + "&page=999").html().select("#collectives > li").size(),
                "a page past the end shows the last one");
    }

    @Test
    void aMemberPresentsACollectiveAndOnlyItsAdminsEditIt() throws Exception {
        WebClient camille = loggedIn("fondatrice");
        String word = token("jardin");
        String name = "Les Jardins partagés " + word;
        Page invalid = newCollective(camille, name, "Nous **cultivons** ensemble. " + word, "ASSOCIATION", "",
                Map.of("website", "pas-un-site")).submit();
        assertEquals(200, invalid.status(), "an invalid form comes back");
        assertEquals(name, invalid.form("collective").get("name"), "keeps what was typed");

        String page = create(camille, name, "Nous **cultivons** ensemble. " + word, "ASSOCIATION", "35",
                Map.of("website", "https://jardins.example.org", "app-talk", "on", "app-deck", "on", "visible", "on",
                        "area-sauvegardes", "CAN_HELP", "note-sauvegardes", "Nous sauvegardons chaque nuit",
                        "area-migration-google", "SEEKS_HELP"));

        Document html = anonymous().get(page).html();
        assertEquals(name, html.getElementById("collective-name").text());
        assertEquals("cultivons", html.selectFirst("#presentation strong").text());
        assertEquals("Association", html.getElementById("meta-kind").text());
        assertEquals("35 — Ille-et-Vilaine", html.getElementById("meta-region").text());
        assertEquals(List.of("Talk", "Deck"), html.select("#apps li").eachText());
        assertTrue(html.getElementById("can-help").text().contains("Sauvegardes — Nous sauvegardons chaque nuit"));
        assertTrue(html.getElementById("seeks-help").text().contains("Migration depuis Google"));
        assertEquals(1, html.select("#member-list li").size(), "the founder chose to appear");
        assertNull(html.getElementById("edit-link"), "anonymous readers get no edit link");
        assertNotNull(anonymous().get("/voisins").html().selectFirst("a#nav-neighbours[href$=/voisins]"), "the header links the directory");

        Page edited = camille.get(page + "/modifier").form("collective")
                .set("name", name + " et voisins").set("app-talk", "on").set("area-migration-google", "").submit();
        assertEquals(302, edited.status(), edited.mainText());
        Document after = anonymous().get(page).html();
        assertEquals(name + " et voisins", after.getElementById("collective-name").text());
        assertEquals(List.of("Talk"), after.select("#apps li").eachText(), "apps not sent are no longer used");
        assertNull(after.selectFirst("#seeks-help li"), "expertise set back to « — » is removed");
        assertTrue(after.getElementById("can-help").text().contains("Sauvegardes"), "the rest is kept");

        WebClient dominique = loggedIn("voisine");
        assertEquals(403, dominique.get(page + "/modifier").status(), "only the collective's admins edit it");
        assertNull(dominique.get(page).html().getElementById("edit-link"));
        Page anonymousEdit = anonymous().get("/voisins/nouveau");
        assertEquals(302, anonymousEdit.status());
        assertTrue(anonymousEdit.location().contains("/connexion"), anonymousEdit.location());
        assertEquals(404, anonymous().get("/voisins/n-existe-pas-" + word).status());
        assertEquals(404, anonymous().get(page + "/autre-chose").status());
    }

    @Test
    void membersChooseWhetherTheyAppear() throws Exception {
        WebClient discret = loggedIn("discret");
        String page = create(discret, "Collectif discret " + token("d"), "Nous restons discrets.", "COLLECTIF", "BE",
                Map.of("visible", ""));
        assertNull(anonymous().get(page).html().selectFirst("#member-list li"), "the founder chose not to appear");
        Page shown = discret.get(page).form("visibility").submit();
        assertEquals(302, shown.status(), shown.mainText());
        assertEquals(1, anonymous().get(page).html().select("#member-list li").size());
        assertEquals(302, discret.get(page).form("visibility").submit().status());
        assertNull(anonymous().get(page).html().selectFirst("#member-list li"), "hidden again");
        assertNull(anonymous().get(page).html().getElementById("visibility"), "only members get the choice");
    }

    @Test
    void facetsCombineAndCount() throws Exception {
        WebClient client = loggedIn("facettes");
        String word = token("facette");
        String a = create(client, "Amap A " + word, "Paniers " + word, "ASSOCIATION", "35",
                Map.of("app-talk", "on", "area-sauvegardes", "CAN_HELP"));
        String b = create(client, "Coop B " + word, "Épicerie " + word, "COOPERATIVE", "35",
                Map.of("app-talk", "on", "app-deck", "on", "area-sauvegardes", "SEEKS_HELP"));
        String c = create(client, "Asso C " + word, "Chorale " + word, "ASSOCIATION", "BE",
                Map.of("app-deck", "on", "area-sauvegardes", "CAN_HELP"));

        Document all = anonymous().get("/voisins?q=" + word).html();
        assertEquals(3, all.select("#collectives li").size());
        assertEquals("2", count(all, "region-35"));
        assertEquals("1", count(all, "region-BE"));
        assertEquals("2", count(all, "aide-sauvegardes"));
        assertEquals("1", count(all, "besoin-sauvegardes"));
        assertEquals("2", count(all, "app-talk"));
        assertEquals("2", count(all, "type-ASSOCIATION"));

        Document region = anonymous().get("/voisins?q=" + word + "&region=35").html();
        assertEquals(slugs(a, b), region.select("#collectives li").eachAttr("id"));
        assertEquals("2", count(region, "region-35"), "a facet's own counts ignore its filter");
        assertEquals("1", count(region, "region-BE"));
        assertEquals("1", count(region, "type-ASSOCIATION"));
        assertEquals("1", count(region, "type-COOPERATIVE"));

        Document combined = anonymous().get("/voisins?q=" + word + "&aide=sauvegardes&type=ASSOCIATION").html();
        assertEquals(slugs(a, c), combined.select("#collectives li").eachAttr("id"));
        assertEquals("1", count(combined, "app-talk"));
        assertEquals("1", count(combined, "app-deck"));
        String link = combined.getElementById("app-deck").attr("href");
        Document three = anonymous().get(link.substring(link.indexOf("/voisins"))).html();
        assertEquals(slugs(c), three.select("#collectives li").eachAttr("id"), "a facet link adds its filter to the others");
        assertTrue(three.getElementById("app-deck").hasClass("facet-selected"));
        assertEquals(word, three.getElementById("q").val(), "the text search is kept");
    }

    @Test
    void theTextSearchIgnoresAccentsAndCase() throws Exception {
        WebClient client = loggedIn("accents");
        String word = token("eclair");
        String page = create(client, "Les Éclaireuses de Bréhat " + word, "Randonnées et **cartes** partagées.", "ASSOCIATION", "22", Map.of());
        assertEquals(slugs(page), anonymous().get("/voisins?q=eclaireuses+de+brehat+" + word).html().select("#collectives li").eachAttr("id"));
        assertEquals(slugs(page), anonymous().get("/voisins?q=" + word.toUpperCase()).html().select("#collectives li").eachAttr("id"));
        Page inPresentation = anonymous().get("/voisins?q=RANDONNEES+ET");
        assertTrue(inPresentation.html().select("#collectives li").eachAttr("id").containsAll(slugs(page)), "searches the presentation too");
        assertEquals(0, anonymous().get("/voisins?q=" + word + "-absent").html().select("#collectives li").size());
    }

    @Test
    void neighboursWhoCanHelpAreFoundBothWays() throws Exception {
        WebClient seeker = loggedIn("cherche");
        WebClient helper = loggedIn("aide");
        String seeks = create(seeker, "Cherche " + token("c"), "Nous migrons.", "COLLECTIF", "69",
                Map.of("area-accessibilite", "SEEKS_HELP", "area-formulaires", "CAN_HELP"));
        String helps = create(helper, "Aide " + token("a"), "Nous aidons.", "COOPERATIVE", "69",
                Map.of("area-accessibilite", "CAN_HELP", "area-formulaires", "SEEKS_HELP"));
        Document seekerPage = anonymous().get(seeks).html();
        assertNotNull(seekerPage.selectFirst("#helpers a[href$=" + helps + "]"), "the helper is offered to the seeker");
        assertTrue(seekerPage.selectFirst("#helpers a[href$=" + helps + "]").parent().text().contains("Accessibilité"));
        assertNotNull(seekerPage.selectFirst("#helped a[href$=" + helps + "]"), "and the reverse, where the seeker can help");
        Document helperPage = anonymous().get(helps).html();
        assertNotNull(helperPage.selectFirst("#helped a[href$=" + seeks + "]"));
        assertTrue(helperPage.selectFirst("#helped a[href$=" + seeks + "]").parent().text().contains("Accessibilité"));
        assertNotNull(helperPage.selectFirst("#helpers a[href$=" + seeks + "]"));
    }

    @Test
    void publicProfilesAreExportedAsJson() throws Exception {
        String founder = Names.username("export");
        WebClient client = anonymous();
        assertEquals(302, client.get("/inscription").form("register").set("username", founder)
                .set("email", Names.email(founder)).set("password", PASSWORD).submit().status());
        String word = token("export");
        String page = create(client, "Collectif « exporté » " + word, "Une présentation \"entre guillemets\".", "COOPERATIVE", "QC",
                Map.of("visible", "on", "app-tables", "on", "area-formulaires", "CAN_HELP", "note-formulaires", "Sondages",
                        "area-sauvegardes", "SEEKS_HELP"));
        String slug = page.substring("/voisins/".length());
        Page export = anonymous().get("/voisins.json");
        assertEquals(200, export.status(), export.body());
        assertTrue(export.header("Content-Type").startsWith("application/json"), export.header("Content-Type"));
        String json = export.body();
        int start = json.indexOf("{\"slug\":\"" + slug + "\"");
        assertTrue(start > 0, "the collective is exported");
        String entry = json.substring(start, json.indexOf("\"updatedAt\"", start));
        assertTrue(entry.contains("\"name\":\"Collectif « exporté » " + word + "\""), entry);
        assertTrue(entry.contains("\"url\":\""), entry);
        assertTrue(entry.contains("/voisins/" + slug + "\""), entry);
        assertTrue(entry.contains("\"kind\":\"COOPERATIVE\""), entry);
        assertTrue(entry.contains("\"region\":\"QC\",\"regionName\":\"Québec\""), entry);
        assertTrue(entry.contains("\"presentationMarkdown\":\"Une présentation \\\"entre guillemets\\\".\""), entry);
        assertTrue(entry.contains("\"apps\":[{\"code\":\"tables\",\"name\":\"Tables\"}]"), entry);
        assertTrue(entry.contains("\"canHelp\":[{\"area\":\"formulaires\",\"name\":\"Formulaires\",\"note\":\"Sondages\"}]"), entry);
        assertTrue(entry.contains("\"seeksHelp\":[{\"area\":\"sauvegardes\""), entry);
        assertTrue(!entry.contains(founder), "members are not exported");
    }

    private record Person(String username, WebClient client) {
    }

    private Person person(String prefix) throws Exception {
        String name = Names.username(prefix);
        WebClient client = anonymous();
        assertEquals(302, client.get("/inscription").form("register").set("username", name)
                .set("email", Names.email(name)).set("password", PASSWORD).submit().status());
        return new Person(name, client);
    }

    @Test
    void membersAreInvitedAcceptLeaveAndAnAdminAlwaysRemains() throws Exception {
        Person alix = person("alix");
        Person bao = person("bao");
        Person cyd = person("cyd");
        String page = create(alix.client(), "Collectif des membres " + token("m"), "Nous accueillons.", "COLLECTIF", "75",
                Map.of("visible", "on"));

        assertNotNull(alix.client().get(page).html().getElementById("manage-members"), "the founder manages the members");
        Page alone = alix.client().get(page).form("leave").submit();
        assertEquals(200, alone.status(), "the only admin cannot leave");
        assertTrue(alone.mainText().contains("au moins un admin"), alone.mainText());

        Page unknown = alix.client().get(page).form("manage").set("username", "personne-" + token("x")).submit();
        assertEquals(200, unknown.status());
        assertTrue(unknown.mainText().contains("Aucun compte"), unknown.mainText());
        assertEquals(302, alix.client().get(page).form("manage").set("username", bao.username()).submit().status());
        assertEquals("Invité·e", alix.client().get(page).html().selectFirst("#member-" + bao.username() + " .member-status").text());
        assertEquals(200, alix.client().get(page).form("manage").set("username", bao.username()).submit().status(),
                "not invited twice");
        assertEquals(200, alix.client().get(page).form("manage").set("username", bao.username()).submit("appoint").status(),
                "an invitation not yet accepted cannot be made admin");
        assertNull(cyd.client().get(page).html().getElementById("manage-members"), "only admins manage members");
        assertNull(cyd.client().get(page).html().getElementById("leave"), "a stranger has nothing to leave");

        Document invited = bao.client().get(page).html();
        assertNotNull(invited.getElementById("invitation-box"));
        assertEquals(302, bao.client().get(page).form("invitation").submit().status());
        Document member = bao.client().get(page).html();
        assertNull(member.getElementById("invitation-box"));
        assertNotNull(member.getElementById("leave"), "an active member can leave");
        assertEquals(1, anonymous().get(page).html().select("#member-list li").size(), "a new member does not appear until they choose to");
        assertEquals(403, bao.client().get(page + "/modifier").status(), "a member is not an admin");

        assertEquals(302, alix.client().get(page).form("manage").set("username", bao.username()).submit("appoint").status());
        assertEquals(200, bao.client().get(page + "/modifier").status(), "an appointed admin edits");
        assertEquals(302, alix.client().get(page).form("leave").submit().status(), "another admin remains");
        assertEquals(403, alix.client().get(page + "/modifier").status());
        assertEquals(200, bao.client().get(page).form("leave").submit().status(), "bao is now the last admin");

        assertEquals(302, bao.client().get(page).form("manage").set("username", cyd.username()).submit().status());
        assertEquals(302, bao.client().get(page).form("manage").set("username", cyd.username()).submit("remove").status());
        assertNull(bao.client().get(page).html().getElementById("member-" + cyd.username()), "removed");
        assertNull(cyd.client().get(page).html().getElementById("invitation-box"));
    }

    private static List<org.jsoup.nodes.Element> invitationNotices(WebClient client) {
        return client.get("/notifications").html().select("#notifications li").stream()
                .filter(n -> n.selectFirst("a.notification-link") != null
                        && n.selectFirst("a.notification-link").attr("href").contains("#invitation-box")).toList();
    }

    @Test
    void theInviteeIsNotifiedWhereToAccept() throws Exception {
        Person alix = person("invitante");
        Person bao = person("invitee");
        String name = "Collectif qui invite " + token("i");
        String page = create(alix.client(), name, "Nous invitons.", "COLLECTIF", "13", Map.of("visible", "on"));
        assertEquals(302, alix.client().get(page).form("manage").set("username", bao.username()).submit().status());
        assertEquals(200, alix.client().get(page).form("manage").set("username", bao.username()).submit().status(), "refused");

        List<org.jsoup.nodes.Element> notices = invitationNotices(bao.client());
        assertEquals(1, notices.size(), "one notice, none for the refused second invitation");
        org.jsoup.nodes.Element link = notices.getFirst().selectFirst("a.notification-link");
        assertTrue(link.text().contains(alix.username()) && link.text().contains("« " + name + " »"), link.text());
        assertTrue(notices.getFirst().hasClass("is-unread"));
        String target = link.attr("href");
        assertTrue(target.endsWith(page + "#invitation-box"), target);
        Document invitation = bao.client().get(target.substring(target.indexOf("/voisins/"), target.indexOf('#'))).html();
        assertNotNull(invitation.getElementById("invitation-box"), "the link leads to where the invitation is accepted");
        assertTrue(invitationNotices(alix.client()).isEmpty(), "the inviter is not notified");
    }

    private static String ask(WebClient client, String category, String title, String tags) {
        return Discussions.ask(client, category, title, "Comment faites-vous ? Merci d'avance.", tags);
    }

    @Test
    void neighboursWhoKnowATopicAreSuggestedOnIt() throws Exception {
        WebClient helper = loggedIn("sait");
        String word = token("visio");
        String name = "Les Visiophiles " + word;
        String page = create(helper, name, "Nous animons des réunions en visio.", "ASSOCIATION", "44",
                Map.of("area-talk-visio", "CAN_HELP", "area-accessibilite", "CAN_HELP", "area-sauvegardes", "SEEKS_HELP"));
        WebClient asker = loggedIn("demande");

        Document byCategory = anonymous().get(ask(asker, "talk-et-visio", "Réunion Talk qui coupe " + word, "")).html();
        var box = byCategory.getElementById("neighbours");
        assertNotNull(box, "a topic in a category where the collective can help shows the box");
        assertTrue(box.select("li").size() <= 3, "three neighbours at most");
        var link = box.selectFirst("a[href$=" + page + "]");
        assertNotNull(link, box.html());
        assertEquals(name, link.text());
        assertTrue(link.parent().text().contains("Talk et visio"), link.parent().text());
        assertNotNull(byCategory.selectFirst("#neighbours a[href$=/voisins]"), "and links the directory");

        Document byTag = anonymous().get(ask(asker, "vie-du-forum", "Un forum lisible pour tous " + word, "accessibilite")).html();
        assertNotNull(byTag.selectFirst("#neighbours a[href$=" + page + "]"), "a tag naming an area is enough");

        Document both = anonymous().get(ask(asker, "talk-et-visio", "Sous-titres dans Talk " + word, "accessibilite")).html();
        var first = both.selectFirst("#neighbours li");
        assertTrue(first.text().contains(name) && first.text().contains("Talk et visio, Accessibilité"),
                "the collective knowing both areas comes first: " + first.text());

        Document unrelated = anonymous().get(ask(asker, "vie-du-forum", "Une idée pour le forum " + word, "")).html();
        assertNull(unrelated.getElementById("neighbours"), "no box on a topic no area covers");
    }

    private static String write(WebClient client, String title) {
        Page saved = client.get("/tutoriels/nouveau").form("wiki")
                .set("title", title).set("section", "fichiers-partage-et-synchronisation").set("level", "debutant")
                .set("audience", "MEMBRE").set("body", "## Étapes\n\nOuvrez **Fichiers**, puis partagez.").set("summary", "Première version").submit();
        assertEquals(302, saved.status(), saved.mainText());
        return saved.location().substring(saved.location().indexOf("/tutoriels/"));
    }

    private record Solved(String topic, long answer) {
    }

    /** {@code helper} answers a new question of {@code asker}, who marks the answer as the solution. */
    private static Solved solve(WebClient asker, WebClient helper, String title) {
        String topic = ask(asker, "fichiers-partage-et-synchronisation", title, "");
        long answer = Discussions.reply(helper, topic, null, "Voici la solution : un lien de partage public.");
        Page marked = asker.get(topic).formAround("likes-" + answer).submit("solution");
        assertEquals(302, marked.status(), marked.mainText());
        return new Solved(topic, answer);
    }

    @Test
    void whatVisibleMembersContributedIsShownNeverThatOfHiddenOnes() throws Exception {
        Person alix = person("apporte");
        Person bao = person("discrete");
        WebClient asker = loggedIn("questionne");
        String word = token("apport");
        String page = create(alix.client(), "Collectif contributeur " + word, "Nous écrivons.", "ASSOCIATION", "29",
                Map.of("visible", "on"));
        Document empty = anonymous().get(page).html();
        assertNotNull(empty.getElementById("contributions"));
        assertEquals(0, empty.select("#contributions-tutorials li, #contributions-solutions li").size(), "nothing yet");

        assertEquals(302, alix.client().get(page).form("manage").set("username", bao.username()).submit().status());
        assertEquals(302, bao.client().get(page).form("invitation").submit().status());

        String alixTutorial = write(alix.client(), "Partager un dossier " + word);
        long alixSolution = solve(asker, alix.client(), "Un lien de partage expiré " + word).answer();
        String baoTutorial = write(bao.client(), "Restaurer une corbeille " + word);
        Solved baoSolution = solve(asker, bao.client(), "Une corbeille trop pleine " + word);

        Document shown = anonymous().get(page).html();
        assertEquals(List.of("Partager un dossier " + word), shown.select("#contributions-tutorials li").eachText());
        assertTrue(shown.selectFirst("#contributions-tutorials a").attr("href").endsWith(alixTutorial));
        assertEquals("Un tutoriel écrit", shown.selectFirst("#contributions-tutorials h3").text());
        assertEquals(List.of("Un lien de partage expiré " + word), shown.select("#contributions-solutions li").eachText());
        String link = shown.selectFirst("#contributions-solutions a").attr("href");
        assertTrue(link.matches(".*/t/\\d+/[a-z0-9-]+\\?message=" + alixSolution), link);
        Page permalink = anonymous().get(link.substring(link.indexOf("/t/")));
        assertTrue(permalink.status() == 200 || permalink.status() == 302, "the permalink leads to the answer");
        assertTrue(!shown.getElementById("contributions").html().contains(baoTutorial.substring("/tutoriels/".length()))
                && !shown.getElementById("contributions").text().contains("corbeille"), "a member who does not appear leaks nothing");

        assertEquals(302, bao.client().get(page).form("visibility").submit().status());
        Document both = anonymous().get(page).html();
        assertEquals(2, both.select("#contributions-tutorials li").size(), "once they appear, their tutorial counts");
        assertEquals("2 solutions données", both.selectFirst("#contributions-solutions h3").text());
        assertTrue(both.select("#contributions-solutions a").eachAttr("href").stream()
                .anyMatch(h -> h.endsWith("?message=" + baoSolution.answer())));

        assertEquals(302, admin().get(baoTutorial).form("moderation").submit("archive").status());
        assertEquals(302, Discussions.delete(bao.client(), baoSolution.topic(), baoSolution.answer()).status());
        Document after = anonymous().get(page).html();
        assertEquals(List.of("Partager un dossier " + word), after.select("#contributions-tutorials li").eachText(),
                "an archived tutorial no longer counts");
        assertEquals("Une solution donnée", after.selectFirst("#contributions-solutions h3").text(), "nor a deleted answer");
    }

    private static Form areaRow(WebClient admin, String slug) {
        Page page = admin.get("/admin/domaines");
        org.jsoup.nodes.Element row = page.html().select("form.area-form").stream()
                .filter(f -> f.selectFirst("h2").text().contains(slug)).findFirst().orElseThrow(() -> new AssertionError("no row for " + slug));
        return page.form(row.id());
    }

    @Test
    void administratorsEditTheVocabularyMembersCannot() throws Exception {
        WebClient member = loggedIn("vocabulaire");
        assertEquals(403, member.get("/admin/domaines").status());
        String intruder = "Domaine pirate " + token("p");
        Page forged = member.post("/admin/domaines", Map.of("newArea", "newArea", "newArea:name", intruder,
                "newArea:submit", "Ajouter le domaine", "jakarta.faces.ViewState", "stateless"));
        assertEquals(403, forged.status(), "a direct POST by a member is refused");

        WebClient admin = admin();
        Document list = admin.get("/admin/domaines").html();
        assertTrue(!list.text().contains(intruder), "nothing was added");
        assertTrue(list.text().contains("fichiers-partage"), "the seeded vocabulary is listed with its slugs");

        String word = token("carto");
        String name = "Cartographie libre " + word;
        String slug = fr.mare.markdown.Slugs.slugify(name);
        Page created = admin.get("/admin/domaines").form("newArea").set("name", name).set("position", "500").submit();
        assertEquals(302, created.status(), created.mainText());
        assertNotNull(member.get("/voisins/nouveau").html().getElementById("area-" + slug), "offered to collectives");

        Page duplicate = admin.get("/admin/domaines").form("newArea").set("name", name.toUpperCase()).submit();
        assertEquals(200, duplicate.status());
        assertTrue(duplicate.mainText().contains("Un domaine"), duplicate.mainText());
        assertEquals(name.toUpperCase(), duplicate.html().getElementById("newArea:name").val(), "the typed name is kept");
        Page tooShort = areaRow(admin, slug).set("name", "ab").submit();
        assertEquals(200, tooShort.status());
        assertTrue(tooShort.mainText().contains("entre 3 et 120 caractères"), tooShort.mainText());

        Page renamed = areaRow(admin, slug).set("name", name + " et SIG").set("position", "510").submit();
        assertEquals(302, renamed.status(), renamed.mainText());
        assertEquals(name + " et SIG", member.get("/voisins/nouveau").html().selectFirst("label[for=area-" + slug + "]").text(),
                "renamed, same slug");
    }

    @Test
    void aRetiredAreaStaysOnProfilesButIsNoLongerOffered() throws Exception {
        WebClient admin = admin();
        String word = token("fax");
        String name = "Télécopie " + word;
        String slug = fr.mare.markdown.Slugs.slugify(name);
        assertEquals(302, admin.get("/admin/domaines").form("newArea").set("name", name).submit().status());

        WebClient founder = loggedIn("retrait");
        String page = create(founder, "Collectif du fax " + word, "Nous faxons encore " + word, "AUTRE", "QC",
                Map.of("area-" + slug, "CAN_HELP", "note-" + slug, "Un vieux modem", "area-sauvegardes", "SEEKS_HELP"));
        assertEquals(302, areaRow(admin, slug).submit("retire").status());

        assertTrue(anonymous().get(page).html().getElementById("can-help").text().contains(name + " — Un vieux modem"),
                "kept on the profile that declares it");
        assertNull(loggedIn("nouveau").get("/voisins/nouveau").html().getElementById("area-" + slug), "no longer offered to new profiles");
        Document facets = anonymous().get("/voisins?q=" + word).html();
        assertEquals("1", count(facets, "aide-" + slug), "its facet shows while a collective declares it");

        Page editForm = founder.get(page + "/modifier");
        assertTrue(editForm.html().selectFirst("label[for=area-" + slug + "]").text().contains("domaine retiré"),
                "the collective declaring it still sees it, marked retired");
        assertEquals(302, editForm.form("collective").set("name", "Collectif du fax et du minitel " + word).submit().status());
        assertTrue(anonymous().get(page).html().getElementById("can-help").text().contains(name), "an edit keeps it");

        assertEquals(302, founder.get(page + "/modifier").form("collective").set("area-" + slug, "").submit().status());
        assertNull(anonymous().get(page).html().selectFirst("#can-help li"), "dropped by the collective");
        assertNull(anonymous().get("/voisins?q=" + word).html().getElementById("aide-" + slug), "no facet with a zero count");
        assertNull(founder.get(page + "/modifier").html().getElementById("area-" + slug), "and never offered again to it");

        assertEquals(302, areaRow(admin, slug).submit("retire").status(), "brought back");
        assertNotNull(loggedIn("retour").get("/voisins/nouveau").html().getElementById("area-" + slug));
        assertEquals(302, areaRow(admin, slug).submit("retire").status());

        // A retired area earlier in the list never stops later ones from being renamed (with
        // ui:repeat it did: they were « saved » with their old name).
        String later = "Zoologie " + token("zoo");
        assertEquals(302, admin.get("/admin/domaines").form("newArea").set("name", later).set("position", "9999").submit().status());
        assertEquals(302, areaRow(admin, fr.mare.markdown.Slugs.slugify(later)).set("name", later + " renommée").submit().status());
        assertTrue(admin.get("/admin/domaines").mainText().contains(later + " renommée"));
    }

    private static String count(Document html, String facetId) {
        var link = html.getElementById(facetId);
        return link == null ? null : link.selectFirst(".facet-count").text();
    }

    private static List<String> slugs(String... pages) {
        return java.util.Arrays.stream(pages).map(p -> "collective-" + p.substring("/voisins/".length())).toList();
    }
}
