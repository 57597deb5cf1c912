package fr.mare.wiki;

import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.FormChecks;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Form;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tutorials end to end, as a browser without JavaScript: writing (preview, validation that keeps
 * the text), reading (table of contents, metadata, contributors), editing, history, the
 * difference between any two revisions, reverting, edit conflicts, moderation, « plus à jour »
 * signals and reviews, and internal links. Each test writes its own tutorials.
 */
class WikiIT extends MareIT {

    private static final String SECTION = "fichiers-partage-et-synchronisation";

    private static String uniqueTitle(String start) {
        return start + " " + Names.username("t");
    }

    /** Writes a tutorial and returns its address ({@code /tutoriels/slug}). */
    private static String write(WebClient client, String title, String body) {
        Page saved = client.get("/tutoriels/nouveau").form("wiki")
                .set("title", title).set("section", SECTION).set("level", "intermediaire").set("audience", "ADMIN")
                .set("ncMin", "28").set("ncMax", "31").set("body", body).set("summary", "Première version").submit();
        assertEquals(302, saved.status(), saved.mainText());
        String location = saved.location();
        assertTrue(location.matches(".*/tutoriels/[a-z0-9-]+$"), location);
        return location.substring(location.indexOf("/tutoriels/"));
    }

    private static void edit(WebClient client, String page, String body, String summary) {
        Page saved = client.get(page + "/modifier").form("wiki").set("body", body).set("summary", summary).submit();
        assertEquals(302, saved.status(), saved.mainText());
        assertTrue(saved.location().endsWith(page), saved.location());
    }

    @Test
    void aMemberWritesATutorialThatShowsItsTableOfContentsAndMetadata() throws Exception {
        WebClient camille = loggedIn("auteur");
        String title = uniqueTitle("Partager un dossier par lien");
        String page = write(camille, title, """
                Pour envoyer des photos à quelqu'un **sans compte**.

                ## Créer le lien

                Dans **Fichiers**, ouvrez le partage.

                ### Mot de passe

                Ajoutez-en un.

                ## Envoyer le lien

                Par un autre canal.""");

        Page read = anonymous().get(page);
        assertEquals(200, read.status());
        Document html = read.html();
        assertEquals(title, html.getElementById("wiki-title").text());
        List<String> toc = html.select("#toc a").eachAttr("href");
        assertEquals(List.of("#h-créer-le-lien", "#h-mot-de-passe", "#h-envoyer-le-lien"), toc);
        for (String anchor : toc) {
            assertNotNull(html.getElementById(anchor.substring(1)), "the table of contents lands on " + anchor);
        }
        assertEquals("sans compte", html.selectFirst("#wiki-body strong").text());
        assertEquals("Intermédiaire", html.getElementById("meta-level").text());
        assertEquals("Admin de l'espace", html.getElementById("meta-audience").text());
        assertEquals("28 à 31", html.getElementById("meta-versions").text());
        assertTrue(html.getElementById("meta-license").text().contains("CC BY-SA 4.0"));
        assertEquals(1, html.select("#meta-contributors a").size());
        assertFalse(html.getElementById("meta-updated").text().isBlank());
        assertNull(html.getElementById("edit-link"), "anonymous readers get no edit link");
        assertNotNull(camille.get(page).html().getElementById("edit-link"));
        assertNotNull(html.selectFirst("a#nav-tutorials[href$=/tutoriels]"), "the header links the tutorials");

        Document index = anonymous().get("/tutoriels").html();
        assertNotNull(index.selectFirst("#section-" + SECTION + " a[href$=" + page + "]"), "listed in its section");
        assertNotNull(index.selectFirst("#recent a[href$=" + page + "]"), "recently updated");
        assertNotNull(anonymous().get("/tutoriels?version=30&niveau=intermediaire&section=" + SECTION).html()
                .selectFirst("a[href$=" + page + "]"), "matches the filters");
        assertNull(anonymous().get("/tutoriels?version=27").html().selectFirst(".wiki-sections a[href$=" + page + "]"),
                "not for Nextcloud 27");
        assertNull(anonymous().get("/tutoriels?niveau=debutant").html().selectFirst(".wiki-sections a[href$=" + page + "]"),
                "not for beginners");
    }

