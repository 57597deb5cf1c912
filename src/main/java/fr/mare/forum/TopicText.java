package fr.mare.forum;

import java.util.List;

/**
 * What search indexes of a topic everyone reads in full (#12): its title, category, tags,
 * solved state, and the rendered HTML of its public posts — the question, the accepted answer
 * (when it is itself public) and the other replies. Pending, hidden and deleted posts are not
 * in it ({@link ForumVisibility#PUBLIC_POST}).
 */
public record TopicText(long id, String slug, String title, String categorySlug, String categoryName,
                        boolean solved, List<String> tags, String questionHtml, String solutionHtml,
                        List<String> replyHtml) {
}
