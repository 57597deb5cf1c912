package fr.mare.wiki;

/** What describes a page besides its text, checked by {@link WikiService} before it is stored. */
public record WikiMetadata(String title, Long sectionId, WikiLevel level, WikiAudience audience,
                           Integer ncVersionMin, Integer ncVersionMax) {
}
