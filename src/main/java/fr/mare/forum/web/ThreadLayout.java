package fr.mare.forum.web;

import fr.mare.account.AccountSummary;
import fr.mare.forum.Post;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns one page of a thread (posts in path order) into nested markup: a post is nested in its
 * parent's {@code li} when the parent is on the page, up to {@link #MAX_NESTING} levels; deeper
 * replies, and replies whose parent is on another page, are shown at that level with « en
 * réponse à @nom ». Branches sit in {@code details} elements so they fold without JavaScript.
 * The chronological view ({@code flat}) shows every post at the first level, with « en réponse
 * à @nom » wherever it answers a reply.
 */
final class ThreadLayout {

    static final int MAX_NESTING = 6;

    private ThreadLayout() {
    }

    static Result layout(List<Post> posts, boolean flat, Map<Long, AccountSummary> authors, Map<Long, Long> authorOfPost,
                         Function<Post, ThreadItem.Row> rows, Long solutionId, String foldLabel) {
        List<ThreadItem> items = new ArrayList<>(posts.size());
        Map<Long, Integer> depthOnPage = new HashMap<>();
        int previous = -1;
        for (Post post : posts) {
            Integer parentDepth = flat || post.getParentId() == null ? null : depthOnPage.get(post.getParentId());
            int depth = parentDepth == null ? 0 : Math.min(parentDepth + 1, MAX_NESTING);
            boolean nestedUnderParent = parentDepth != null && parentDepth < MAX_NESTING;
            depthOnPage.put(post.getId(), depth);

            StringBuilder before = new StringBuilder();
            if (previous >= 0) {
                if (depth > previous) {
                    before.append("<details class=\"branch\" open=\"open\"><summary>").append(foldLabel)
                            .append("</summary><ol class=\"replies\">");
                } else {
                    before.append("</li>");
                    before.append("</ol></details></li>".repeat(previous - depth));
                }
            }
            previous = depth;
            before.append("<li id=\"post-").append(post.getId()).append("\" class=\"post depth-").append(depth)
                    .append(post.getId().equals(solutionId) ? " is-solution" : "").append("\">");
            Function<Long, AccountSummary> author = postId -> authors.get(authorOfPost.get(postId));
            AccountSummary replyTo = post.getParentId() != null && !nestedUnderParent && !isQuestionParent(post)
                    ? author.apply(post.getParentId()) : null;
            items.add(new ThreadItem(post, authors.get(post.getAuthorId()), depth, replyTo, before.toString(),
                    post.getId().equals(solutionId), rows.apply(post)));
        }
        String after = previous < 0 ? "" : "</li>" + "</ol></details></li>".repeat(previous);
        return new Result(items, after);
    }

    /** Replies to the question need no « en réponse à »: answering the topic is the default. */
    private static boolean isQuestionParent(Post post) {
        return post.getDepth() == 1;
    }

    record Result(List<ThreadItem> items, String after) {
    }
}
