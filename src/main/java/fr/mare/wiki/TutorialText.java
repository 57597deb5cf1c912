package fr.mare.wiki;

import java.util.List;

/**
 * What search indexes of a tutorial everyone reads (#12): listed ({@link WikiVisibility#LISTED},
 * so not archived) and not hidden ({@link WikiVisibility#canReadText} for anyone).
 */
public record TutorialText(long id, String slug, String title, List<String> headings, String bodyHtml) {
}
