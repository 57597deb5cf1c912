package fr.mare.web;

import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ADR 0038 (performance issue #11): the posts of a member's thread page are rendered once per key
 * and kept, shared by every member who sees them the same. Each test first shows the page to its
 * readers, so that their posts' markup is kept, then changes something: the very next page of
 * every reader shows the change, and no reader ever gets what another may do.
 */
class FragmentCacheIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    /** A post's element on a member's page. */
    private static Element post(Page page, long id) {
        Element post = page.html().getElementById("post-" + id);
        assertNotNull(post, "post " + id + " on " + page.uri());
        return post;
    }

    private static Page read(WebClient reader, String topic) throws Exception {
        Page page = reader.get(topic);
        assertEquals(200, page.status(), topic);
        return page;
    }

    @Test
    void aKeptPostIsTheSameMarkupAndItsFormActsWithTheNewPagesState() throws Exception {
        String topic = Discussions.ask(loggedIn("demande"), CATEGORY, "Une question relue " + Names.username("q"), "La question.", null);
        long answer = Discussions.reply(loggedIn("aide"), topic, null, "Une réponse lue deux fois.");
        WebClient reader = loggedIn("relit");

        Page first = read(reader, topic);
        Page second = read(reader, topic);
        // The same markup, the view state field aside: each page has its own, kept posts included.
        assertEquals(post(first, answer).outerHtml().replaceAll("ViewState\" value=\"[^\"]*\"", ""),
                post(second, answer).outerHtml().replaceAll("ViewState\" value=\"[^\"]*\"", ""));
        String state = second.viewState();
        assertNotNull(state);
        assertEquals(state, post(second, answer).selectFirst("input[name=jakarta.faces.ViewState]").val(),
                "the kept post's form carries this page's state");

        assertEquals(302, second.formAround("likes-" + answer).submit("like").status(), "a form of a kept post acts");
        Page after = read(reader, topic);
        assertEquals("un merci", after.html().getElementById("likes-" + answer).text());
        assertNotNull(post(after, answer).selectFirst(".liked"), "the reader's own thanks is shown to them");
        assertNull(post(read(loggedIn("autre"), topic), answer).selectFirst(".liked"), "and to nobody else");
    }

    @Test
    void eachChangeIsSeenOnTheNextPageOfEveryMember() throws Exception {
        WebClient asker = loggedIn("demande");
        String topic = Discussions.ask(asker, CATEGORY, "Une question suivie " + Names.username("q"), "La question.", null);
        WebClient author = loggedIn("auteur");
        long answer = Discussions.reply(author, topic, null, "Premier jet de la réponse.");
        long doomed = Discussions.reply(author, topic, null, "Un message que son auteur retire.");
        long rude = Discussions.reply(loggedIn("bavard"), topic, null, "Un message que la modération masque.");
        WebClient reader = loggedIn("lecteur");
        read(reader, topic);
        read(asker, topic);

        String newReply = "Une réponse arrivée après " + Names.username("r");
        Discussions.reply(loggedIn("aide"), topic, null, newReply);
        assertTrue(read(reader, topic).body().contains(newReply), "a reply");

        String edited = "Version corrigée " + Names.username("e");
        assertEquals(302, author.get(topic + "?modifier=" + answer).formEndingWith("edit").set("body", edited).submit().status());
        Page afterEdit = read(reader, topic);
        assertTrue(post(afterEdit, answer).text().contains(edited), "an edit");
        assertFalse(afterEdit.body().contains("Premier jet de la réponse."), "the old text is gone");
        assertNotNull(post(afterEdit, answer).selectFirst("a.edited"), "and the post says it was edited");

        assertEquals(302, loggedIn("merci").get(topic).formAround("likes-" + answer).submit("like").status());
        assertEquals("un merci", read(reader, topic).html().getElementById("likes-" + answer).text(), "someone else's thanks");

        assertEquals(302, read(asker, topic).formAround("likes-" + answer).submit("solution").status());
        Page solved = read(reader, topic);
        assertTrue(post(solved, answer).hasClass("is-solution"), "the solution");
        assertNotNull(post(solved, answer).selectFirst(".badge-solved"));
        assertNull(post(read(asker, topic), answer).selectFirst("button[name=thread-actions:solution]"),
                "the asker is no longer offered to mark it");

        assertEquals(302, Discussions.delete(author, topic, doomed).status());
        Page afterDelete = read(reader, topic);
        assertFalse(afterDelete.body().contains("Un message que son auteur retire."), "a deletion");
        assertNotNull(post(afterDelete, doomed).selectFirst(".deleted"));

        WebClient modo = moderator("veilleur").client();
        read(modo, topic);
        assertEquals(302, modo.get("/moderation/cible?cible=post:" + rude).form("act-post-" + rude)
                .set("action", "HIDE").set("reason", "propos blessants").submit().status());
        Page afterHide = read(reader, topic);
        assertFalse(afterHide.body().contains("Un message que la modération masque."), "a hiding");
        assertNotNull(afterHide.html().getElementById("post-" + rude + "-hidden"), "its place says it was hidden");
        assertTrue(post(read(modo, topic), rude).text().contains("Un message que la modération masque."),
                "moderation still reads it, with its notice");
    }

    @Test
    void whatOneMemberMayDoIsNeverShownToAnother() throws Exception {
        String topic = Discussions.ask(loggedIn("demande"), CATEGORY, "Une question partagée " + Names.username("q"), "La question.", null);
        WebClient author = loggedIn("auteur");
        long own = Discussions.reply(author, topic, null, "Le message de son auteur.");

        Page authors = read(author, topic);
        assertNotNull(post(authors, own).selectFirst("a.edit-link"), "its author may edit it");
        assertNull(post(authors, own).selectFirst(".report-link"), "and does not report their own post");

        Page others = read(loggedIn("voisin"), topic);
        assertNull(post(others, own).selectFirst("a.edit-link"), "another member may not edit it");
        assertNull(post(others, own).selectFirst("button[name=thread-actions:delete]"));
        assertNotNull(post(others, own).selectFirst(".report-link"), "but may report it");

        Page visitors = read(anonymous(), topic);
        assertNull(post(visitors, own).selectFirst("form"), "a visitor gets no form");
        assertNotNull(post(read(author, topic), own).selectFirst("a.edit-link"), "the author's page is theirs again");
        assertNotEquals(post(authors, own).outerHtml(), post(others, own).outerHtml());
    }

    @Test
    void aNewDisplayNameIsSeenOnTheNextPage() throws Exception {
        String topic = Discussions.ask(loggedIn("demande"), CATEGORY, "Une question signée " + Names.username("q"), "La question.", null);
        WebClient author = loggedIn("signe");
        long reply = Discussions.reply(author, topic, null, "Un message signé.");
        WebClient reader = loggedIn("lecteur");
        read(reader, topic);

        String name = "Les Jardins " + Names.username("n");
        assertEquals(302, author.get("/compte").form("profile").set("displayName", name).submit().status());
        assertEquals(name, read(reader, topic).html().getElementById("post-" + reply + "-author").text());
    }
}
