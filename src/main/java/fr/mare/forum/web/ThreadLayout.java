package fr.mare.forum.web;

import fr.mare.account.AccountSummary;
import fr.mare.forum.Post;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shape of one page of a thread (posts in path order): a post is nested under its parent when
 * the parent is on the page, up to {@link #MAX_NESTING} levels; deeper replies, and replies whose
 * parent is on another page, are shown at that level with « en réponse à @nom ». The chronological
 * view ({@code flat}) shows every post at the first level, with « en réponse à @nom » wherever it
 * answers a reply.
 * <p>
 * Only numbers come out of here: how deep each post is shown, whether it opens a branch inside the
 * previous post, how many branches close before it and after the last one. The markup (the
 * {@code li} of each post, each branch's {@code details} and {@code ol}, so that branches fold
 * without JavaScript) is written by the view, {@code WEB-INF/tags/thread-branch.xhtml} (issue #16).
 * A flat, path-ordered page thus renders as nested lists from one {@code ui:repeat}, which keeps
 * one row index per post for the row forms' postbacks (ADR 0024).
 */
final class ThreadLayout {

    static final int MAX_NESTING = 6;

    private ThreadLayout() {
    }

    static Result layout(List<Post> posts, boolean flat, Map<Long, AccountSummary> authors, Map<Long, Long> authorOfPost,
                         Function<Post, ThreadItem.Row> rows, Long solutionId) {
        List<ThreadItem> items = new ArrayList<>(posts.size());
        Map<Long, Integer> depthOnPage = new HashMap<>();
        int previous = -1;
        for (Post post : posts) {
            Integer parentDepth = flat || post.getParentId() == null ? null : depthOnPage.get(post.getParentId());
            int depth = parentDepth == null ? 0 : Math.min(parentDepth + 1, MAX_NESTING);
            boolean nestedUnderParent = parentDepth != null && parentDepth < MAX_NESTING;
            depthOnPage.put(post.getId(), depth);
            ThreadItem.Shape shape = previous < 0 ? ThreadItem.Shape.FIRST
                    : depth > previous ? ThreadItem.Shape.OPENS_BRANCH
                    : new ThreadItem.Shape(false, true, previous - depth);
            previous = depth;
            AccountSummary replyTo = post.getParentId() != null && !nestedUnderParent && !isQuestionParent(post)
                    ? authors.get(authorOfPost.get(post.getParentId())) : null;
            items.add(new ThreadItem(post, authors.get(post.getAuthorId()), depth, replyTo, shape,
                    post.getId().equals(solutionId), rows.apply(post)));
        }
        return new Result(items, Math.max(previous, 0));
    }

    /** Replies to the question need no « en réponse à »: answering the topic is the default. */
    private static boolean isQuestionParent(Post post) {
        return post.getDepth() == 1;
    }

    /**
     * @param items            the posts in page order, each with its shape
     * @param branchesLeftOpen branches still open after the last post, closed at the end of the list
     */
    record Result(List<ThreadItem> items, int branchesLeftOpen) {
    }
}
