package fr.mare.directory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which expertise areas a forum topic is about, for « Des voisins connaissent ce sujet »: an
 * explicit table from the forum's category slugs to area slugs, plus the topic's tags that name
 * an area (the whole area slug, or one of its words of at least {@value #MIN_WORD} letters:
 * « talk », « sauvegardes », « google »…). Pure logic, no database.
 */
public final class TopicAreas {

    static final int MIN_WORD = 4;

    /** Forum category slug to the expertise areas it covers (categories absent here cover none). */
    static final Map<String, List<String>> BY_CATEGORY = Map.of(
            "fichiers-partage-et-synchronisation", List.of("fichiers-partage"),
            "agenda-contacts-et-taches", List.of("agendas-partages", "contacts", "deck-taches"),
            "bureautique-en-ligne", List.of("bureautique-en-ligne"),
            "talk-et-visio", List.of("talk-visio"),
            "applications", List.of("formulaires"),
            "administration-de-l-espace", List.of("administration", "sauvegardes"),
            "installation-et-hebergement", List.of("migration-google", "administration"));

    private TopicAreas() {
    }

    /** The slugs, among {@code areaSlugs}, of the areas a topic in this category with these tags is about (category first). */
    public static Set<String> of(String categorySlug, Collection<String> tagNames, Collection<String> areaSlugs) {
        Set<String> known = Set.copyOf(areaSlugs);
        Set<String> result = new LinkedHashSet<>();
        if (categorySlug != null) {
            BY_CATEGORY.getOrDefault(categorySlug, List.of()).stream().filter(known::contains).forEach(result::add);
        }
        if (tagNames != null) {
            for (String tag : tagNames) {
                if (tag == null || tag.isBlank()) {
                    continue;
                }
                String t = tag.strip().toLowerCase(Locale.ROOT);
                for (String area : areaSlugs) {
                    if (area.equals(t) || words(area).contains(t)) {
                        result.add(area);
                    }
                }
            }
        }
        return result;
    }

    private static Set<String> words(String areaSlug) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : areaSlug.split("-")) {
            if (w.length() >= MIN_WORD) {
                words.add(w);
            }
        }
        return words;
    }
}