    @Test
    void addressesResolveAndWritingNeedsALogin() throws Exception {
        WebClient camille = loggedIn("adresses");
        String page = write(camille, uniqueTitle("Synchroniser un agenda"), "Avec DAVx5.");
        WebClient reader = anonymous();
        assertEquals(200, reader.get("/tutoriels").status());
        assertEquals(200, reader.get(page + "/historique").status());
        assertEquals(200, reader.get(page + "/diff").status());
        assertEquals(404, reader.get("/tutoriels/ce-tutoriel-n-existe-pas").status());
        assertEquals(404, reader.get("/tutoriels/ce-tutoriel-n-existe-pas/historique").status());
        assertEquals(404, reader.get(page + "/inconnu").status());
        assertEquals(404, reader.get(page + "/modifier/encore").status());

        Page newPage = reader.get("/tutoriels/nouveau");
        assertEquals(302, newPage.status());
        assertTrue(newPage.location().contains("/connexion?retour="), newPage.location());
        Page editPage = reader.get(page + "/modifier");
        assertEquals(302, editPage.status());
        assertTrue(editPage.location().contains("/connexion?retour=%2Ftutoriels%2F"), editPage.location());
    }

    @Test
    void previewRendersOnTheServerAndErrorsKeepTheText() throws Exception {
        WebClient client = loggedIn("apercu");
        String body = "Du **gras** et <script>alert('x')</script>";
        Page preview = client.get("/tutoriels/nouveau").form("wiki")
                .set("title", "Un aperçu de tutoriel").set("section", SECTION).set("body", body).submit("preview-submit");
        assertEquals(200, preview.status());
        Element rendered = preview.html().getElementById("preview");
        assertEquals("gras", rendered.selectFirst("strong").text());
        assertTrue(rendered.select("script").isEmpty());
        assertEquals("Un aperçu de tutoriel", preview.html().getElementById("wiki:title").val());

        Page tooShort = client.get("/tutoriels/nouveau").form("wiki")
                .set("title", "Court").set("section", SECTION).set("body", body).set("summary", "mon résumé").submit();
        assertEquals(200, tooShort.status());
        assertTrue(tooShort.mainText().contains("Ce titre est trop court"), tooShort.mainText());
        assertEquals(body, tooShort.html().getElementById("wiki:body").text());
        assertEquals("mon résumé", tooShort.html().getElementById("wiki:summary").val());

        Page badVersions = client.get("/tutoriels/nouveau").form("wiki").set("title", "Des versions à l'envers")
                .set("section", SECTION).set("ncMin", "31").set("ncMax", "28").set("body", body).submit();
        assertTrue(badVersions.mainText().contains("La dernière version doit être égale"), badVersions.mainText());

        // Every missing field in one submit (#14), each marked required beforehand, what was typed kept.
        assertTrue(client.get("/tutoriels/nouveau").html().select("#wiki .required-mark").size() >= 3, "title, section and text marked");
        Page empty = client.get("/tutoriels/nouveau").form("wiki").set("title", "").set("section", "").set("body", "")
                .set("ncMin", "31").set("ncMax", "28").set("summary", "gardé").submit();
        FormChecks.everyFieldAtOnce(empty, "wiki:title", "wiki:section", "wiki:body", "wiki:ncMax");
        assertEquals("gardé", empty.html().getElementById("wiki:summary").val());
        assertEquals("31", empty.html().getElementById("wiki:ncMin").val());
    }

