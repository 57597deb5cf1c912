package fr.mare.demo;

import fr.mare.markdown.Slugs;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the demo will write, read from its files without a container (#14): a forum that has
 * lived eighteen months, in every category, solved, unsolved and unanswered, long threads with
 * branches; tutorials with versions over time, one drafted from the DAVx⁵ discussion, some to
 * review; every author a demo account; every date in the past and in order within a thread.
 */
class DemoScriptTest {

    static final Set<String> CATEGORIES = Set.of("installation-et-hebergement", "fichiers-partage-et-synchronisation",
            "agenda-contacts-et-taches", "bureautique-en-ligne", "talk-et-visio", "applications", "administration-de-l-espace",
            "vie-du-forum");

    private final List<DemoScript.Topic> topics = DemoScript.topics();
    private final List<DemoScript.Tutorial> tutorials = DemoScript.tutorials();
    private final Set<String> accounts = Stream.concat(DemoContent.MEMBERS.stream(), DemoContent.SPAMMERS.stream())
            .map(DemoContent.DemoMember::username).collect(Collectors.toSet());

    @Test
    void aForumThatHasLivedEighteenMonthsInEveryCategory() {
        assertTrue(topics.size() >= 40, "topics: " + topics.size());
        assertEquals(CATEGORIES, topics.stream().map(DemoScript.Topic::category).collect(Collectors.toSet()));
        assertTrue(topics.stream().anyMatch(t -> t.solution() != null), "solved");
        assertTrue(topics.stream().anyMatch(t -> t.solution() == null && !t.replies().isEmpty()), "answered, unsolved");
        assertTrue(topics.stream().filter(t -> t.replies().isEmpty()).count() >= 3, "unanswered");
        assertTrue(topics.stream().anyMatch(t -> t.replies().size() >= 8), "a long thread");
        assertTrue(topics.stream().anyMatch(t -> t.replies().stream().filter(r -> r.parent() != null).anyMatch(r ->
                t.replies().stream().anyMatch(p -> p.id().equals(r.parent()) && p.parent() != null))), "a nested branch (reply to a reply to a reply)");
        assertTrue(topics.stream().anyMatch(t -> t.steps().stream().anyMatch(DemoScript.Edit.class::isInstance)), "an edited message");
        int oldest = topics.stream().mapToInt(t -> t.when().daysAgo()).max().orElseThrow();
        int newest = topics.stream().mapToInt(t -> t.when().daysAgo()).min().orElseThrow();
        assertTrue(oldest >= 500 && oldest <= 550 && newest <= 7, "from " + oldest + " to " + newest + " days ago");
        assertEquals("bienvenue", topics.get(4).name(), "topic 5 is the welcome thread (ResilienceIT, /t/5/…)");
        assertEquals("Bienvenue sur Mare : présentez-vous !", topics.get(4).title());
    }

    @Test
    void everyThreadIsConsistentAndInOrder() {
        for (DemoScript.Topic topic : topics) {
            assertTrue(CATEGORIES.contains(topic.category()), topic.name());
            assertTrue(accounts.contains(topic.author()), topic.name() + ": " + topic.author());
            assertFalse(topic.body().isBlank(), topic.name());
            Map<String, DemoScript.Reply> seen = new java.util.HashMap<>();
            DemoScript.When last = topic.when();
            for (DemoScript.Step step : topic.steps()) {
                assertTrue(step.when().after(last), topic.name() + ": " + step + " comes after " + last);
                last = step.when();
                switch (step) {
                    case DemoScript.Reply reply -> {
                        assertTrue(accounts.contains(reply.author()), topic.name() + ": " + reply.author());
                        assertTrue(reply.parent() == null || seen.containsKey(reply.parent()), topic.name() + ": parent " + reply.parent());
                        assertTrue(seen.put(reply.id(), reply) == null, topic.name() + ": id " + reply.id() + " twice");
                        assertTrue(accounts.containsAll(reply.thanks()), topic.name() + ": " + reply.thanks());
                        assertFalse(reply.thanks().contains(reply.author()), topic.name() + ": nobody thanks themselves");
                        assertFalse(reply.body().isBlank(), topic.name() + " " + reply.id());
                    }
                    case DemoScript.Edit edit -> assertTrue(seen.containsKey(edit.target()), topic.name() + ": edit of " + edit.target());
                }
            }
            if (topic.solution() != null) {
                DemoScript.Reply solution = seen.get(topic.solution());
                assertNotNull(solution, topic.name() + ": solution " + topic.solution());
                assertTrue(topic.solvedAt().after(solution.when()), topic.name() + ": solved after the answer");
            }
        }
    }

    @Test
    void theSpamIsWrittenBySpamAccountsOnly() {
        Set<String> spammers = DemoContent.SPAMMERS.stream().map(DemoContent.DemoMember::username).collect(Collectors.toSet());
        List<DemoScript.Reply> spam = topics.stream().flatMap(t -> t.replies().stream()).filter(r -> spammers.contains(r.author())).toList();
        assertEquals(2, spam.size(), "one old advertisement, one waiting in the queue");
        assertTrue(spam.stream().allMatch(r -> r.id().equals("pub")));
        assertTrue(topics.stream().flatMap(t -> t.replies().stream()).filter(r -> r.id().equals("pub")).allMatch(spam::contains),
                "no helpful member writes an advertisement");
    }

    @Test
    void tutorialsHaveHistoriesOverTimeAndSomeAreDueForReview() {
        assertTrue(tutorials.size() >= 12, "tutorials: " + tutorials.size());
        Set<String> names = new HashSet<>();
        for (DemoScript.Tutorial tutorial : tutorials) {
            assertTrue(names.add(tutorial.title()), tutorial.name());
            assertTrue(CATEGORIES.contains(tutorial.section()), tutorial.name());
            assertTrue(tutorial.versions().size() >= 2, tutorial.name() + " has a history");
            DemoScript.When last = null;
            for (DemoScript.Version version : tutorial.versions()) {
                assertTrue(accounts.contains(version.author()), tutorial.name() + ": " + version.author());
                assertTrue(last == null || version.when().after(last), tutorial.name() + ": versions in order");
                last = version.when();
            }
            assertTrue(tutorial.topic() == null || topics.stream().anyMatch(t -> t.name().equals(tutorial.topic())), tutorial.name());
        }
        DemoScript.Tutorial davx5 = tutorials.stream().filter(t -> t.title().contains("DAVx⁵")).findFirst().orElseThrow();
        assertEquals("agenda-android", davx5.topic(), "the solved DAVx⁵ discussion is linked to its tutorial");
        assertNotNull(topics.stream().filter(t -> t.name().equals("agenda-android")).findFirst().orElseThrow().solution());
        assertTrue(tutorials.stream().anyMatch(t -> !t.signals().isEmpty()), "one signalled as outdated");
        assertTrue(tutorials.stream().anyMatch(t -> t.review() == null && t.versions().getLast().when().daysAgo() > 365),
                "one not reviewed for a year");
        assertTrue(tutorials.stream().anyMatch(t -> t.versions().stream().anyMatch(v -> v.revertTo() != null)), "a revert");
    }

    /** {@code [[slug]]}, {@code [[slug|texte]]} or a Markdown link to {@code /tutoriels/slug}. */
    private static final Pattern TUTORIAL_LINK = Pattern.compile("\\[\\[([^\\]|]+)(?:\\|[^\\]]*)?]]|\\]\\(/tutoriels/([^)#?\\s]+)\\)");

    @Test
    void everyLinkToATutorialNamesADemoTutorialAlreadyWritten() {
        Map<String, DemoScript.When> created = new java.util.HashMap<>();
        Map<String, Integer> order = new java.util.HashMap<>();
        for (DemoScript.Tutorial tutorial : tutorials) {
            String slug = Slugs.slugify(tutorial.title());
            assertTrue(created.put(slug, tutorial.versions().getFirst().when()) == null, "two tutorials at " + slug);
            order.put(slug, order.size());
        }
        int fromDiscussions = 0;
        for (DemoScript.Topic topic : topics) {
            List<Map.Entry<DemoScript.When, String>> texts = new java.util.ArrayList<>();
            texts.add(Map.entry(topic.when(), topic.body()));
            for (DemoScript.Step step : topic.steps()) {
                texts.add(Map.entry(step.when(), step instanceof DemoScript.Reply reply ? reply.body() : ((DemoScript.Edit) step).body()));
            }
            for (Map.Entry<DemoScript.When, String> text : texts) {
                assertFalse(text.getValue().contains("[["), topic.name() + ": the forum does not expand [[slug]], write a Markdown link");
                for (String slug : tutorialLinks(text.getValue())) {
                    assertTrue(created.containsKey(slug), topic.name() + " links to an unknown tutorial " + slug);
                    assertTrue(text.getKey().after(created.get(slug)), topic.name() + " links to " + slug + " before it was written");
                    fromDiscussions++;
                }
            }
        }
        assertTrue(fromDiscussions >= 2, "discussions pointing at their tutorials: " + fromDiscussions);
        for (DemoScript.Tutorial tutorial : tutorials) {
            int self = order.get(Slugs.slugify(tutorial.title()));
            for (DemoScript.Version version : tutorial.versions()) {
                for (String slug : tutorialLinks(version.body())) {
                    assertTrue(created.containsKey(slug), tutorial.name() + " links to an unknown tutorial " + slug);
                    assertTrue(order.get(slug) < self, tutorial.name() + ": " + slug + " comes first in index.txt");
                    assertTrue(version.when().after(created.get(slug)), tutorial.name() + " links to " + slug + " before it was written");
                }
            }
        }
    }

    private static List<String> tutorialLinks(String markdown) {
        List<String> slugs = new java.util.ArrayList<>();
        Matcher m = TUTORIAL_LINK.matcher(markdown);
        while (m.find()) {
            slugs.add((m.group(1) != null ? m.group(1) : m.group(2)).strip());
        }
        return slugs;
    }

    @Test
    void datesAreDaysBeforeTheLoadAtAParisTimeAndNeverInTheFuture() {
        ZonedDateTime now = ZonedDateTime.parse("2026-03-29T00:30:00+01:00[Europe/Paris]");
        DemoScript.When when = DemoScript.When.parse("J-1 23:50", "test");
        assertEquals(ZonedDateTime.parse("2026-03-28T23:50:00+01:00[Europe/Paris]").toInstant(), when.at(now));
        assertTrue(when.at(now).isBefore(now.toInstant()));
        assertThrows(IllegalArgumentException.class, () -> DemoScript.When.parse("J-0 08:00", "test"));
        assertThrows(IllegalArgumentException.class, () -> DemoScript.When.parse("hier", "test"));
    }

    @Test
    void versionsAreBuiltFromDirectives() {
        DemoScript.Tutorial t = DemoScript.tutorial("t", """
                titre: T
                section: applications
                niveau: debutant
                public: MEMBRE
                nextcloud: 27-

                === karim · J-10 10:00 · un
                Un texte.
                === lea · J-9 10:00 · deux
                @@remplace Un ⇒ Le\\npremier
                @@nextcloud 28-31
                @@ajout
                La suite.
                === retour 1 · samuel · J-8 10:00
                """);
        assertEquals("Un texte.", t.versions().get(0).body());
        assertEquals("Le\npremier texte.\n\nLa suite.", t.versions().get(1).body());
        assertEquals("28", t.versions().get(1).min());
        assertEquals("31", t.versions().get(1).max());
        assertEquals(1, t.versions().get(2).revertTo());
        assertEquals("Un texte.", t.versions().get(2).body());
    }
}
