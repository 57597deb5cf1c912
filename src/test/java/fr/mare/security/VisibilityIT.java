package fr.mare.security;

import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static fr.mare.testing.Sql.count;
import static fr.mare.testing.Sql.sql;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * « Ce qui n'est pas public ne se lit pas » (security issue #10): every read path of Mare, for
 * every state of the content it shows and every kind of reader, fetched over HTTP; the answer is
 * judged by whether a unique <em>canary</em> planted in that content appears in it, and by its
 * status.
 * <p>
 * <b>The table.</b> {@link #TABLE} holds one {@link Row} per read path: its name, the kind of
 * content it reads ({@link Subject#REPLY}: a reply, edited once, marked as its topic's solution, whose
 * author also admins a collective that lists their solutions;
 * {@link Subject#TOPIC}: a topic, its question, its tag, a tutorial it links to and a
 * notification about it), the address to fetch, which canary to look for (and where, when the
 * page rightly shows the same text elsewhere), and, per {@link State} of the content, four
 * expectations in the order of {@link Who}: ANONYMOUS, MEMBER (another member — the one
 * notified about the topic), AUTHOR (of that content), MODERATOR:
 * <ul>
 * <li>{@code S}: shown — the canary is in the answer;</li>
 * <li>{@code -}: not shown — any answer below 500 (a page, a redirect to log in) without the canary;</li>
 * <li>{@code 4}: not found — 404, without the canary, and the very page an unknown id gets (no oracle).</li>
 * </ul>
 * States are set in the database, as moderation would leave them: {@code PENDING} (a newcomer's
 * post awaiting approval, or a topic whose question does), {@code HIDDEN} by moderation,
 * {@code DELETED} (softly; replies only — a rejected question hides its topic), {@code ARCHIVED}
 * (tutorials). {@link Subject#TUTORIAL}: a tutorial written by AUTHOR, edited once (a heading and
 * the summary carry the canary); {@link Subject#COLLECTIVE}: a collective whose admin is AUTHOR.
 * Each state has
 * its own author and content, made once for the whole table.
 * <p>
 * <b>Adding a read path</b> (docs/security.md, « Visibilité ») : one row, with its
 * expectations for every state.
 */
class VisibilityIT extends MareIT {

    enum Who { ANONYMOUS, MEMBER, AUTHOR, MODERATOR }

    enum State { VISIBLE, PENDING, HIDDEN, DELETED, ARCHIVED }

    enum Subject {
        REPLY(State.VISIBLE, State.PENDING, State.HIDDEN, State.DELETED),
        TOPIC(State.VISIBLE, State.PENDING, State.HIDDEN),
        TUTORIAL(State.VISIBLE, State.HIDDEN, State.ARCHIVED),
        COLLECTIVE(State.VISIBLE, State.HIDDEN);

        final List<State> states;

        Subject(State... states) {
            this.states = List.of(states);
        }
    }

    /**
     * Which canary a row looks for: the current text (and a topic's title), the first version
     * only, or the title of a tutorial or the name of a collective (public even when hidden).
     */
    enum Canary { CURRENT, FIRST_VERSION, TITLE }

    /**
     * One read path: {@code url} from the case, {@code selector} restricting the search to part of
     * the page (null: the whole answer), {@code unknown} the same path with an id that does not exist,
     * and one expectation string per state (ANONYMOUS, MEMBER, AUTHOR, MODERATOR).
     */
    record Row(String name, Subject subject, Function<Case, String> url, Canary canary, Function<Case, String> selector,
               String unknown, Map<State, String> expected) {
    }

    private static Row reply(String name, Function<Case, String> url, Canary canary, Function<Case, String> selector, String unknown,
                             String visible, String pending, String hidden, String deleted) {
        return new Row(name, Subject.REPLY, url, canary, selector, unknown,
                Map.of(State.VISIBLE, visible, State.PENDING, pending, State.HIDDEN, hidden, State.DELETED, deleted));
    }

    private static Row topic(String name, Function<Case, String> url, Canary canary, String unknown,
                             String visible, String pending, String hidden) {
        return new Row(name, Subject.TOPIC, url, canary, null, unknown,
                Map.of(State.VISIBLE, visible, State.PENDING, pending, State.HIDDEN, hidden));
    }

    private static Row tutorial(String name, Function<Case, String> url, Canary canary, String unknown,
                                String visible, String hidden, String archived) {
        return new Row(name, Subject.TUTORIAL, url, canary, null, unknown,
                Map.of(State.VISIBLE, visible, State.HIDDEN, hidden, State.ARCHIVED, archived));
    }

    private static Row collective(String name, Function<Case, String> url, Canary canary, Function<Case, String> selector,
                                  String visible, String hidden) {
        return new Row(name, Subject.COLLECTIVE, url, canary, selector, null, Map.of(State.VISIBLE, visible, State.HIDDEN, hidden));
    }

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    //                                                                        ANONYMOUS, MEMBER, AUTHOR, MODERATOR
    static final List<Row> TABLE = List.of(
            //     path                                  address                                              canary                 where                    unknown id               VISIBLE PENDING HIDDEN DELETED
            reply("/historique/{réponse}",               c -> "/historique/" + c.post,                       Canary.FIRST_VERSION, null,                    "/historique/999999999", "SSSS", "44SS", "44SS", "4444"),
            reply("/historique/{réponse}?de=1&a=2 (diff)", c -> "/historique/" + c.post + "?de=1&a=2",       Canary.FIRST_VERSION, null,                    "/historique/999999999?de=1&a=2", "SSSS", "44SS", "44SS", "4444"),
            reply("fil du sujet, la réponse",            c -> c.address,                                       Canary.CURRENT,       c -> "#post-" + c.post,  null,                    "SSSS", "--SS", "--SS", "----"),
            reply("fil du sujet, encadré de la solution", c -> c.address,                                      Canary.CURRENT,       c -> "#solution",        null,                    "SSSS", "--SS", "--SS", "----"),
            reply("citer la réponse (?repondre=…&citer=1)", c -> c.address + "?repondre=" + c.post + "&citer=1", Canary.CURRENT,     null,                    null,                    "SSSS", "--SS", "--SS", "----"),
            reply("/signaler?cible=post:{réponse} (extrait)", c -> "/signaler?cible=post:" + c.post,        Canary.CURRENT,       null,                    "/signaler?cible=post:999999999", "-SSS", "-4SS", "-4SS", "-44S"),
            reply("fiche du collectif de l'auteur, solutions données", c -> c.collective,                    Canary.TITLE,         c -> "#contributions-solutions", null,           "SSSS", "----", "----", "----"),
            reply("/flux/sujet/{id}, la réponse",        c -> "/flux/sujet/" + c.topicId(),                  Canary.CURRENT,       null,                    null,                    "SSSS", "----", "----", "----"),

            //     path                                  address                                              canary                 unknown id               VISIBLE PENDING HIDDEN
            topic("/t/{id}/{slug}",                      c -> c.address,                                       Canary.CURRENT,       "/t/999999999/inconnu",  "SSSS", "44SS", "--SS"),
            topic("/t/{id}?message={question}",          c -> c.address + "?message=" + c.post,                Canary.CURRENT,       "/t/999999999/inconnu?message=999999999", "SSSS", "44SS", "--SS"),
            topic("/historique/{question}",              c -> "/historique/" + c.post,                       Canary.CURRENT,       "/historique/999999999", "SSSS", "44SS", "44SS"),
            topic("/ (accueil)",                         c -> "/",                                           Canary.CURRENT,       null,                    "SSSS", "----", "----"),
            topic("/c/{catégorie}",                      c -> "/c/" + CATEGORY,                              Canary.CURRENT,       null,                    "SSSS", "----", "----"),
            topic("/tag/{étiquette}",                    c -> "/tag/" + c.tag,                               Canary.CURRENT,       null,                    "SSSS", "----", "----"),
            topic("/signaler?cible=topic:{id} (titre)",  c -> "/signaler?cible=topic:" + c.topicId(),        Canary.CURRENT,       "/signaler?cible=topic:999999999", "-SSS", "-4SS", "-4SS"),
            topic("/flux/sujets",                        c -> "/flux/sujets",                                Canary.CURRENT,       null,                    "SSSS", "----", "----"),
            topic("/flux/categorie/{catégorie}",         c -> "/flux/categorie/" + CATEGORY,                 Canary.CURRENT,       null,                    "SSSS", "----", "----"),
            topic("/flux/sujet/{id}",                    c -> "/flux/sujet/" + c.topicId(),                  Canary.CURRENT,       "/flux/sujet/999999999", "SSSS", "4444", "4444"),
            topic("tutoriel lié, « Discussions liées »", c -> c.tutorial,                                    Canary.CURRENT,       null,                    "SSSS", "----", "----"),
            topic("/notifications (réponses au sujet)",  c -> "/notifications",                              Canary.CURRENT,       null,                    "-SS-", "--S-", "--S-"),

            // Tutorials: AUTHOR wrote it; a tutorial is shared, so hiding it leaves its text to moderation only.
            //        path                                address                                           canary                 unknown id                          VISIBLE HIDDEN ARCHIVED
            tutorial("/tutoriels/{slug} (texte, sommaire)", c -> c.address,                                   Canary.CURRENT,       null,                                 "SSSS", "---S", "SSSS"),
            tutorial("/tutoriels/{slug}/historique",       c -> c.address + "/historique",                    Canary.CURRENT,       "/tutoriels/inconnu-zz/historique",   "SSSS", "444S", "SSSS"),
            tutorial("/tutoriels/{slug}/diff?de=1&a=2",    c -> c.address + "/diff?de=1&a=2",                 Canary.FIRST_VERSION, "/tutoriels/inconnu-zz/diff?de=1&a=2", "SSSS", "444S", "SSSS"),
            tutorial("/tutoriels/{slug}/modifier",         c -> c.address + "/modifier",                      Canary.CURRENT,       null,                                 "-SSS", "---S", "---S"),
            tutorial("/tutoriels (index), le titre",       c -> "/tutoriels",                               Canary.TITLE,         null,                                 "SSSS", "SSSS", "----"),

            // Collectives: AUTHOR is its admin; a hidden profile keeps its name, not its own words.
            //          path                              address                                           canary           where                     VISIBLE HIDDEN
            collective("/voisins/{slug}, la présentation", c -> c.address,                                    Canary.CURRENT,  c -> "main",              "SSSS", "--SS"),
            collective("/voisins/{slug}, le nom",          c -> c.address,                                    Canary.TITLE,    c -> "main",              "SSSS", "SSSS"),
            collective("/voisins.json",                    c -> "/voisins.json",                            Canary.CURRENT,  null,                     "SSSS", "----"),
            collective("/voisins?q= (annuaire, le lien)", c -> "/voisins?q=" + c.title,                     Canary.TITLE,    c -> "main a[href$='" + c.address + "']", "SSSS", "----"));

    /** The content of one (subject, state): its author, its address and its canaries. */
    static final class Case {
        WebClient author;
        /** The content's address: a topic, a tutorial or a collective. */
        String address;
        long post;
        String canary;
        String firstVersion;
        String title;
        String tag;
        String tutorial;
        /** A collective whose (visible) admin is the author: its page lists the author's solutions. */
        String collective;

        long topicId() {
            return Long.parseLong(address.split("/")[2]);
        }
    }

    /** Everything the table reads, made once. */
    private static final class World {
        WebClient member;
        WebClient moderator;
        final Map<Subject, Map<State, Case>> cases = new EnumMap<>(Subject.class);

        WebClient client(Who who, Case c, URI base) {
            return switch (who) {
                case ANONYMOUS -> new WebClient(base);
                case MEMBER -> member;
                case AUTHOR -> c.author;
                case MODERATOR -> moderator;
            };
        }
    }

    private static World world;

    private World world() throws Exception {
        if (world == null) {
            world = build(base.toURI());
        }
        return world;
    }

    private static World build(URI base) throws Exception {
        World w = new World();
        w.member = established(base, "lecteur").client();
        String moderatorName = established(base, "veilleur").name();
        sql("UPDATE account SET role = 'MODERATOR' WHERE username = ?", moderatorName);
        w.moderator = new WebClient(base);
        assertEquals(302, w.moderator.login(moderatorName, PASSWORD).status());

        Map<State, Case> replies = new EnumMap<>(State.class);
        for (State state : Subject.REPLY.states) {
            Case c = new Case();
            c.author = established(base, "auteur").client();
            c.canary = canary();
            c.firstVersion = canary();
            c.title = canary();
            c.address = Discussions.ask(c.author, CATEGORY, "Un sujet dont la réponse est " + state.name().toLowerCase(Locale.ROOT) + " " + c.title,
                    "Une question ordinaire.", null);
            c.post = Discussions.reply(c.author, c.address, null, "Première version : " + c.firstVersion + ".");
            Page saved = c.author.get(c.address + "?modifier=" + c.post).formEndingWith("edit")
                    .set("body", "La réponse témoin : " + c.canary + ".").submit();
            assertEquals(302, saved.status(), saved.mainText());
            sql("UPDATE forum_topic SET solution_post_id = ? WHERE id = ?", c.post, c.topicId());
            Page collective = c.author.get("/voisins/nouveau").form("collective")
                    .set("name", "Le collectif de " + Names.username("c")).set("presentation", "Notre présentation.")
                    .set("kind", "ASSOCIATION").set("region", "63").set("size", "11-50").set("visible", "on").submit();
            assertEquals(302, collective.status(), collective.mainText());
            c.collective = collective.location().substring(collective.location().indexOf("/voisins/"));
            switch (state) {
                case VISIBLE -> { }
                case PENDING -> sql("UPDATE forum_post SET pending = TRUE WHERE id = ?", c.post);
                case HIDDEN -> sql("UPDATE forum_post SET hidden_at = NOW(6), hidden_reason = 'raison du test' WHERE id = ?", c.post);
                case DELETED -> sql("UPDATE forum_post SET deleted_at = NOW(6) WHERE id = ?", c.post);
            }
            replies.put(state, c);
        }
        w.cases.put(Subject.REPLY, replies);

        String tutorial = tutorial(w.moderator);
        Map<State, Case> topics = new EnumMap<>(State.class);
        // The visible one last: it is the most recent, so it is on the first page of every list.
        for (State state : List.of(State.PENDING, State.HIDDEN, State.VISIBLE)) {
            Case c = new Case();
            c.author = established(base, "auteur").client();
            c.canary = canary();
            c.tag = Names.username("temoin");
            c.tutorial = tutorial;
            c.address = Discussions.ask(c.author, CATEGORY, "Le sujet témoin " + c.canary,
                    "La question témoin " + c.canary + ", voir [le guide](" + tutorial + ").", c.tag);
            c.post = count("SELECT id FROM forum_post WHERE topic_id = ? AND depth = 0", c.topicId());
            Discussions.reply(w.member, c.address, null, "Une réponse de l'autre membre.");
            Discussions.reply(c.author, c.address, null, "Merci, et une précision.");
            switch (state) {
                case PENDING -> {
                    sql("UPDATE forum_topic SET pending = TRUE WHERE id = ?", c.topicId());
                    sql("UPDATE forum_post SET pending = TRUE WHERE id = ?", c.post);
                }
                case HIDDEN -> sql("UPDATE forum_topic SET hidden_at = NOW(6), hidden_reason = 'raison du test' WHERE id = ?", c.topicId());
                default -> { }
            }
            topics.put(state, c);
        }
        w.cases.put(Subject.TOPIC, topics);

        Map<State, Case> tutorials = new EnumMap<>(State.class);
        for (State state : Subject.TUTORIAL.states) {
            Case c = new Case();
            c.author = established(base, "redacteur").client();
            c.canary = canary();
            c.firstVersion = canary();
            c.title = canary();
            Page saved = c.author.get("/tutoriels/nouveau").form("wiki")
                    .set("title", "Le tutoriel témoin " + c.title).set("section", CATEGORY).set("level", "intermediaire")
                    .set("audience", "ADMIN").set("body", "Première version : " + c.firstVersion + ".").set("summary", "Première version")
                    .submit();
            assertEquals(302, saved.status(), saved.mainText());
            c.address = saved.location().substring(saved.location().indexOf("/tutoriels/"));
            Page edited = c.author.get(c.address + "/modifier").form("wiki")
                    .set("body", "## Partie " + c.canary + "\n\nLe texte témoin " + c.canary + ".").set("summary", "Relu " + c.canary).submit();
            assertEquals(302, edited.status(), edited.mainText());
            String slug = c.address.substring("/tutoriels/".length());
            switch (state) {
                case HIDDEN -> sql("UPDATE wiki_page SET hidden_at = NOW(6), hidden_reason = 'raison du test' WHERE slug = ?", slug);
                case ARCHIVED -> sql("UPDATE wiki_page SET archived = TRUE WHERE slug = ?", slug);
                default -> { }
            }
            tutorials.put(state, c);
        }
        w.cases.put(Subject.TUTORIAL, tutorials);

        Map<State, Case> collectives = new EnumMap<>(State.class);
        for (State state : Subject.COLLECTIVE.states) {
            Case c = new Case();
            c.author = established(base, "fondatrice").client();
            c.canary = canary();
            c.title = canary();
            Page saved = c.author.get("/voisins/nouveau").form("collective")
                    .set("name", "Collectif témoin " + c.title).set("presentation", "Notre présentation témoin " + c.canary + ".")
                    .set("kind", "ASSOCIATION").set("region", "63").set("size", "11-50").submit();
            assertEquals(302, saved.status(), saved.mainText());
            c.address = saved.location().substring(saved.location().indexOf("/voisins/"));
            if (state == State.HIDDEN) {
                sql("UPDATE collective SET hidden_at = NOW(6), hidden_reason = 'raison du test' WHERE slug = ?",
                        c.address.substring("/voisins/".length()));
            }
            collectives.put(state, c);
        }
        w.cases.put(Subject.COLLECTIVE, collectives);
        return w;
    }

    /** A unique word (the diff marks whole words), in capitals so that no slug (always lower case) contains it. */
    private static String canary() {
        return Names.username("canari").replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** A member older than the newcomers' period (no link cap, no approval), logged in on the returned client. */
    private static Member established(URI base, String prefix) throws SQLException {
        WebClient client = new WebClient(base);
        String name = client.registerNewMember(prefix, PASSWORD);
        sql("UPDATE account SET created_at = NOW(6) - INTERVAL 60 DAY, posts_to_approve = 0 WHERE username = ?", name);
        return new Member(name, client);
    }

    private record Member(String name, WebClient client) {
    }

    private static String tutorial(WebClient client) {
        Page saved = client.get("/tutoriels/nouveau").form("wiki")
                .set("title", "Le guide lié " + Names.username("g")).set("section", CATEGORY).set("level", "intermediaire")
                .set("audience", "ADMIN").set("body", "Le guide.").set("summary", "Première version").submit();
        assertEquals(302, saved.status(), saved.mainText());
        return saved.location().substring(saved.location().indexOf("/tutoriels/"));
    }

    // ------------------------------------------------------------------ the test

    /**
     * A form opened while the topic was public, sent after it became pending: the same 404 as a
     * GET, nothing written (it was a NullPointerException, a 500, once the rule hid the topic).
     */
    @Test
    void anActionOnATopicThatStoppedBeingReadableIs404() throws Exception {
        Member author = established(base.toURI(), "devenu-invisible");
        Member other = established(base.toURI(), "repond-trop-tard");
        String topic = Discussions.ask(author.client(), CATEGORY, "Un sujet bientôt en attente " + Names.username("t"),
                "Une question qui va disparaître des lectures publiques.", null);
        long topicId = Long.parseLong(topic.split("/")[2]);
        WebClient.Form reply = other.client().get(topic).form("reply").set("body", "Une réponse envoyée trop tard.");
        sql("UPDATE forum_topic SET pending = TRUE WHERE id = ?", topicId);
        Page sent = reply.submit();
        assertEquals(404, sent.status(), sent.mainText());
        assertEquals(0, count("SELECT COUNT(*) FROM forum_post WHERE topic_id = ? AND body_markdown LIKE 'Une réponse envoyée%'", topicId));
    }

    @TestFactory
    Stream<DynamicNode> everyReadPathByEveryStateAndReader() {
        return TABLE.stream().map(row -> DynamicContainer.dynamicContainer(row.name(),
                row.subject().states.stream().map(state -> DynamicContainer.dynamicContainer(state.name(),
                        Stream.of(Who.values()).map(who -> DynamicTest.dynamicTest(
                                who + " → " + row.expected().get(state).charAt(who.ordinal()),
                                () -> check(row, state, who)))))));
    }

    private void check(Row row, State state, Who who) throws Exception {
        World w = world();
        Case c = w.cases.get(row.subject()).get(state);
        char expected = row.expected().get(state).charAt(who.ordinal());
        String canary = switch (row.canary()) {
            case CURRENT -> c.canary;
            case FIRST_VERSION -> c.firstVersion;
            case TITLE -> c.title;
        };
        WebClient client = w.client(who, c, base.toURI());
        String url = row.url().apply(c);
        Page page = client.get(url);
        String label = row.name() + " | " + state + " | " + who + " | " + url + " → " + page.status();
        String where = page.body();
        if (row.selector() != null) {
            Element part = page.html().selectFirst(row.selector().apply(c));
            where = part == null ? "" : part.outerHtml();
        }
        boolean shown = where.contains(canary);
        System.out.println("[visibility] " + label + (shown ? " | shown" : " | not shown"));
        assertTrue(page.status() < 500, label);
        switch (expected) {
            case 'S' -> {
                assertTrue(page.status() == 200 || page.isRedirect(), label);
                if (page.isRedirect()) {
                    Page followed = client.follow(page);
                    assertTrue(followed.body().contains(canary), label + ": the canary after the redirect");
                } else {
                    assertTrue(shown, label + ": the canary should be shown");
                }
            }
            case '-' -> {
                assertFalse(shown, label + ": the canary leaks");
                if (page.isRedirect() && !page.location().contains("/connexion")) {
                    assertFalse(client.follow(page).body().contains(canary), label + ": the canary leaks after the redirect");
                }
            }
            case '4' -> {
                assertFalse(shown, label + ": the canary leaks");
                assertEquals(404, page.status(), label);
                Page unknown = client.get(row.unknown());
                assertEquals(unknown.status(), page.status(), label + ": an unknown id answers " + unknown.status());
                assertEquals(unknown.mainText(), page.mainText(), label + ": the same page as for an unknown id");
            }
            default -> throw new IllegalStateException("expectation " + expected);
        }
    }
}