    @Test
    void everySaveIsARevisionAndAnyTwoCanBeComparedAndRestored() throws Exception {
        WebClient camille = loggedIn("histoire");
        WebClient karim = loggedIn("relecteur");
        String v1 = "Ouvrez Fichiers.\n\nCliquez sur Partager.";
        String page = write(camille, uniqueTitle("Créer un formulaire d'inscription"), v1);
        edit(camille, page, "Ouvrez Fichiers.\n\nCliquez sur Partager puis sur Lien.", "Ajout du lien");
        edit(karim, page, "Ouvrez Formulaires.\n\nCliquez sur Partager puis sur Lien.", "Ce n'est pas Fichiers");

        Document history = anonymous().get(page + "/historique").html();
        assertEquals(3, history.select("#versions > li").size());
        assertTrue(history.getElementById("revision-3").text().contains("Ce n'est pas Fichiers"), "summaries are listed");
        assertTrue(history.getElementById("revision-2").text().contains("Ajout du lien"));
        assertNotNull(history.selectFirst("#revision-3 a.diff-previous[href$=diff?de=2&a=3]"));
        assertEquals(2, anonymous().get(page).html().select("#meta-contributors a").size(), "contributors from revisions");

        Page diff = anonymous().get(page + "/diff?de=1&a=3");
        assertEquals(200, diff.status());
        Element table = diff.html().selectFirst("#diff table.diff");
        assertNotNull(table, diff.mainText());
        assertTrue(table.select("del").eachText().contains("Fichiers"), table.html());
        assertTrue(table.select("ins").eachText().contains("Formulaires"), table.html());
        assertTrue(table.select("ins").eachText().stream().anyMatch(t -> t.contains("Lien")), table.html());

        assertNull(anonymous().get(page + "/historique").html().selectFirst("button[name$=revert]"), "readers cannot revert");
        Page withButtons = karim.get(page + "/historique");
        Element revertOne = withButtons.html().selectFirst("#revision-1 button[name$=revert]");
        assertNotNull(revertOne);
        assertEquals("1", revertOne.val(), "the button names its version, not its row");
        // One click only asks (#14): what will happen, « Confirmer » and « Annuler »; nothing written yet.
        Page asked = withButtons.formAround(revertOne.id()).press(revertOne.id());
        assertEquals(200, asked.status(), asked.mainText());
        Element box = asked.html().getElementById("revert-confirm");
        assertNotNull(box, asked.mainText());
        assertTrue(box.text().contains("Revenir à la version 1") && box.text().contains("deviendra une nouvelle version"), box.text());
        assertEquals(3, anonymous().get(page + "/historique").html().select("#versions > li").size(), "one click reverts nothing");
        Page cancelled = karim.open(asked.uri().resolve(box.selectFirst("#revert-cancel").attr("href")).toString());
        assertEquals(200, cancelled.status());
        assertNull(cancelled.html().getElementById("revert-confirm"));
        assertEquals(3, anonymous().get(page + "/historique").html().select("#versions > li").size(), "« Annuler » changes nothing");
        Page reverted = asked.form("history-confirm").submit("revert");
        assertEquals(302, reverted.status(), reverted.mainText());

        Document after = anonymous().get(page + "/historique").html();
        assertEquals(4, after.select("#versions > li").size(), "a revert adds a revision, history is never rewritten");
        assertTrue(after.getElementById("revision-4").text().contains("Retour à la version 1"));
        assertEquals("Ouvrez Fichiers. Cliquez sur Partager.", anonymous().get(page).html().getElementById("wiki-body").text());
        assertTrue(anonymous().get(page + "/diff?de=1&a=4").html().getElementById("diff").text().contains("mêmes")
                || anonymous().get(page + "/diff?de=1&a=4").html().select("#diff ins, #diff del").isEmpty());
    }

    @Test
    void aConcurrentSaveIsNeverOverwrittenAndTheTextIsKept() throws Exception {
        WebClient camille = loggedIn("conflit");
        WebClient karim = loggedIn("concurrent");
        String page = write(camille, uniqueTitle("Rôles d'admin de l'espace"), "Un administrateur gère les comptes.");

        Form camilleEditor = camille.get(page + "/modifier").form("wiki");
        edit(karim, page, "Un administrateur gère les comptes et les groupes.", "Les groupes aussi");

        String mine = "Un administrateur gère les comptes. Une administratrice aussi.";
        Page conflict = camilleEditor.set("body", mine).set("summary", "Féminisation").submit();
        assertEquals(200, conflict.status(), "not saved");
        Document html = conflict.html();
        assertNotNull(html.getElementById("conflict"), conflict.mainText());
        assertTrue(html.select("#conflict-diff ins").eachText().stream().anyMatch(t -> t.contains("groupes")), html.getElementById("conflict").html());
        assertEquals(mine, html.getElementById("wiki:body").text(), "the text being written is kept");
        assertEquals("Féminisation", html.getElementById("wiki:summary").val());
        assertEquals("2", html.getElementById("wiki:base").val(), "the next save starts from the current revision");
        assertEquals("Un administrateur gère les comptes et les groupes.", anonymous().get(page).html().getElementById("wiki-body").text(),
                "nothing was overwritten");

        Page merged = conflict.form("wiki").set("body", "Un administrateur gère les comptes et les groupes. Une administratrice aussi.").submit();
        assertEquals(302, merged.status(), merged.mainText());
        assertEquals(3, anonymous().get(page + "/historique").html().select("#versions > li").size());
    }

