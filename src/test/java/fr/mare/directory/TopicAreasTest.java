package fr.mare.directory;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicAreasTest {

    /** The vocabulary seeded by V0005__directory.sql. */
    private static final List<String> AREAS = List.of("fichiers-partage", "agendas-partages", "deck-taches",
            "bureautique-en-ligne", "talk-visio", "formulaires", "administration", "sauvegardes", "migration-google",
            "accessibilite", "contacts", "formation");

    /** The categories seeded by V0002__forum.sql. */
    private static final Set<String> CATEGORIES = Set.of("installation-et-hebergement", "fichiers-partage-et-synchronisation",
            "agenda-contacts-et-taches", "bureautique-en-ligne", "talk-et-visio", "applications",
            "administration-de-l-espace", "vie-du-forum");

    @Test
    void theTableNamesOnlyRealCategoriesAndAreas() {
        assertTrue(CATEGORIES.containsAll(TopicAreas.BY_CATEGORY.keySet()), TopicAreas.BY_CATEGORY.keySet().toString());
        TopicAreas.BY_CATEGORY.values().forEach(areas -> assertTrue(AREAS.containsAll(areas), areas.toString()));
    }

    @Test
    void aCategoryGivesItsAreas() {
        assertEquals(Set.of("talk-visio"), TopicAreas.of("talk-et-visio", List.of(), AREAS));
        assertEquals(Set.of("administration", "sauvegardes"), TopicAreas.of("administration-de-l-espace", null, AREAS));
        assertEquals(Set.of(), TopicAreas.of("vie-du-forum", List.of(), AREAS), "the forum's own life needs no neighbours");
        assertEquals(Set.of(), TopicAreas.of(null, null, AREAS));
    }

    @Test
    void tagsNameAnAreaOrOneOfItsWords() {
        assertEquals(Set.of("sauvegardes"), TopicAreas.of("vie-du-forum", List.of("sauvegardes"), AREAS));
        assertEquals(Set.of("migration-google"), TopicAreas.of(null, List.of("google"), AREAS));
        assertEquals(Set.of("deck-taches"), TopicAreas.of(null, List.of("Deck"), AREAS));
        assertEquals(Set.of("bureautique-en-ligne"), TopicAreas.of(null, List.of("bureautique-en-ligne"), AREAS));
        assertEquals(Set.of(), TopicAreas.of(null, List.of("en", "synchro-android", " "), AREAS), "short words and other tags match nothing");
        assertEquals(List.of("talk-visio", "accessibilite"),
                List.copyOf(TopicAreas.of("talk-et-visio", List.of("accessibilite", "talk"), AREAS)), "category first, no duplicates");
    }

    @Test
    void onlyKnownAreasCount() {
        assertEquals(Set.of(), TopicAreas.of("talk-et-visio", List.of("sauvegardes"), List.of("formation")));
    }
}
