package fr.mare.forum;

import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.account.RateLimits;
import fr.mare.markdown.Rendered;
import fr.mare.markdown.Slugs;
import fr.mare.platform.BusinessException;
import fr.mare.platform.BusinessExceptions;
import fr.mare.platform.Retryable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writing in discussions (#16, the forum's posting door: reading is {@link ThreadReading} and
 * {@link TopicLists}, categories {@link ForumCategories}, moderation {@link ForumModeration}).
 * Each write takes the {@link Caller} as the server knows it (pages pass the one produced from
 * the authenticated principal; the demo content builds its own) and checks it here, through
 * {@link ForumPolicy} (pages only hide buttons), and breaks rules with {@link BusinessException}s
 * whose keys are {@code forum.*}.
 */
@Retryable
@ApplicationScoped
@Transactional
public class ForumService {

    public static final int TITLE_MIN = 8;
    public static final int TITLE_MAX = 160;
    public static final int BODY_MAX = 32_000;

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ForumPolicy policy;

    @Inject
    private RateLimits limits;

    @Inject
    private jakarta.enterprise.event.Event<ForumEvent> events;

    @Inject
    private AccountService accounts;

    @Inject
    private ForumCategories categories;

    @Inject
    private PostBodies bodies;

    @Inject
    private ThreadReading reading;

    /** Publishes a question; the caller must be logged in. */
    public Topic createTopic(Caller me, String categorySlug, String typedTitle, String markdown) {
        return createTopic(me, categorySlug, typedTitle, markdown, null);
    }

    /** Publishes a question with free tags (comma-separated, normalized, at most {@value Tags#MAX}). */
    public Topic createTopic(Caller me, String categorySlug, String typedTitle, String markdown, String typedTags) {
        policy.requireMember(me);
        // Every field checked before refusing (#14): one submit tells all that is missing.
        BusinessExceptions.Collector checks = new BusinessExceptions.Collector();
        Category category = checks.check(() -> categories.category(categorySlug == null ? "" : categorySlug)
                .orElseThrow(() -> new BusinessException("forum.category.required", "category")));
        String title = checks.check(() -> title(typedTitle));
        List<String> tags = checks.check(() -> Tags.parse(typedTags));
        Rendered body = checks.check(() -> bodies.render(markdown));
        checks.throwIfAny();
        limits.checkLinks(me.accountId(), body.linkCount(), "body");
        limits.check(me.accountId(), limits.topics(me.accountId()), since -> em.createQuery(
                        "SELECT COUNT(t) FROM Topic t WHERE t.authorId = :me AND t.createdAt > :since", Long.class)
                .setParameter("me", me.accountId()).setParameter("since", since).getSingleResult(), "body");
        Instant now = clock.instant();
        boolean held = accounts.needsApproval(me.accountId());
        Topic topic = new Topic(category.getId(), me.accountId(), title, Slugs.slugify(title), now);
        if (held) {
            topic.holdForApproval();
        }
        em.persist(topic);
        em.flush();
        Post question = new Post(topic.getId(), null, me.accountId(), PostPaths.ROOT, markdown, body.html(), body.version(), now);
        if (held) {
            question.holdForApproval();
        }
        em.persist(question);
        em.flush();
        bodies.saveLinks(question, body);
        subscribe(topic.getId(), me.accountId(), now);
        if (held) {
            events.fire(new ForumEvent.PostHeld(topic.getId(), question.getId(), me.accountId()));
        } else {
            bodies.fireMentions(topic.getId(), question);
        }
        for (String name : tags) {
            Tag tag = em.createNamedQuery("Tag.byName", Tag.class).setParameter("name", name).getResultStream().findFirst()
                    .orElseGet(() -> {
                        Tag created = new Tag(name);
                        em.persist(created);
                        em.flush();
                        return created;
                    });
            em.persist(new TopicTag(topic.getId(), tag.getId()));
        }
        return topic;
    }