    @Test
    void moderationProtectsAndArchivesPages() throws Exception {
        WebClient camille = loggedIn("protege");
        String page = write(camille, uniqueTitle("Sauvegarder son agenda"), "Exportez le calendrier.");
        assertNull(camille.get(page).html().getElementById("moderation"), "members do not moderate");

        WebClient admin = admin();
        Page protect = admin.get(page).form("moderation").submit("protect");
        assertEquals(302, protect.status(), protect.mainText());
        Document protectedPage = camille.get(page).html();
        assertNotNull(protectedPage.getElementById("protected-mark"));
        assertNull(protectedPage.getElementById("edit-link"));
        assertEquals(403, camille.get(page + "/modifier").status());
        assertEquals(200, admin.get(page + "/modifier").status(), "moderation still edits");

        Page archive = admin.get(page).form("moderation").submit("archive");
        assertEquals(302, archive.status());
        assertNotNull(anonymous().get(page).html().getElementById("archived-banner"));
        assertNull(anonymous().get("/tutoriels").html().selectFirst(".wiki-sections a[href$=" + page + "]"), "archived pages leave the index");
    }

    @Test
    void readersSignalOutdatedPagesAndAReviewClosesTheSignals() throws Exception {
        WebClient camille = loggedIn("ajour");
        String page = write(camille, uniqueTitle("Installer le client de bureau"), "Téléchargez le client.");
        assertNull(anonymous().get(page).html().getElementById("outdated"), "signalling needs a login");

        WebClient karim = loggedIn("signale");
        Page empty = karim.get(page).form("outdated").set("comment", " ").submit();
        assertEquals(200, empty.status());
        assertTrue(empty.mainText().contains("Dites en quelques mots"), empty.mainText());
        Page signalled = karim.get(page).form("outdated").set("comment", "Depuis la version 30, le menu a changé.").submit();
        assertEquals(302, signalled.status(), signalled.mainText());
        Element banner = anonymous().get(page).html().getElementById("outdated-banner");
        assertNotNull(banner);
        assertTrue(banner.text().startsWith("Une personne signale"), banner.text());
        assertNotNull(anonymous().get("/tutoriels/a-revoir").html().selectFirst("#to-review a[href$=" + page + "]"));

        Page reviewed = camille.get(page).form("review").set("reviewVersion", "31").submit();
        assertEquals(302, reviewed.status(), reviewed.mainText());
        Document after = anonymous().get(page).html();
        assertNull(after.getElementById("outdated-banner"), "the review closes the signals");
        assertTrue(after.getElementById("meta-reviewed").text().contains("31"), after.getElementById("meta-reviewed").text());
        assertNull(anonymous().get("/tutoriels/a-revoir").html().selectFirst("#to-review a[href$=" + page + "]"));
    }

    @Test
    void internalLinksShowRelatedPagesAndBrokenOnes() throws Exception {
        WebClient camille = loggedIn("liens");
        String targetTitle = uniqueTitle("Créer un lien de dépôt");
        String targetSlug = fr.mare.markdown.Slugs.slugify(targetTitle);
        String source = write(camille, uniqueTitle("Recevoir des photos"), "Voir [[" + targetSlug + "|le dépôt]] avant de commencer.");
        assertEquals("/tutoriels/" + targetSlug, anonymous().get(source).html().selectFirst("#wiki-body a").attr("href").replaceFirst("^https?://[^/]+", ""));
        assertNotNull(anonymous().get("/tutoriels/liens-casses").html().selectFirst("#broken-links tr:has(a[href$=" + source + "]) code"),
                "a link to a tutorial not written yet is broken");

        String target = write(camille, targetTitle, "Un dossier en dépôt seul.");
        assertEquals("/tutoriels/" + targetSlug, target);
        assertNotNull(anonymous().get(target).html().selectFirst("#linking-here a[href$=" + source + "]"), "« Pages liées »");
        assertNull(anonymous().get("/tutoriels/liens-casses").html().selectFirst("#broken-links a[href$=" + source + "]"));
    }

