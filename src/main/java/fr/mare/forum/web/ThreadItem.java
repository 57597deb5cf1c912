package fr.mare.forum.web;

import fr.mare.account.AccountSummary;
import fr.mare.forum.Post;
import fr.mare.web.FragmentCache;

import java.time.Instant;

/**
 * One post as the thread page shows it. {@code shape} tells the view how this post sits in the
 * nested lists ({@link ThreadLayout}): the view writes the tags, so a flat, path-ordered page
 * renders as nested lists, each reply inside its parent's element.
 *
 * @param displayDepth nesting shown (at most {@link ThreadLayout#MAX_NESTING})
 * @param replyTo      the author the post answers, shown as « en réponse à @nom » when the post
 *                     is not nested under its parent (nesting limit or parent on another page)
 * @param row          what this reader sees and may do there, worked out once (#11: the view
 *                     reads properties, it calls no method per post)
 */
public record ThreadItem(Post post, AccountSummary author, int displayDepth, AccountSummary replyTo,
                         Shape shape, boolean solution, Row row) {

    /**
     * Where this post's {@code li} goes, relative to the post before it on the page.
     *
     * @param opensBranch     it is the first reply shown under the previous post: a branch
     *                        ({@code details} + {@code ol}) opens inside the previous post's {@code li}
     * @param closesPrevious  the previous post's {@code li} ends before this one (it is a sibling or
     *                        shallower)
     * @param closesBranches  how many branches end before this one (the previous post was deeper)
     */
    public record Shape(boolean opensBranch, boolean closesPrevious, int closesBranches) {

        static final Shape FIRST = new Shape(false, false, 0);
        static final Shape OPENS_BRANCH = new Shape(true, false, 0);

        public Shape {
            if (closesBranches < 0 || (opensBranch && (closesPrevious || closesBranches > 0))) {
                throw new IllegalArgumentException("a post opens a branch or closes, not both");
            }
        }
    }

    /**
     * One post's facts for this reader.
     *
     * @param showText     its text is shown (not deleted, not hidden from this reader, not being edited)
     * @param hiddenNotice only moderation's notice is shown in its place
     * @param editing      its edit form is open ({@code ?modifier=})
     * @param replying     the reply form under it is open ({@code ?repondre=})
     * @param actions      the reader is logged in: the post's actions form is there
     */
    public record Row(boolean showText, boolean hiddenNotice, boolean editing, boolean replying, boolean actions,
                      boolean liked, boolean canLike, boolean canMarkSolution, boolean canEdit, boolean canDelete,
                      boolean canReport, boolean canReply, String authorHref, String replyToHref, String permalink,
                      String since, String likes) {
    }

    /**
     * Everything this post's markup on the thread page is made of (its {@code
     * mare:cachedFragment}, ADR 0038): two items with equal keys render the same HTML, so the
     * markup rendered for one reader is written again for the next one with the same key. What
     * the view reads of the item, and nothing else, is here; a field the view comes to read must
     * be added, or a reader would be served the markup of another state.
     */
    public FragmentKey fragmentKey() {
        return new FragmentKey(post.getId(), post.getBodyHtml(), post.getCreatedAt(), post.isEdited(), post.isDeleted(),
                post.isHidden(), post.getHiddenReason(), post.isPending(), author, replyTo, displayDepth, shape, solution, row);
    }

    /** {@link #fragmentKey()}: a value, compared field by field. */
    public record FragmentKey(long post, String html, Instant createdAt, boolean edited, boolean deleted, boolean hidden,
                              String hiddenReason, boolean pending, AccountSummary author, AccountSummary replyTo,
                              int displayDepth, Shape shape, boolean solution, Row row) implements FragmentCache.Sized {

        @Override
        public int chars() {
            return (html == null ? 0 : html.length()) + (hiddenReason == null ? 0 : hiddenReason.length());
        }
    }
}
