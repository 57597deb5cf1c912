package fr.mare.forum.web;

import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.forum.Category;
import fr.mare.forum.ForumPolicy;
import fr.mare.forum.ForumService;
import fr.mare.forum.ForumVisibility;
import fr.mare.forum.Post;
import fr.mare.forum.ThreadPage;
import fr.mare.forum.ThreadPages;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicLinks;
import fr.mare.web.Bundle;
import fr.mare.web.Dates;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import fr.mare.web.RowForms;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Utils;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /t/{id}/{slug}}: the question, then one page of replies as a tree ({@code ?page=n}),
 * the reply forms (at the bottom, or under a post with {@code ?repondre={postId}}, pre-filled
 * with a quote with {@code &citer=1}), « merci » and the solution. The page's data is loaded
 * lazily so that postbacks (forms use the request URI, query included) find the same page.
 * <p>
 * Forms inside the thread (issue #17): a postback rebuilds the list of posts, which may have
 * moved since it was shown (a reply earlier in tree order shifts every later row), so nothing
 * here trusts a row. Each row form carries the id of its post in a plain field ({@link #POST}
 * for the actions, {@link #EDITED} for the edit form, {@link #PARENT} for a nested reply);
 * the actions read it and the service refuses a post gone, hidden or in another topic. While a
 * postback is decoded and its action runs ({@link RowForms#decoding()}) the row buttons are all
 * rendered and the row form sent is present at its row ({@link #sentFrom}), so it is found
 * whatever post its row now holds; a postback that still reaches no action gets a message
 * ({@link #checkActed()}), never a silent page.
 */
@Named
@RequestScoped
public class ForumTopicBacking {

    @Inject
    @Param(pathIndex = 0)
    private Long topicId;

    @Inject
    @Param(pathIndex = 1)
    private String slug;

    @Inject
    @Param(name = "page")
    private Integer pageParameter;

    @Inject
    @Param(name = "repondre")
    private Long replyToParameter;

    @Inject
    @Param(name = "citer")
    private String quoteParameter;

    @Inject
    @Param(name = "message")
    private Long messageParameter;

    @Inject
    @Param(name = "vue")
    private String viewParameter;

    @Inject
    @Param(name = "modifier")
    private Long editParameter;

    @Inject
    private ForumService forum;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private ForumPolicy policy;

    @Inject
    private ForumVisibility visibility;

    @Inject
    private AccountService accounts;

    @Inject
    private Caller caller;

    private static final int EXCERPT = 280;

    @Inject
    private ThreadPages threadPages;

    @Inject
    private Dates dates;

    private ThreadPage page;
    private Topic topic;
    private Boolean watching;
    private int focusPage;
    private ThreadLayout.Result thread;
    private Post replyTarget;
    private Post editTarget;
    private String body;
    private boolean loaded;
    private boolean acted;
    private Long confirmingDelete;

    /** The hidden field of a post's action form: the id of the post shown. */
    static final String POST = "post";
    /** The hidden field of the edit form: the id of the post being edited. */
    static final String EDITED = "edited";
    /** The hidden field of a nested reply form: the id of the post answered. */
    static final String PARENT = "parent";
    /** The hidden field of the confirmation of « Supprimer » (#14), and its value. */
    static final String CONFIRM = "confirm";
    static final String CONFIRMED = "oui";

    /** GET: 404 for an unknown topic, 301 to the canonical slug, quote pre-filled. */
    public void load() {
        if (!ensureLoaded() || (topic.isPending() && !policy.canSeeHidden(caller, topic.getAuthorId()))) {
            // A topic waiting for approval (#6) does not exist yet for others.
            Pages.notFound("Sujet introuvable");
            return;
        }
        if (messageParameter != null) {
            Post target = threadReading.post(messageParameter).filter(p -> visibility.of(caller, topic, p) != ForumVisibility.Access.NONE).orElse(null);
            if (target == null) {
                Pages.notFound("Message introuvable");
            } else {
                Faces.redirect(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                        + TopicLinks.of(topic, target, isChronological() ? threadReading.chronologicalPageOf(target) : threadReading.pageOf(target)));
            }
            return;
        }
        if (!topic.getSlug().equals(slug)) {
            Faces.redirectPermanent(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                    + TopicLinks.of(topic) + (pageParameter != null ? "?page=" + pageParameter : ""));
            return;
        }
        if (editTarget != null && body == null) {
            body = editTarget.getBodyMarkdown();
        }
        if (replyTarget != null && quoteParameter != null && body == null && visibility.canRead(caller, topic, replyTarget)) {
            AccountSummary quoted = accounts.summaries(Set.of(replyTarget.getAuthorId())).get(replyTarget.getAuthorId());
            body = Quotes.quote(quoted == null ? "" : quoted.username(), replyTarget.getBodyMarkdown());
        }
    }

    /**
     * For an action: true, after answering the same 404 as a GET, when the topic is unknown or
     * not readable by the caller (a postback runs no view action, so the action checks itself).
     */
    private boolean topicGone() {
        if (ensureLoaded()) {
            return false;
        }
        Pages.notFound("Sujet introuvable");
        return true;
    }

    private boolean ensureLoaded() {
        if (loaded) {
            return topic != null;
        }
        loaded = true;
        Long focus = replyToParameter != null ? replyToParameter : editParameter;
        if (topicId != null && pageParameter == null && focus != null) {
            // ?repondre= and ?modifier= open the page that holds their post.
            focusPage = threadReading.post(focus).filter(p -> p.getTopicId().equals(topicId))
                    .map(p -> isChronological() ? threadReading.chronologicalPageOf(p) : threadReading.pageOf(p)).orElse(0);
        }
        // One read model, filtered by ForumVisibility for this caller (#16).
        page = topicId == null ? null : threadPages.page(caller, topicId, getPageIndex(), isChronological()).orElse(null);
        if (page == null) {
            return false;
        }
        topic = page.topic();
        Long edited = posted(EDITED);
        if (edited != null) {
            // A posted edit form: the post it was shown for, even if it changed meanwhile, so a
            // refusal shows the form again under it, with the typed text.
            editTarget = threadReading.post(edited).filter(p -> p.getTopicId().equals(topic.getId())).orElse(null);
        } else if (editParameter != null) {
            editTarget = threadReading.post(editParameter).filter(p -> p.getTopicId().equals(topic.getId()) && policy.canEdit(caller, p)).orElse(null);
        }
        Long parent = posted(PARENT);
        Long replyTo = parent != null ? parent : replyToParameter;
        if (replyTo != null) {
            replyTarget = threadReading.post(replyTo).filter(p -> p.getTopicId().equals(topic.getId())
                    && visibility.of(caller, topic, p) != ForumVisibility.Access.NONE).orElse(null);
        }
        Set<Long> liked = caller.isAnonymous() ? Set.of()
                : threadReading.likedBy(caller, page.posts().stream().map(Post::getId).toList());
        thread = ThreadLayout.layout(page.posts(), isChronological(), page.authors(), page.authorOfPost(),
                post -> row(post, liked.contains(post.getId())), topic.getSolutionPostId());
        return true;
    }

    /** What this reader sees and may do on one post, worked out once for the view. */
    private ThreadItem.Row row(Post post, boolean liked) {
        String context = Faces.getRequestContextPath();
        boolean insider = policy.canSeeHidden(caller, post.getAuthorId());
        boolean editing = editTarget != null && post.getId().equals(editTarget.getId());
        AccountSummary author = page.authors().get(post.getAuthorId());
        Long parentAuthor = post.getParentId() == null ? null : page.authorOfPost().get(post.getParentId());
        AccountSummary parent = parentAuthor == null ? null : page.authors().get(parentAuthor);
        return new ThreadItem.Row(
                !post.isDeleted() && (!post.isHidden() || insider) && !editing,
                !post.isDeleted() && post.isHidden() && !insider,
                editing,
                replyTarget != null && post.getId().equals(replyTarget.getId()),
                !caller.isAnonymous(),
                liked,
                policy.canLike(caller, post),
                isCanMarkSolution() && !post.isQuestion() && !post.getId().equals(topic.getSolutionPostId()),
                policy.canEdit(caller, post),
                policy.canDelete(caller, post),
                canReport(post),
                isCanReply() && !post.isDeleted(),
                author == null ? null : context + "/u/" + Utils.encodeURL(author.username()),
                parent == null ? null : context + "/u/" + Utils.encodeURL(parent.username()),
                context + getLink() + "?message=" + post.getId() + (isChronological() ? "&vue=chronologique" : ""),
                dates.relative(post.getCreatedAt()),
                Bundle.text("forum.like.count", post.getLikeCount()));
    }

    /** A post id from a row form's hidden field, or null (absent, or not a number). */
    private static Long posted(String field) {
        String value = Faces.getRequestParameter(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The post a row action is about: the one its form was shown for. A form without the field
     * (a page older than #17) is refused rather than applied to whatever its row holds now.
     */
    private Long shownPost() {
        Long id = posted(POST);
        if (id == null) {
            FormMessages.error("forum.post.changed");
        }
        return id;
    }


    /**
     * While a postback acts: whether the row form {@code form} ({@code edit}, {@code replyTo})
     * sent is the one of row {@code row}. A sent form names itself (a field whose name and value
     * are its client id, {@code posts:3:replyTo}); only that row's form is decoded, so the text
     * typed in it reaches the action even if another post now sits at that row. (Decoding the
     * form at every row would not do: the repeated form keeps one « submitted » flag, which the
     * last row resets before the model is updated.)
     */
    public boolean sentFrom(int row, String form) {
        if (!RowForms.decoding()) {
            return false;
        }
        String suffix = ":" + row + ":" + form;
        return Faces.getRequestParameterMap().entrySet().stream()
                .anyMatch(e -> e.getKey().endsWith(suffix) && e.getKey().equals(e.getValue()));
    }

    /**
     * Before the answer to a postback is rendered: a thread form that reached no action (its row
     * no longer exists) says so instead of showing the page as if nothing had been sent.
     */
    public void checkActed() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.isPostback() && !acted && context.getMessageList().isEmpty()
                && (posted(POST) != null || posted(EDITED) != null || posted(PARENT) != null)) {
            FormMessages.error("forum.post.changed");
        }
    }

    public String reply() {
        acted = true;
        if (topicGone()) {
            return null;
        }
        Long posted = posted(PARENT);
        Long parent = posted == null && replyTarget != null ? replyTarget.getId() : posted;
        Supplier<Post> reply = () -> forum.reply(caller, topic.getId(), parent, body);
        Post created = (replyTarget == null ? FormMessages.call("reply", reply)
                : FormMessages.callInRow(rowForm(replyTarget, "replyTo"), reply)).orElse(null);
        if (created == null) {
            return null;
        }
        FormMessages.flashInfo(created.isPending() ? "forum.reply.held" : "forum.reply.published");
        Navigation.redirect(TopicLinks.of(topic, created, threadReading.pageOf(created)));
        return null;
    }

    public String markSolution() {
        acted = true;
        if (topicGone()) {
            return null;
        }
        Long postId = shownPost();
        if (postId == null) {
            return null;
        }
        if (!FormMessages.run(null, () -> forum.markSolution(caller, topic.getId(), postId))) {
            return null;
        }
        FormMessages.flashInfo("forum.solution.marked");
        Navigation.redirect(TopicLinks.of(topic) + "#post-" + postId);
        return null;
    }

    /** Saves the edit form ({@code ?modifier={postId}}); the previous text stays in the history. */
    public String save() {
        acted = true;
        if (topicGone()) {
            return null;
        }
        Long posted = posted(EDITED);
        Long edited = posted == null && editTarget != null ? editTarget.getId() : posted;
        if (edited == null) {
            FormMessages.error("forum.edit.notAllowed");
            return null;
        }
        Supplier<Post> edit = () -> forum.edit(caller, topic.getId(), edited, body);
        Post saved = (editTarget == null ? FormMessages.call("edit", edit)
                : FormMessages.callInRow(rowForm(editTarget, "edit"), edit)).orElse(null);
        if (saved == null) {
            return null;
        }
        FormMessages.flashInfo("forum.edit.saved");
        Navigation.redirect(TopicLinks.of(topic, saved, threadReading.pageOf(saved)));
        return null;
    }

    /**
     * The client id that the row form {@code form} will have under {@code post} when the page is
     * rendered again ({@code posts:4:edit}): its refusals are shown there, beside the typed text
     * (#14). The form's plain id when the post is not on this page.
     */
    private String rowForm(Post post, String form) {
        List<ThreadItem> items = getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).post().getId().equals(post.getId())) {
                return "posts:" + i + ":" + form;
            }
        }
        return form;
    }

    public Post getEditTarget() {
        ensureLoaded();
        return editTarget;
    }

    public String delete() {
        acted = true;
        if (topicGone()) {
            return null;
        }
        Long postId = shownPost();
        if (postId == null) {
            return null;
        }
        if (!CONFIRMED.equals(Faces.getRequestParameter(CONFIRM))) {
            // « Supprimer » is a first step (#14): the page comes back with « Confirmer la
            // suppression » under the post shown (its id travels on), nothing deleted yet.
            if (!FormMessages.run(null, () -> forum.checkDeletable(caller, topic.getId(), postId))) {
                return null;
            }
            if (getItems().stream().noneMatch(item -> item.post().getId().equals(postId))) {
                FormMessages.error("forum.post.changed");
                return null;
            }
            confirmingDelete = postId;
            return null;
        }
        if (!FormMessages.run(null, () -> forum.delete(caller, topic.getId(), postId))) {
            return null;
        }
        FormMessages.flashInfo("forum.delete.done");
        Navigation.redirect(TopicLinks.of(topic) + "#post-" + postId);
        return null;
    }

    /** The post whose « Supprimer » waits for its confirmation (#14), or null. */
    public Long getConfirmingDelete() {
        return confirmingDelete;
    }

    /** « Suivre ce sujet » / « Ne plus suivre »: notifications of replies (on for authors and repliers). */
    public String toggleWatch() {
        acted = true;
        if (topicGone()) {
            return null;
        }
        boolean watching = isWatching();
        if (!FormMessages.run(null, () -> forum.setWatching(caller, topic.getId(), !watching))) {
            return null;
        }
        FormMessages.flashInfo(watching ? "forum.watch.stopped" : "forum.watch.started");
        Navigation.redirect(TopicLinks.of(topic));
        return null;
    }

    public boolean isWatching() {
        ensureLoaded();
        if (watching == null) {
            watching = topic != null && threadReading.isWatching(caller, topic.getId());
        }
        return watching;
    }

    /** A topic hidden by moderation: readers other than its author and moderation see only the reason. */
    public boolean isTopicHiddenForMe() {
        ensureLoaded();
        return topic != null && topic.isHidden() && !policy.canSeeHidden(caller, topic.getAuthorId());
    }

    /** « Signaler » on others' posts, for logged-in members. */
    private boolean canReport(Post post) {
        return !caller.isAnonymous() && !caller.is(post.getAuthorId()) && !post.isDeleted();
    }

    public boolean isCanReportTopic() {
        ensureLoaded();
        return topic != null && !caller.isAnonymous() && !caller.is(topic.getAuthorId());
    }

    /** « Vue chronologique »: the same posts, flat, by date ({@code ?vue=chronologique}). */
    public boolean isChronological() {
        return "chronologique".equals(viewParameter);
    }

    public List<String> getTags() {
        ensureLoaded();
        return page == null ? List.of() : page.tags();
    }

    public String like() {
        acted = true;
        if (topicGone()) {
            return null;
        }
        Long postId = shownPost();
        if (postId == null) {
            return null;
        }
        if (!FormMessages.run(null, () -> forum.like(caller, topic.getId(), postId))) {
            return null;
        }
        Navigation.redirect(TopicLinks.of(topic) + (getPageIndex() > 0 ? "?page=" + (getPageIndex() + 1) : "") + "#post-" + postId);
        return null;
    }

    public int getPageIndex() {
        if (pageParameter == null) {
            return focusPage;
        }
        return pageParameter < 1 ? 0 : pageParameter - 1;
    }

    public int getPageCount() {
        ensureLoaded();
        return page == null ? 1 : page.pageCount();
    }

    public Topic getTopic() {
        ensureLoaded();
        return topic;
    }

    public Category getCategory() {
        ensureLoaded();
        return page == null ? null : page.category();
    }

    public List<ThreadItem> getItems() {
        ensureLoaded();
        return thread == null ? List.of() : thread.items();
    }

    /** Branches still open after the last post of the page, closed by the view. */
    public int getBranchesLeftOpen() {
        ensureLoaded();
        return thread == null ? 0 : thread.branchesLeftOpen();
    }

    public Post getSolution() {
        ensureLoaded();
        return page == null ? null : page.solution();
    }

    /** The solution's first words, as text, under the question. */
    public String getSolutionExcerpt() {
        Post post = getSolution();
        if (post == null) {
            return null;
        }
        String text = org.jsoup.Jsoup.parse(post.getBodyHtml()).text();
        return text.length() <= EXCERPT ? text : text.substring(0, text.lastIndexOf(' ', EXCERPT) > 0 ? text.lastIndexOf(' ', EXCERPT) : EXCERPT) + " …";
    }

    public String getSolutionLink() {
        Post post = getSolution();
        return post == null ? null : TopicLinks.of(topic, post, threadReading.pageOf(post));
    }

    public List<Integer> getPageNumbers() {
        return java.util.stream.IntStream.rangeClosed(1, getPageCount()).boxed().toList();
    }

    public AccountSummary getSolutionAuthor() {
        Post post = getSolution();
        return post == null ? null : page.authors().get(post.getAuthorId());
    }

    public Post getReplyTarget() {
        ensureLoaded();
        return replyTarget;
    }

    public boolean isCanReply() {
        ensureLoaded();
        return topic != null && policy.canReply(caller, topic);
    }

    public boolean isCanMarkSolution() {
        ensureLoaded();
        return topic != null && policy.canMarkSolution(caller, topic);
    }


    public String getLink() {
        return TopicLinks.of(getTopic());
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