    /**
     * Replies to the question ({@code parentPostId} null) or to any post of the topic. The
     * parent row is locked while its child counter moves, so two replies never share a path.
     * A named parent is the post the page showed: refused when it is gone, hidden from the
     * caller meanwhile or not in this topic, never replaced by another (#17).
     * <p>
     * Lock order (#17, docs/operations.md): the caller's account row first, then the topic, then
     * posts, the order every write of the forum and the notifications take them in.
     */
    public Post reply(Caller me, long topicId, Long parentPostId, String markdown) {
        lockAccountOf(me);
        Topic topic = em.find(Topic.class, topicId, LockModeType.PESSIMISTIC_WRITE);
        if (topic == null) {
            throw new BusinessException("forum.topic.unknown", null);
        }
        policy.requireCanReply(me, topic);
        Rendered body = bodies.render(markdown);
        limits.checkLinks(me.accountId(), body.linkCount(), "body");
        limits.check(me.accountId(), limits.replies(me.accountId()), since -> em.createQuery(
                        "SELECT COUNT(p) FROM Post p WHERE p.authorId = :me AND p.createdAt > :since AND p.depth > 0", Long.class)
                .setParameter("me", me.accountId()).setParameter("since", since).getSingleResult(), "body");
        Post parent = parentPostId == null ? reading.question(topicId) : em.find(Post.class, parentPostId);
        if (parent == null) {
            throw new BusinessException(parentPostId == null ? "forum.post.unknown" : "forum.post.gone", null);
        }
        if (parentPostId != null) {
            requireShown(me, topicId, parent);
        }
        if (parent.getDepth() >= PostPaths.MAX_DEPTH) {
            parent = em.find(Post.class, parent.getParentId());
        }
        em.lock(parent, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        Post reply = new Post(topicId, parent, me.accountId(), parent.nextChildPath(), markdown, body.html(), body.version(), now);
        boolean held = accounts.needsApproval(me.accountId());
        if (held) {
            // Counted, announced and notified only once approved (#6).
            reply.holdForApproval();
        } else {
            topic.replied(now);
        }
        em.persist(reply);
        em.flush();
        bodies.saveLinks(reply, body);
        subscribe(topicId, me.accountId(), now);
        if (held) {
            events.fire(new ForumEvent.PostHeld(topicId, reply.getId(), me.accountId()));
        } else {
            announceReply(topicId, reply, parent.getAuthorId());
        }
        return reply;
    }

    void announceReply(long topicId, Post reply, long parentAuthorId) {
        Set<Long> watchers = new HashSet<>(reading.watchers(topicId));
        watchers.remove(reply.getAuthorId());
        events.fire(new ForumEvent.ReplyPosted(topicId, reply.getId(), reply.getAuthorId(), parentAuthorId, Set.copyOf(watchers)));
        bodies.fireMentions(topicId, reply);
    }

    /**
     * The question's author or a moderator marks (or changes) the solution: the post the page
     * showed, refused when it is gone, hidden or not in this topic (#17).
     */
    public void markSolution(Caller me, long topicId, long postId) {
        Topic topic = em.find(Topic.class, topicId, LockModeType.PESSIMISTIC_WRITE);
        Post post = em.find(Post.class, postId);
        if (topic == null || post == null) {
            throw new BusinessException("forum.post.gone", null);
        }
        policy.requireCanMarkSolution(me, topic);
        requireShown(me, topicId, post);
        if (post.isQuestion()) {
            throw new BusinessException("forum.post.unknown", null);
        }
        topic.markSolution(postId);
        events.fire(new ForumEvent.SolutionMarked(topicId, postId, post.getAuthorId(), me.accountId()));
    }

    /** « Merci »: once per member and post, never on one's own post. */
    public void like(Caller me, long postId) {
        like(me, null, postId);
    }

    /**
     * « Merci » from a thread page: {@code postId} is the post the page showed (its form says
     * which), refused when it is gone, hidden or not in topic {@code topicId} (#17).
     */
    public void like(Caller me, Long topicId, long postId) {
        lockAccountOf(me);
        Post post = em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw new BusinessException(topicId == null ? "forum.post.unknown" : "forum.post.gone", null);
        }
        if (topicId != null) {
            requireShown(me, topicId, post);
        }
        policy.requireCanLike(me, post);
        long already = em.createQuery("SELECT COUNT(l) FROM PostLike l WHERE l.postId = :post AND l.accountId = :account", Long.class)
                .setParameter("post", postId).setParameter("account", me.accountId()).getSingleResult();
        if (already > 0) {
            return;
        }
        em.persist(new PostLike(postId, me.accountId(), clock.instant()));
        post.liked();
        events.fire(new ForumEvent.PostLiked(post.getTopicId(), postId, post.getAuthorId(), me.accountId()));
    }

    /**
     * Deletes a post softly: its text is kept (moderation can read it) but readers see « message
     * supprimé », and its replies stay where they are. The author or a moderator may; a question
     * is deleted with its topic, by moderation (#6).
     */
    public void delete(Caller me, long postId) {
        Post post = em.find(Post.class, postId);
        if (post == null || post.isDeleted()) {
            throw new BusinessException("forum.post.unknown", null);
        }
        policy.requireCanDelete(me, post);
        post.delete(clock.instant());
    }

