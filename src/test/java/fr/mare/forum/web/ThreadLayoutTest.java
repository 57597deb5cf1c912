package fr.mare.forum.web;

import fr.mare.account.AccountSummary;
import fr.mare.account.Role;
import fr.mare.forum.Post;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The shaping of a thread page (#16): depths, « en réponse à », and the branch structure, checked
 * by rendering the shapes with the same tags as {@code WEB-INF/tags/thread-branch.xhtml} and reading
 * the nesting back with jsoup.
 */
class ThreadLayoutTest {

    private final Map<Long, AccountSummary> authors = new HashMap<>();
    private final Map<Long, Long> authorOfPost = new HashMap<>();
    private final List<Post> posts = new ArrayList<>();

    /** A post whose author is « a{id} »; the question has depth 0, its replies 1, and so on. */
    private Post post(long id, Post parent) {
        Post post = newPost();
        set(post, "id", id);
        set(post, "parentId", parent == null ? null : parent.getId());
        set(post, "depth", parent == null ? 0 : parent.getDepth() + 1);
        set(post, "authorId", 100 + id);
        authors.put(100 + id, new AccountSummary(100 + id, "a" + id, "A" + id, Role.MEMBER));
        authorOfPost.put(id, 100 + id);
        posts.add(post);
        return post;
    }

    private ThreadLayout.Result layout(boolean flat) {
        return ThreadLayout.layout(posts, flat, authors, authorOfPost, p -> null, null);
    }

    @Test
    void repliesNestUnderTheirParentAndBranchesCloseWhereTheyEnd() {
        Post question = post(1, null);
        Post first = post(2, question);
        Post answer = post(3, first);
        post(4, answer);
        post(5, first);
        post(6, question);
        ThreadLayout.Result result = layout(false);

        assertEquals(List.of(0, 1, 2, 3, 2, 1), depths(result));
        Document html = render(result);
        assertEquals("thread", parentPost(html, 1));
        assertEquals("post-1", parentPost(html, 2));
        assertEquals("post-2", parentPost(html, 3));
        assertEquals("post-3", parentPost(html, 4));
        assertEquals("post-2", parentPost(html, 5));
        assertEquals("post-1", parentPost(html, 6));
        assertEquals(3, html.select("details.branch > ol.replies").size(), "one branch per post with replies shown");
        assertEquals(1, result.branchesLeftOpen(), "the question's branch is still open after its last reply");
    }

    @Test
    void pastTheNestingLimitRepliesStayAtTheLastLevelAndSayWhomTheyAnswer() {
        Post parent = post(1, null);
        for (long id = 2; id <= ThreadLayout.MAX_NESTING + 3; id++) {
            parent = post(id, parent);
        }
        ThreadLayout.Result result = layout(false);
        List<ThreadItem> items = result.items();

        assertEquals(ThreadLayout.MAX_NESTING, items.get(items.size() - 1).displayDepth());
        assertEquals(ThreadLayout.MAX_NESTING, items.get(ThreadLayout.MAX_NESTING).displayDepth());
        assertNull(items.get(ThreadLayout.MAX_NESTING).replyTo(), "the first post at the limit is still nested under its parent");
        assertEquals("a" + (ThreadLayout.MAX_NESTING + 1), items.get(ThreadLayout.MAX_NESTING + 1).replyTo().username(),
                "the next one sits beside its parent and names it");
        Document html = render(result);
        assertEquals("post-" + ThreadLayout.MAX_NESTING, parentPost(html, ThreadLayout.MAX_NESTING + 2),
                "a reply past the limit sits in its parent's own list, beside it");
        assertEquals(ThreadLayout.MAX_NESTING, html.select("details.branch").size());
    }

    @Test
    void aReplyWhoseParentIsOnAnotherPageStartsAtTheFirstLevel() {
        Post question = post(1, null);
        Post elsewhere = post(2, question);
        posts.clear();                      // page 2 holds only the replies to post 2 and a reply to the question
        Post onPage = post(3, elsewhere);
        post(4, onPage);
        post(5, question);
        ThreadLayout.Result result = layout(false);

        assertEquals(List.of(0, 1, 0), depths(result));
        assertEquals("a2", result.items().get(0).replyTo().username(), "its parent is not on the page: named");
        assertNull(result.items().get(2).replyTo(), "answering the question needs no « en réponse à »");
        assertEquals("thread", parentPost(render(result), 5));
    }

    @Test
    void theChronologicalViewIsOneLevelAndNamesTheRepliesToReplies() {
        Post question = post(1, null);
        Post first = post(2, question);
        post(3, first);
        post(4, question);
        ThreadLayout.Result result = layout(true);

        assertEquals(List.of(0, 0, 0, 0), depths(result));
        assertEquals("a2", result.items().get(2).replyTo().username());
        assertNull(result.items().get(1).replyTo());
        assertNull(result.items().get(3).replyTo());
        assertEquals(0, result.branchesLeftOpen());
        assertEquals(0, render(result).select("details").size());
    }

    @Test
    void aShapeNeverOpensAndClosesAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> new ThreadItem.Shape(true, true, 0));
        assertThrows(IllegalArgumentException.class, () -> new ThreadItem.Shape(false, true, -1));
    }

    private static List<Integer> depths(ThreadLayout.Result result) {
        return result.items().stream().map(ThreadItem::displayDepth).toList();
    }

    /** The shapes written with the tags of thread-branch.xhtml, inside the page's {@code ol.thread}. */
    private static Document render(ThreadLayout.Result result) {
        StringBuilder html = new StringBuilder("<ol class=\"thread\" id=\"thread\">");
        for (ThreadItem item : result.items()) {
            ThreadItem.Shape shape = item.shape();
            if (shape.closesPrevious()) {
                html.append("</li>");
            }
            html.append("</ol></details></li>".repeat(shape.closesBranches()));
            if (shape.opensBranch()) {
                html.append("<details class=\"branch\" open=\"open\"><summary>Replier</summary><ol class=\"replies\">");
            }
            html.append("<li id=\"post-").append(item.post().getId()).append("\"><article>").append(item.post().getId())
                    .append("</article>");
        }
        if (!result.items().isEmpty()) {
            html.append("</li>").append("</ol></details></li>".repeat(result.branchesLeftOpen()));
        }
        html.append("</ol>");
        // The XML parser keeps the nesting exactly as written: an unbalanced shape fails here.
        return Jsoup.parse(html.toString(), "", org.jsoup.parser.Parser.xmlParser());
    }

    /** The id of the post (or list) whose element directly holds this post's list. */
    private static String parentPost(Document html, long id) {
        Element li = html.getElementById("post-" + id);
        Element list = li.parent();
        if (list.id().equals("thread")) {
            return "thread";
        }
        assertEquals("details", list.parent().tagName(), "a branch is a details element");
        return list.parent().parent().id();
    }

    private static Post newPost() {
        try {
            Constructor<Post> constructor = Post.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field f = Post.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
