package fr.mare.wiki;

/**
 * A page as typed in the editor, every field as text (so a refused save shows it back as typed):
 * section is a category slug, level and audience their address values, versions whole numbers.
 */
public record WikiDraft(String title, String section, String level, String audience, String ncVersionMin,
                        String ncVersionMax, String body, String summary) {
}
