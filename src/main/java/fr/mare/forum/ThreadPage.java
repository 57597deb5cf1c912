package fr.mare.forum;

import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One page of a discussion as {@link ThreadPages} read it for a caller (#16).
 *
 * @param posts        the page's posts in tree (path) or date order; pending ones only for those
 *                     who may see them, hidden and deleted ones in their place (shown as notices)
 * @param authors      the accounts of the posts' authors, of the parents' authors and of the
 *                     solution's author, by id
 * @param authorOfPost the author of each post on the page and of each parent on another page
 * @param solution     the accepted solution when this caller reads it in full
 * @param solutionPage the page of the tree that holds the solution
 * @param insiders     who, besides moderation, reads this topic differently from a visitor
 */
public record ThreadPage(Topic topic, Category category, List<String> tags, List<Post> posts,
                         Map<Long, AccountSummary> authors, Map<Long, Long> authorOfPost, Post solution,
                         int solutionPage, int pageCount, Set<Long> insiders) {

    /** Whether this caller reads exactly this page (it was read for a visitor). */
    boolean sameFor(Caller caller) {
        return !caller.moderator() && (caller.isAnonymous() || !insiders.contains(caller.accountId()));
    }

    /** About the memory this page holds, for the bound on what is kept. */
    int weight() {
        long text = 0;
        for (Post post : posts) {
            text += 512 + 2L * (post.getBodyHtml().length() + post.getBodyMarkdown().length());
        }
        return (int) Math.min(Integer.MAX_VALUE, text + 2048);
    }
}
