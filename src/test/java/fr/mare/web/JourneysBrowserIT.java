package fr.mare.web;

import fr.mare.testing.ChromiumIT;
import fr.mare.testing.Discussions;
import fr.mare.testing.Names;
import fr.mare.testing.SitePages;
import fr.mare.testing.TwoFactorCodes;
import fr.mare.testing.pages.CollectivePage;
import fr.mare.testing.pages.ConversationPage;
import fr.mare.testing.pages.ConversationsPage;
import fr.mare.testing.pages.DirectoryPage;
import fr.mare.testing.pages.JournalPage;
import fr.mare.testing.pages.ModerationQueuePage;
import fr.mare.testing.pages.PostHistoryPage;
import fr.mare.testing.pages.ReportPage;
import fr.mare.testing.pages.SitePage;
import fr.mare.testing.pages.TopicPage;
import fr.mare.testing.pages.WikiDiffPage;
import fr.mare.testing.pages.WikiHistoryPage;
import fr.mare.testing.pages.WikiPage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #14: the journeys of Mare's people in Debian's Chromium, through the page objects of
 * {@code testing.pages} — ask, answer, answer an answer, choose the solution, thank, edit and read
 * the history; write a tutorial, change it, compare two versions, go back to the first; present a
 * collective, find it, write to it; report a post, hide it from the moderation's queue, find the
 * line in the journal. Each runs twice, with JavaScript on and off: every flow of Mare works
 * without scripts (#15), and each run proves which way Chromium was (menu.js opens the header's
 * menu on a wide screen, and only it does).
 */
class JourneysBrowserIT extends ChromiumIT {

    /** JavaScript on or off in Chromium, named as the test reports say it. */
    enum Scripts {
        ON("avec JavaScript", true), OFF("sans JavaScript", false);

        private final String label;
        final boolean on;