    /** « Supprimer » from a thread page: the post the page showed, in topic {@code topicId} (#17). */
    public void delete(Caller me, long topicId, long postId) {
        Post post = em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE);
        requireDeletable(me, topicId, post);
        post.delete(clock.instant());
    }

    /**
     * The checks of {@link #delete(Caller, long, long)}, nothing written: « Supprimer » first
     * asks for a confirmation (#14), and refuses there already what the deletion would refuse.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void checkDeletable(Caller me, long topicId, long postId) {
        requireDeletable(me, topicId, em.find(Post.class, postId));
    }

    private void requireDeletable(Caller me, long topicId, Post post) {
        if (post == null) {
            throw new BusinessException("forum.post.gone", null);
        }
        policy.requireMember(me);
        requireShown(me, topicId, post);
        policy.requireCanDelete(me, post);
    }

    /**
     * Edits a post (its author, or moderation): the new text is rendered through the pipeline and
     * both versions are kept, so the history shows every version with who wrote it.
     */
    public Post edit(Caller me, long postId, String markdown) {
        return edit(me, null, postId, markdown);
    }

    /**
     * Edits from a thread page: {@code postId} is the post whose form the page showed, refused
     * when it is gone, hidden or not in topic {@code topicId} (#17).
     */
    public Post edit(Caller me, Long topicId, long postId, String markdown) {
        lockAccountOf(me);
        Post post = em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw new BusinessException(topicId == null ? "forum.post.unknown" : "forum.post.gone", null);
        }
        if (topicId != null) {
            policy.requireMember(me);
            requireShown(me, topicId, post);
        } else if (post.isDeleted()) {
            throw new BusinessException("forum.post.unknown", null);
        }
        policy.requireCanEdit(me, post);
        Rendered body = bodies.render(markdown);
        if (markdown.equals(post.getBodyMarkdown())) {
            return post;
        }
        limits.checkLinks(me.accountId(), body.linkCount(), "body");
        List<PostRevision> history = reading.revisions(postId);
        Instant now = clock.instant();
        if (history.isEmpty()) {
            em.persist(new PostRevision(postId, 1, post.getAuthorId(), post.getBodyMarkdown(), post.getCreatedAt()));
        }
        em.persist(new PostRevision(postId, Math.max(history.size(), 1) + 1, me.accountId(), markdown, now));
        post.edit(markdown, body.html(), body.version(), now);
        bodies.relink(post, body);
        return post;
    }

    /**
     * The post a thread page showed, as the action on it finds it now: still in {@code topicId},
     * not deleted, and not hidden from (or pending for) this caller. An action is never moved to
     * another post (#17).
     */
    private void requireShown(Caller me, long topicId, Post post) {
        if (!post.getTopicId().equals(topicId)) {
            throw new BusinessException("forum.post.notInTopic", null);
        }
        if (post.isDeleted()) {
            throw new BusinessException("forum.post.gone", null);
        }
        if ((post.isHidden() || post.isPending()) && !policy.canSeeHidden(me, post.getAuthorId())) {
            throw new BusinessException("forum.post.hiddenMeanwhile", null);
        }
    }

    /**
     * Takes the caller's account row first: account, then topic, then posts is the one lock
     * order of the forum's writes and of the notifications written after them (#17; a reply
     * used to lock its topic, then the account, and deadlocked with a notification insert).
     */
    private void lockAccountOf(Caller me) {
        if (!me.isAnonymous() && me.accountId() != null) {
            accounts.lockForWrite(me.accountId());
        }
    }

    Post existingPost(long postId) {
        Post post = em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw new BusinessException("forum.post.unknown", null);
        }
        return post;
    }

    Topic existingTopic(long topicId) {
        Topic topic = em.find(Topic.class, topicId, LockModeType.PESSIMISTIC_WRITE);
        if (topic == null) {
            throw new BusinessException("forum.topic.unknown", null);
        }
        return topic;
    }

    /** « Suivre » / « Ne plus suivre ». Turning it off is remembered: replying again does not re-subscribe. */
    public void setWatching(Caller me, long topicId, boolean watching) {
        policy.requireMember(me);
        if (em.find(Topic.class, topicId) == null) {
            throw new BusinessException("forum.topic.unknown", null);
        }
        Subscription existing = em.find(Subscription.class, new Subscription.Key(topicId, me.accountId()));
        if (existing == null) {
            em.persist(new Subscription(topicId, me.accountId(), watching, clock.instant()));
        } else {
            existing.set(watching, clock.instant());
        }
    }

    private void subscribe(long topicId, long accountId, Instant now) {
        if (em.find(Subscription.class, new Subscription.Key(topicId, accountId)) == null) {
            em.persist(new Subscription(topicId, accountId, true, now));
        }
    }

    private static String title(String typed) {
        String title = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            throw new BusinessException("forum.title.required", "title");
        }
        if (title.codePointCount(0, title.length()) < TITLE_MIN) {
            throw new BusinessException("forum.title.tooShort", "title", TITLE_MIN);
        }
        if (title.codePointCount(0, title.length()) > TITLE_MAX) {
            throw new BusinessException("forum.title.tooLong", "title", TITLE_MAX);
        }
        return title;
    }

    /**
     * A member who deletes their account asked for their posts to go too: each one not yet deleted
     * is deleted softly, as « supprimer » does (readers see « message supprimé », replies stay in
     * place, the row is the trace). Their topics stay, with their title, for the answers of others.
     *
     * @return how many posts were deleted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deletePostsOf(long authorId) {
        Instant now = clock.instant();
        List<Post> posts = em.createQuery("SELECT p FROM Post p WHERE p.authorId = :author AND p.deletedAt IS NULL", Post.class)
                .setParameter("author", authorId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        posts.forEach(p -> p.delete(now));
        return posts.size();
    }
}
