package fr.mare.forum.web;

import fr.mare.account.AccountSummary;
import fr.mare.forum.Post;

/**
 * One post as the thread page shows it. {@code before} holds the fixed structural tags (never
 * any user text) that close the previous branches and open this post's nesting, so a flat,
 * path-ordered page renders as nested lists: each reply inside its parent's element.
 *
 * @param displayDepth nesting shown (at most {@link ThreadLayout#MAX_NESTING})
 * @param replyTo      the author the post answers, shown as « en réponse à @nom » when the post
 *                     is not nested under its parent (nesting limit or parent on another page)
 */
public record ThreadItem(Post post, AccountSummary author, int displayDepth, AccountSummary replyTo,
                         String before, boolean liked, boolean canLike, boolean solution) {
}