    @Test
    void aSolvedDiscussionBecomesATutorialThatLinksBack() throws Exception {
        WebClient asker = loggedIn("question");
        WebClient helper = loggedIn("solution");
        Page asked = asker.get("/nouveau-sujet?categorie=" + SECTION).form("topic")
                .set("title", uniqueTitle("Envoyer des photos sans compte")).set("body", "Comment recevoir les photos de la fête ?").submit();
        assertEquals(302, asked.status(), asked.mainText());
        String topic = asked.location().substring(asked.location().indexOf("/t/"));
        long topicId = Long.parseLong(topic.split("/")[2]);
        assertNull(asker.get(topic).html().getElementById("to-tutorial"), "only for solved topics");
        Page replied = helper.get(topic).form("reply").set("body", "Créez un lien de **dépôt** seul.").submit();
        assertEquals(302, replied.status());
        String answer = replied.location().replaceFirst(".*#post-", "");
        assertEquals(302, asker.get(topic).formAround("likes-" + answer).submit("solution").status());

        Element convert = helper.get(topic).html().getElementById("to-tutorial");
        assertNotNull(convert, "« Transformer en tutoriel » on a solved topic");
        assertNull(anonymous().get(topic).html().getElementById("to-tutorial"), "not for anonymous readers");
        Page draft = helper.get("/tutoriels/nouveau?sujet=" + topicId);
        assertEquals(200, draft.status());
        String body = draft.html().getElementById("wiki:body").text();
        assertTrue(body.contains("> Comment recevoir les photos de la fête ?"), body);
        assertTrue(body.contains("Créez un lien de **dépôt** seul."), body);
        assertTrue(body.contains("](" + topic + ")"), "links back to the discussion: " + body);
        assertEquals(SECTION, draft.form("wiki").get("section"));
        assertNotNull(draft.html().getElementById("from-topic"));
        assertTrue(anonymous().get("/tutoriels").html().select("a[href$=" + topic + "]").isEmpty(), "nothing stored before saving");

        Page saved = draft.form("wiki").submit();
        assertEquals(302, saved.status(), saved.mainText());
        String page = saved.location().substring(saved.location().indexOf("/tutoriels/"));
        Document tutorial = anonymous().get(page).html();
        assertNotNull(tutorial.selectFirst("#related-topics a[href$=" + topic + "]"), "« Discussions liées »");
        assertNotNull(tutorial.selectFirst("#wiki-body blockquote"), "the question is quoted");
        assertNotNull(anonymous().get(topic).html().selectFirst("#documented-in a[href$=" + page + "]"), "« Documenté dans »");
    }

    @Test
    void theHomePageListsRecentTutorials() throws Exception {
        WebClient camille = loggedIn("accueil");
        String page = write(camille, uniqueTitle("Un tutoriel tout récent"), "Pour l'accueil.");
        Document home = anonymous().get("/").html();
        assertNotNull(home.selectFirst("#recent-tutorials a[href$=" + page + "]"), "« Tutoriels récents »");
    }

    @Test
    void aForgedCrossSiteEditWritesNothing() throws Exception {
        WebClient camille = loggedIn("forge");
        String page = write(camille, uniqueTitle("Un tutoriel à protéger des faux formulaires"), "Le vrai texte.");
        Page forged = camille.get(page + "/modifier").form("wiki").set("body", "Texte forgé.").submitWithoutViewState();
        assertTrue(forged.status() != 302 || !forged.location().endsWith(page), "no save without the view state");
        assertEquals("Le vrai texte.", anonymous().get(page).html().getElementById("wiki-body").text());
        assertEquals(1, anonymous().get(page + "/historique").html().select("#versions > li").size());
    }

    @Test
    void aTutorialListsTheDiscussionsWhosePostsLinkToIt() throws Exception {
        WebClient author = loggedIn("liant");
        String page = write(author, uniqueTitle("Sauvegarder ses agendas"), "Exporter chaque agenda en .ics.");
        Page asked = author.get("/nouveau-sujet?categorie=" + SECTION).form("topic")
                .set("title", "Comment sauvegarder nos agendas partagés ?")
                .set("body", "Le tutoriel [Sauvegarder ses agendas](" + page + ") répond-il à tout ?").submit();
        assertEquals(302, asked.status(), asked.mainText());
        String topic = asked.location().substring(asked.location().indexOf("/t/"));
        Document tutorial = anonymous().get(page).html();
        assertNotNull(tutorial.selectFirst("#related-topics a[href$=" + topic + "]"), "a post linking the tutorial lists its topic");
    }
}