        Scripts(String label, boolean on) {
            this.label = label;
            this.on = on;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @ParameterizedTest(name = "{displayName} {0}")
    @EnumSource(Scripts.class)
    void aQuestionIsAnsweredAnsweredAgainSolvedThankedThenEditedWithItsHistory(Scripts scripts) throws Exception {
        Member asker = member("ines");
        Member helper = member("bastien");
        Member third = member("odile");
        String title = "Synchroniser l'agenda du bureau sur les téléphones " + Names.username("q");
        SitePage home = start(scripts);

        TopicPage topic = as(home, asker).discussions().newTopic()
                .ask(title, SitePages.CATEGORY, "Nos téléphones ne voient pas l'agenda partagé du bureau.");
        long question = topic.currentPost();
        long topicId = topic.topicId();
        assertEquals(title, topic.title());
        assertTrue(topic.post(question).contains("ne voient pas l'agenda"), topic.main());

        topic = as(topic, helper).discussions().topic(topicId).reply("Ajoutez le compte CalDAV dans les réglages du téléphone.");
        long answer = topic.currentPost();
        assertNotEquals(question, answer);
        assertTrue(topic.post(answer).contains("compte CalDAV"), topic.main());

        topic = as(topic, third).discussions().topic(topicId).replyTo(answer, "Sur Android, il faut aussi l'application DAVx⁵.");
        long nested = topic.currentPost();
        assertTrue(topic.nestedIn(nested, answer), "the reply to the answer sits in its branch: " + topic.posts());
        assertTrue(topic.post(nested).contains("DAVx⁵"), topic.main());

        topic = as(topic, asker).discussions().topic(topicId);
        assertFalse(topic.solved());
        assertEquals("", topic.likes(answer), "no thanks yet");
        topic = topic.markSolution(answer);
        assertTrue(topic.flash().contains("marquée comme solution"), topic.flash());
        assertTrue(topic.solved(), "« Résolu » next to the title");
        assertTrue(topic.solution().contains("compte CalDAV") && topic.solution().contains(helper.name()), topic.solution());
        topic = topic.thank(answer);
        assertEquals("un merci", topic.likes(answer));

        topic = topic.edit(question, "Nos téléphones Android ne voient pas l'agenda partagé du bureau.");
        assertTrue(topic.flash().contains("Votre message est modifié"), topic.flash());
        assertTrue(topic.post(question).contains("téléphones Android"), topic.main());
        PostHistoryPage history = topic.history(question);
        assertTrue(history.hasVersion(1) && history.hasVersion(2), String.join("\n", history.versions()));
        assertTrue(history.versions().get(1).contains(asker.name()), "version 2 is the asker's: " + history.versions());
        history = history.compare(1, 2);
        assertEquals("Différences entre la version 1 et la version 2", history.diffTitle());
        assertTrue(history.inserted().stream().anyMatch(s -> s.contains("Android")), "the added word is shown inserted: " + history.inserted());
        scriptsWere(scripts, history);
    }

    @ParameterizedTest(name = "{displayName} {0}")
    @EnumSource(Scripts.class)
    void aTutorialIsWrittenChangedComparedAndRevertedAfterConfirmation(Scripts scripts) throws Exception {
        Member author = member("solene");
        String title = "Ranger les fichiers partagés du bureau " + Names.username("t");
        SitePage home = start(scripts);

        WikiPage page = as(home, author).tutorials().newTutorial()
                .write(title, SitePages.CATEGORY, "Créez un dossier « Bureau » et partagez-le avec le groupe.", "Première version");
        assertEquals(title, page.title());
        assertTrue(page.body().contains("partagez-le avec le groupe"), page.body());

        page = page.edit().save("Créez un dossier « Bureau » et partagez-le avec le groupe des bénévoles, en lecture seule.",
                "Préciser les droits");
        assertTrue(page.body().contains("en lecture seule"), page.body());

        WikiHistoryPage history = page.history();
        assertTrue(history.hasRevision(1) && history.hasRevision(2) && !history.hasRevision(3));
        assertTrue(history.revision(2).contains("Préciser les droits"), history.revision(2));
        WikiDiffPage diff = history.compare(1, 2);
        assertTrue(diff.stats().contains("ajouté"), diff.stats());
        assertTrue(String.join(" ", diff.inserted()).contains("lecture seule"), "inserted: " + diff.inserted());

        history = diff.history().revert(1);
        assertTrue(history.confirmation().contains("Revenir à la version 1"), "asked first: " + history.main());
        assertFalse(history.hasRevision(3), "nothing changed before the confirmation");
        history = history.confirmRevert();
        assertTrue(history.flash().contains("retrouvé le texte de la version 1"), history.flash());
        assertTrue(history.hasRevision(3), "the revert is a new version");
        page = history.backToPage();
        assertTrue(page.body().contains("partagez-le avec le groupe") && !page.body().contains("lecture seule"), page.body());
        scriptsWere(scripts, page);
    }

    @ParameterizedTest(name = "{displayName} {0}")
    @EnumSource(Scripts.class)
    void aCollectiveIsPresentedFoundAndContacted(Scripts scripts) throws Exception {
        Member founder = member("armelle");
        Member neighbour = member("yannick");
        String word = Names.username("ruche").replace("-", "");
        String name = "Les Ruches partagées " + word;
        String subject = "Un coup de main pour l'agenda";
        SitePage home = start(scripts);

        CollectivePage collective = as(home, founder).neighbours().newCollective()
                .present(name, "ASSOCIATION", "35", "11-50", "Nous partageons nos ruches et nos agendas.");
        assertEquals(name, collective.name());
        assertTrue(collective.presentation().contains("nos ruches"), collective.main());
        String slug = collective.slug();

        DirectoryPage found = as(collective, neighbour).neighbours().search(word);
        assertEquals(List.of(slug), found.found(), found.main());
        ConversationPage conversation = found.open(slug).contact()
                .send(subject, "Bonjour,\n\nPourriez-vous nous montrer votre agenda partagé ?");
        assertTrue(conversation.flash().contains("Votre message est envoyé aux admins de " + name), conversation.flash());
        assertEquals(subject, conversation.subject());
        assertTrue(conversation.parties().contains(name), conversation.parties());
        assertTrue(conversation.thread().contains("votre agenda partagé"), conversation.thread());
        assertTrue(conversation.thread().contains(neighbour.name()), "the sender's name on the message: " + conversation.thread());
        ConversationsPage mine = conversation.messages();
        assertTrue(mine.subjects().contains(subject), "in the sender's messages: " + mine.subjects());

        ConversationsPage theirs = as(mine, founder).messages();
        assertTrue(theirs.subjects().contains(subject), "in the collective's admin's messages: " + theirs.subjects());
        ConversationPage read = theirs.open(subject);
        assertTrue(read.thread().contains("votre agenda partagé"), "the admin reads it: " + read.thread());
        scriptsWere(scripts, read);
    }

    @ParameterizedTest(name = "{displayName} {0}")
    @EnumSource(Scripts.class)
    void aReportedPostIsHiddenByAModeratorAndTheJournalSaysSo(Scripts scripts) throws Exception {
        Member author = member("gaston");
        Member reporter = member("maelle");
        String topicPath = Discussions.ask(author.client(), SitePages.CATEGORY, "Partager un calendrier " + Names.username("s"),
                "Comment partager le calendrier du bureau ?", null);
        long topicId = Long.parseLong(topicPath.split("/")[2]);
        long post = Discussions.reply(author.client(), topicPath, null, "Achetez mes montres de luxe, prix imbattables !");
        String target = "post:" + post;
        Member moderator = moderator("sidonie");
        SitePage home = start(scripts);

        TopicPage topic = as(home, reporter).discussions().topic(topicId);
        ReportPage report = topic.report(post);
        assertTrue(report.target().contains("montres de luxe"), "the report names what it is about: " + report.main());
        SitePage reported = report.send("SPAM", "Publicité sans rapport avec le sujet.");
        assertTrue(reported.flash().contains("votre signalement a bien été reçu"), reported.flash());

        ModerationQueuePage queue = reported.logOut().logInLink().logInAskingForCode(moderator.name(), PASSWORD)
                .answer(TwoFactorCodes.device(moderator.name()).nextCode()).moderation();
        assertTrue(queue.item(target).contains("Publicité sans rapport"), "the report is in the queue: " + queue.main());
        queue = queue.act(target, "HIDE", "Publicité : masquée.");
        assertTrue(queue.flash().contains("Action appliquée : Masquer"), queue.flash());

        JournalPage journal = queue.journal().target(target);
        List<JournalPage.Line> lines = journal.lines().stream().filter(l -> "HIDE".equals(l.action())).toList();
        assertEquals(1, lines.size(), "one line for the hiding: " + journal.lines());
        assertEquals(target, lines.getFirst().target());
        assertTrue(lines.getFirst().text().contains("Publicité : masquée.") && lines.getFirst().text().contains(moderator.name()),
                lines.getFirst().text());

        topic = journal.logOut().discussions().topic(topicId);
        assertTrue(topic.hidden(post), "a visitor sees the moderation's notice instead of the text: " + topic.main());
        assertFalse(topic.main().contains("montres de luxe"), topic.main());
        scriptsWere(scripts, topic);
    }

    /** Chromium with JavaScript on or off, on the home page: proves which way it is. */
    private SitePage start(Scripts scripts) throws Exception {
        startBrowser(scripts.on);
        SitePage home = SitePage.home(browser, base);
        scriptsWere(scripts, home);
        return home;
    }

    private static void scriptsWere(Scripts scripts, SitePage page) {
        assertEquals(scripts.on, page.scriptsRan(), "Chromium ran the page's scripts " + scripts + " (menu.js opens the header's menu): "
                + page.url());
    }

    /** The browser becomes {@code member}'s: whoever was logged in logs out, then the login form. */
    private static SitePage as(SitePage page, Member member) {
        SitePage out = page.currentAccount() == null ? page : page.logOut();
        SitePage in = out.logInLink().logIn(member.name(), PASSWORD);
        assertEquals(member.name(), in.currentAccount());
        return in;
    }
}
