package fr.mare.forum;

import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.account.RateLimits;
import fr.mare.markdown.ContentTooLargeException;
import fr.mare.markdown.Markdown;
import fr.mare.markdown.Rendered;
import fr.mare.markdown.Slugs;
import fr.mare.platform.BusinessException;
import fr.mare.platform.Retryable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that reads or writes discussions. Each write takes the {@link Caller} as the server
 * knows it (pages pass the one produced from the authenticated principal; the demo content builds
 * its own) and checks it here, through
 * {@link ForumPolicy} (pages only hide buttons), and break rules with {@link BusinessException}s
 * whose keys are {@code forum.*}.
 */
@Retryable
@ApplicationScoped
@Transactional
public class ForumService {

    public static final int TITLE_MIN = 8;
    public static final int TITLE_MAX = 160;
    public static final int BODY_MAX = 32_000;
    public static final int THREAD_PAGE_SIZE = 50;

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ForumPolicy policy;

    @Inject
    private ForumVisibility visibility;

    @Inject
    private Mentions mentions;

    @Inject
    private RateLimits limits;

    @Inject
    private jakarta.enterprise.event.Event<ForumEvent> events;

    @Inject
    private AccountService accounts;

    @Inject
    private Markdown markdown;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Category> categories() {
        return em.createNamedQuery("Category.all", Category.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Category> category(String slug) {
        return em.createNamedQuery("Category.bySlug", Category.class).setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Category> category(long id) {
        return Optional.ofNullable(em.find(Category.class, id));
    }

    /** Creates a category (administrators). The slug is derived from the name unless given. */
    public Category createCategory(Caller me, String typedName, String typedSlug, String typedDescription, Integer position) {
        policy.requireAdmin(me);
        String name = categoryName(typedName);
        String slug = Slugs.slugify(typedSlug == null || typedSlug.isBlank() ? name : typedSlug);
        if (category(slug).isPresent()) {
            throw new BusinessException("forum.category.slugTaken", "slug");
        }
        Category category = new Category(slug, name, categoryDescription(typedDescription),
                position == null ? categories().size() + 1 : position, clock.instant());
        em.persist(category);
        em.flush();
        return category;
    }

    /** Renames, describes or moves a category (administrators); its slug stays. */
    public void updateCategory(Caller me, long id, String typedName, String typedDescription, Integer position) {
        policy.requireAdmin(me);
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw new BusinessException("forum.category.unknown", null);
        }
        category.change(categoryName(typedName), categoryDescription(typedDescription),
                position == null ? category.getPosition() : position, clock.instant());
    }

    private static String categoryName(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.length() < 3 || name.length() > 120) {
            throw new BusinessException("forum.category.nameLength", "name");
        }
        return name;
    }

    private static String categoryDescription(String typed) {
        String description = typed == null ? "" : typed.strip();
        if (description.length() > 500) {
            throw new BusinessException("forum.category.descriptionTooLong", "description");
        }
        return description;
    }

    /**
     * One page of topics by last activity (newest first), optionally in one category, after a
     * keyset cursor. Returns up to {@code limit} topics and whether more follow.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TopicPage topics(Long categoryId, TopicFilter filter, TopicCursor after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT t FROM Topic t WHERE " + ForumVisibility.PUBLIC_TOPIC);
        if (categoryId != null) {
            jpql.append(" AND t.categoryId = :category");
        }
        jpql.append(filter.jpql);
        TypedQuery<Topic> query = keyset(jpql, after, limit);
        if (categoryId != null) {
            query.setParameter("category", categoryId);
        }
        return page(query.getResultList(), limit);
    }

    /** Completes a topic query with the keyset condition and order, fetching one extra row to know if more follow. */
    private TypedQuery<Topic> keyset(StringBuilder jpql, TopicCursor after, int limit) {
        if (after != null) {
            jpql.append(" AND (t.lastActivityAt < :at OR (t.lastActivityAt = :at AND t.id < :id))");
        }
        jpql.append(" ORDER BY t.lastActivityAt DESC, t.id DESC");
        TypedQuery<Topic> query = em.createQuery(jpql.toString(), Topic.class).setMaxResults(limit + 1);
        if (after != null) {
            query.setParameter("at", after.lastActivityAt()).setParameter("id", after.id());
        }
        return query;
    }

    private static TopicPage page(List<Topic> found, int limit) {
        boolean more = found.size() > limit;
        List<Topic> page = more ? found.subList(0, limit) : found;
        TopicCursor next = more ? new TopicCursor(page.getLast().getLastActivityAt(), page.getLast().getId()) : null;
        return new TopicPage(List.copyOf(page), next);
    }

    /** Publishes a question; the caller must be logged in. */
    public Topic createTopic(Caller me, String categorySlug, String typedTitle, String markdown) {
        return createTopic(me, categorySlug, typedTitle, markdown, null);
    }

    /** Publishes a question with free tags (comma-separated, normalized, at most {@value Tags#MAX}). */
    public Topic createTopic(Caller me, String categorySlug, String typedTitle, String markdown, String typedTags) {
        policy.requireMember(me);
        Category category = category(categorySlug == null ? "" : categorySlug)
                .orElseThrow(() -> new BusinessException("forum.category.required", "category"));
        String title = title(typedTitle);
        List<String> tags = Tags.parse(typedTags);
        Rendered body = render(markdown);
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
        saveLinks(question, body);
        subscribe(topic.getId(), me.accountId(), now);
        if (held) {
            events.fire(new ForumEvent.PostHeld(topic.getId(), question.getId(), me.accountId()));
        } else {
            fireMentions(topic.getId(), question, markdown);
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Topic> topic(long id) {
        return Optional.ofNullable(em.find(Topic.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Post> post(long id) {
        return Optional.ofNullable(em.find(Post.class, id));
    }

    /**
     * A topic as this caller may open it: empty when it does not exist for them (pending, #10),
     * exactly as for an unknown id; a hidden one is there, to be shown as its notice
     * ({@link ForumVisibility#of}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Topic> topicFor(Caller me, long id) {
        return topic(id).filter(t -> visibility.exists(me, t));
    }

    /** A post whose text and versions this caller reads in full ({@link ForumVisibility}), with its topic; empty otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TopicPost> readablePost(Caller me, long postId) {
        return post(postId).flatMap(p -> topic(p.getTopicId()).filter(t -> visibility.canRead(me, t, p)).map(t -> new TopicPost(t, p)));
    }

    /** A post and its topic. */
    public record TopicPost(Topic topic, Post post) {
    }

    /** The topic's accepted solution if this caller may read it (a hidden or deleted one is not shown, #10). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Post> solutionFor(Caller me, Topic topic) {
        return topic.getSolutionPostId() == null ? Optional.empty()
                : post(topic.getSolutionPostId()).filter(p -> visibility.canRead(me, topic, p));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Post question(long topicId) {
        return em.createNamedQuery("Post.root", Post.class).setParameter("topic", topicId).getSingleResult();
    }

    /**
     * One page of a thread in tree order: a bounded range of the (topic, path) index, whatever
     * the thread's size. Page 0 starts with the question.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Post> threadPage(Caller me, long topicId, int page) {
        return postsPage(me, "ORDER BY p.path", topicId, page);
    }

    /**
     * A bounded slice of an index ordered by (topic, path) or (topic, date): OFFSET here walks at
     * most a few thousand index entries of one topic, unlike topic lists, which use keysets.
     */
    private List<Post> postsPage(Caller me, String order, long topicId, int page) {
        return ForumVisibility.bindThread(em.createQuery("SELECT p FROM Post p WHERE p.topicId = :topic"
                        + ForumVisibility.threadPost(me) + " " + order, Post.class), me)
                .setParameter("topic", topicId)
                .setFirstResult(Math.max(0, page) * THREAD_PAGE_SIZE)
                .setMaxResults(THREAD_PAGE_SIZE)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public int pageCount(Caller me, long topicId) {
        long posts = ForumVisibility.bindThread(em.createQuery("SELECT COUNT(p) FROM Post p WHERE p.topicId = :topic"
                + ForumVisibility.threadPost(me), Long.class), me).setParameter("topic", topicId).getSingleResult();
        return (int) Math.max(1, (posts + THREAD_PAGE_SIZE - 1) / THREAD_PAGE_SIZE);
    }

    /**
     * A topic's newest posts that everyone reads in full, newest first (its Atom feed: a public
     * document, the same for every reader, so no pending, hidden or deleted post, #10).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Post> latestPosts(long topicId, int limit) {
        return em.createQuery("SELECT p FROM Post p WHERE p.topicId = :topic AND " + ForumVisibility.PUBLIC_POST
                        + " ORDER BY p.createdAt DESC, p.id DESC", Post.class)
                .setParameter("topic", topicId).setMaxResults(limit).getResultList();
    }

    /** The page of the chronological view that holds a post. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int chronologicalPageOf(Post post) {
        long before = em.createQuery("SELECT COUNT(p) FROM Post p WHERE p.topicId = :topic AND (p.createdAt < :at"
                        + " OR (p.createdAt = :at AND p.id < :id))", Long.class)
                .setParameter("topic", post.getTopicId()).setParameter("at", post.getCreatedAt()).setParameter("id", post.getId())
                .getSingleResult();
        return (int) (before / THREAD_PAGE_SIZE);
    }

    /** The page of the thread that holds a post, for permalinks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int pageOf(Post post) {
        long before = em.createNamedQuery("Post.countBefore", Long.class)
                .setParameter("topic", post.getTopicId()).setParameter("path", post.getPath()).getSingleResult();
        return (int) (before / THREAD_PAGE_SIZE);
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
        Rendered body = render(markdown);
        limits.checkLinks(me.accountId(), body.linkCount(), "body");
        limits.check(me.accountId(), limits.replies(me.accountId()), since -> em.createQuery(
                        "SELECT COUNT(p) FROM Post p WHERE p.authorId = :me AND p.createdAt > :since AND p.depth > 0", Long.class)
                .setParameter("me", me.accountId()).setParameter("since", since).getSingleResult(), "body");
        Post parent = parentPostId == null ? question(topicId) : em.find(Post.class, parentPostId);
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
        saveLinks(reply, body);
        subscribe(topicId, me.accountId(), now);
        if (held) {
            events.fire(new ForumEvent.PostHeld(topicId, reply.getId(), me.accountId()));
        } else {
            announceReply(topicId, reply, parent.getAuthorId());
        }
        return reply;
    }

    private void announceReply(long topicId, Post reply, long parentAuthorId) {
        Set<Long> watchers = new HashSet<>(watchers(topicId));
        watchers.remove(reply.getAuthorId());
        events.fire(new ForumEvent.ReplyPosted(topicId, reply.getId(), reply.getAuthorId(), parentAuthorId, Set.copyOf(watchers)));
        fireMentions(topicId, reply, reply.getBodyMarkdown());
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

    /** Which of these posts the caller has thanked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> likedBy(Caller me, Collection<Long> postIds) {
        if (me.isAnonymous() || postIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT l.postId FROM PostLike l WHERE l.accountId = :account AND l.postId IN :posts", Long.class)
                .setParameter("account", me.accountId()).setParameter("posts", Set.copyOf(postIds)).getResultList());
    }

    /** A reply chosen as its topic's solution, with its topic. */
    public record Solution(Topic topic, Post post) {
    }

    /** Solutions given by some members: how many, and the most recent ones. */
    public record Solutions(long total, List<Solution> recent) {
    }

    /**
     * The replies by these accounts that were marked as their topic's solution, those not everyone
     * may read (pending, hidden, deleted, or in such a topic) left out, newest first: at most {@code limit} of them, and their total count. Read-only,
     * for other features (the directory shows what a collective's members contributed).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Solutions solutionsBy(Collection<Long> accountIds, int limit) {
        if (accountIds.isEmpty()) {
            return new Solutions(0, List.of());
        }
        String from = " FROM Topic t, Post p WHERE t.solutionPostId = p.id AND p.authorId IN :authors AND "
                + ForumVisibility.PUBLIC_TOPIC + " AND " + ForumVisibility.PUBLIC_POST;
        Set<Long> authors = Set.copyOf(accountIds);
        long total = em.createQuery("SELECT COUNT(p)" + from, Long.class).setParameter("authors", authors).getSingleResult();
        List<Solution> recent = total == 0 ? List.of()
                : em.createQuery("SELECT t, p" + from + " ORDER BY p.createdAt DESC, p.id DESC", Object[].class)
                .setParameter("authors", authors).setMaxResults(limit).getResultStream()
                .map(row -> new Solution((Topic) row[0], (Post) row[1])).toList();
        return new Solutions(total, recent);
    }

    /** The authors of these posts (post id to account id), for « en réponse à @nom ». */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<Long, Long> authorsOfPosts(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("SELECT p.id, p.authorId FROM Post p WHERE p.id IN :ids", Object[].class)
                .setParameter("ids", Set.copyOf(postIds)).getResultStream()
                .collect(java.util.stream.Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    }

    /** The tags of these topics (topic id to sorted tag names). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<Long, List<String>> tagsOf(Collection<Long> topicIds) {
        if (topicIds.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("SELECT tt.topicId, t.name FROM TopicTag tt, Tag t WHERE t.id = tt.tagId AND tt.topicId IN :topics"
                        + " ORDER BY t.name", Object[].class)
                .setParameter("topics", Set.copyOf(topicIds)).getResultStream()
                .collect(java.util.stream.Collectors.groupingBy(row -> (Long) row[0],
                        java.util.stream.Collectors.mapping(row -> (String) row[1], java.util.stream.Collectors.toList())));
    }

    /**
     * Search (#12): the text of a topic everyone reads in full, or empty when it is not public
     * (pending, hidden, unknown) — search then removes it from its index.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TopicText> publicText(long topicId) {
        List<Topic> found = em.createQuery("SELECT t FROM Topic t WHERE t.id = :id AND " + ForumVisibility.PUBLIC_TOPIC,
                Topic.class).setParameter("id", topicId).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Topic topic = found.getFirst();
        Category category = em.find(Category.class, topic.getCategoryId());
        List<Post> posts = em.createQuery("SELECT p FROM Post p WHERE p.topicId = :topic AND " + ForumVisibility.PUBLIC_POST
                + " ORDER BY p.path", Post.class).setParameter("topic", topicId).setMaxResults(2000).getResultList();
        String question = "";
        String solution = "";
        List<String> replies = new java.util.ArrayList<>();
        for (Post post : posts) {
            if (post.isQuestion()) {
                question = post.getBodyHtml();
            } else if (post.getId().equals(topic.getSolutionPostId())) {
                solution = post.getBodyHtml();
            } else {
                replies.add(post.getBodyHtml());
            }
        }
        return Optional.of(new TopicText(topic.getId(), topic.getSlug(), topic.getTitle(),
                category == null ? null : category.getSlug(), category == null ? null : category.getName(),
                topic.isSolved(), tagsOf(List.of(topicId)).getOrDefault(topicId, List.of()),
                question, solution, replies));
    }

    /** Search's full rebuild (#12): ids of public topics after this one, in id order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> publicTopicIds(long afterId, int limit) {
        return em.createQuery("SELECT t.id FROM Topic t WHERE t.id > :after AND " + ForumVisibility.PUBLIC_TOPIC
                + " ORDER BY t.id", Long.class).setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /** Topics carrying a tag, by last activity, keyset-paged like the other lists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TopicPage taggedTopics(String tagName, TopicCursor after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT t FROM Topic t WHERE t.id IN (SELECT tt.topicId FROM TopicTag tt, Tag g"
                + " WHERE g.id = tt.tagId AND g.name = :tag) AND " + ForumVisibility.PUBLIC_TOPIC);
        return page(keyset(jpql, after, limit).setParameter("tag", tagName).getResultList(), limit);
    }

    /** The same posts as the tree, flat by date: the « vue chronologique ». */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Post> chronologicalPage(Caller me, long topicId, int page) {
        return postsPage(me, "ORDER BY p.createdAt, p.id", topicId, page);
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
        if (post == null) {
            throw new BusinessException("forum.post.gone", null);
        }
        policy.requireMember(me);
        requireShown(me, topicId, post);
        policy.requireCanDelete(me, post);
        post.delete(clock.instant());
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
        Rendered body = render(markdown);
        if (markdown.equals(post.getBodyMarkdown())) {
            return post;
        }
        limits.checkLinks(me.accountId(), body.linkCount(), "body");
        List<PostRevision> history = revisions(postId);
        Instant now = clock.instant();
        if (history.isEmpty()) {
            em.persist(new PostRevision(postId, 1, post.getAuthorId(), post.getBodyMarkdown(), post.getCreatedAt()));
        }
        em.persist(new PostRevision(postId, Math.max(history.size(), 1) + 1, me.accountId(), markdown, now));
        post.edit(markdown, body.html(), body.version(), now);
        em.createQuery("DELETE FROM PostLink l WHERE l.postId = :post").setParameter("post", postId).executeUpdate();
        saveLinks(post, body);
        return post;
    }

    // --- Moderation (#6): each method checks that the caller is a moderator; the moderation
    // package journals the action and tells the people concerned.

    /** Hides a post from readers, who see the reason instead; its author and moderation still see it. */
    public Post hidePost(Caller me, long postId, String reason) {
        me.requireModerator();
        Post post = existingPost(postId);
        post.hide(me.accountId(), reason, clock.instant());
        return post;
    }

    public Post restorePost(Caller me, long postId) {
        me.requireModerator();
        Post post = existingPost(postId);
        post.restore();
        return post;
    }

    /** Hides a whole topic: out of the lists, and its page shows the reason instead of the discussion. */
    public Topic hideTopic(Caller me, long topicId, String reason) {
        me.requireModerator();
        Topic topic = existingTopic(topicId);
        topic.hide(me.accountId(), reason, clock.instant());
        return topic;
    }

    public Topic restoreTopic(Caller me, long topicId) {
        me.requireModerator();
        Topic topic = existingTopic(topicId);
        topic.restore();
        return topic;
    }

    /** Locks (only moderation may reply) or unlocks a topic. */
    public Topic lockTopic(Caller me, long topicId, boolean locked) {
        me.requireModerator();
        Topic topic = existingTopic(topicId);
        topic.lock(locked);
        return topic;
    }

    /** Moves a topic to another category; its address stays the same. */
    public Topic moveTopic(Caller me, long topicId, String categorySlug) {
        me.requireModerator();
        Topic topic = existingTopic(topicId);
        Category category = category(categorySlug == null ? "" : categorySlug)
                .orElseThrow(() -> new BusinessException("forum.category.required", "category"));
        topic.moveTo(category.getId());
        return topic;
    }

    /** Approves a newcomer's pending post: it becomes visible to everyone. */
    public Post approvePost(Caller me, long postId) {
        me.requireModerator();
        Post seen = em.find(Post.class, postId);
        if (seen == null) {
            throw new BusinessException("forum.post.unknown", null);
        }
        // The lock order of every forum write: account, topic, post (#17).
        accounts.lockForWrite(seen.getAuthorId());
        existingTopic(seen.getTopicId());
        Post post = existingPost(postId);
        if (!post.isPending()) {
            return post;
        }
        post.approve();
        accounts.postApproved(post.getAuthorId());
        Topic topic = existingTopic(post.getTopicId());
        if (post.isQuestion()) {
            topic.approve();
            fireMentions(topic.getId(), post, post.getBodyMarkdown());
        } else {
            topic.replied(clock.instant());
            Post parent = em.find(Post.class, post.getParentId());
            announceReply(topic.getId(), post, parent.getAuthorId());
        }
        return post;
    }

    /** Rejects a pending post: deleted softly (a rejected question hides its topic too). */
    public Post rejectPost(Caller me, long postId, String reason) {
        me.requireModerator();
        Post post = existingPost(postId);
        post.delete(clock.instant());
        if (post.isQuestion()) {
            existingTopic(post.getTopicId()).hide(me.accountId(), reason, clock.instant());
        }
        return post;
    }

    /** How many posts a member has published (for moderation's view of an author's history). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long postCount(long authorId) {
        return em.createQuery("SELECT COUNT(p) FROM Post p WHERE p.authorId = :author", Long.class)
                .setParameter("author", authorId).getSingleResult();
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

    private Post existingPost(long postId) {
        Post post = em.find(Post.class, postId, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw new BusinessException("forum.post.unknown", null);
        }
        return post;
    }

    private Topic existingTopic(long topicId) {
        Topic topic = em.find(Topic.class, topicId, LockModeType.PESSIMISTIC_WRITE);
        if (topic == null) {
            throw new BusinessException("forum.topic.unknown", null);
        }
        return topic;
    }

    /** Every version of a post, oldest first; empty for a post never edited. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PostRevision> revisions(long postId) {
        return em.createNamedQuery("PostRevision.ofPost", PostRevision.class).setParameter("post", postId).getResultList();
    }

    /**
     * Topics whose visible posts link to a page of Mare ({@code /tutoriels/slug}), newest activity
     * first: « a tutorial shows the discussions that link it ».
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Topic> topicsLinkingTo(String sitePath) {
        return em.createQuery("SELECT t FROM Topic t WHERE t.id IN (SELECT p.topicId FROM Post p, PostLink l"
                        + " WHERE l.postId = p.id AND l.target = :target AND " + ForumVisibility.PUBLIC_POST + ")"
                        + " AND " + ForumVisibility.PUBLIC_TOPIC + " ORDER BY t.lastActivityAt DESC, t.id DESC", Topic.class)
                .setParameter("target", sitePath).setMaxResults(50).getResultList();
    }

    /** Remembers the site paths a post links to (internal links only, without query or fragment). */
    private void saveLinks(Post post, Rendered body) {
        String host = this.markdown.siteHost();
        Set<String> targets = new java.util.LinkedHashSet<>();
        for (String link : body.links()) {
            URI uri;
            try {
                uri = URI.create(link);
            } catch (IllegalArgumentException e) {
                continue;
            }
            boolean internal = uri.getHost() == null
                    || host.equalsIgnoreCase(uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
            if (internal && uri.getRawPath() != null && uri.getRawPath().startsWith("/") && uri.getRawPath().length() <= 255) {
                targets.add(java.net.URLDecoder.decode(uri.getRawPath(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        targets.forEach(target -> em.persist(new PostLink(post.getId(), target)));
    }

    /** Who follows a topic. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> watchers(long topicId) {
        return new HashSet<>(em.createQuery("SELECT s.accountId FROM Subscription s WHERE s.topicId = :topic AND s.watching = TRUE", Long.class)
                .setParameter("topic", topicId).getResultList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isWatching(Caller me, long topicId) {
        return !me.isAnonymous() && watchers(topicId).contains(me.accountId());
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

    private void fireMentions(long topicId, Post post, String markdown) {
        Set<Long> mentioned = new HashSet<>(mentions.mentionedIn(post.getBodyHtml()));
        mentioned.remove(post.getAuthorId());
        if (!mentioned.isEmpty()) {
            events.fire(new ForumEvent.MembersMentioned(topicId, post.getId(), post.getAuthorId(), Set.copyOf(mentioned)));
        }
    }

    /** Server-side preview: the same pipeline as publishing, nothing saved. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String preview(String markdown) {
        return render(markdown).html();
    }

    private Rendered render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            throw new BusinessException("forum.body.required", "body");
        }
        if (markdown.length() > BODY_MAX) {
            throw new BusinessException("forum.body.tooLong", "body", BODY_MAX);
        }
        try {
            Rendered rendered = this.markdown.render(markdown);
            return new Rendered(mentions.link(rendered.html()), rendered.version(), rendered.headings(), rendered.links(),
                    rendered.linkCount());
        } catch (ContentTooLargeException e) {
            throw new BusinessException("forum.body.tooLong", "body", BODY_MAX);
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

    // --- A member's own data (#13: /admin/comptes and « Vos données »), by author id.

    /** The member's posts, newest first, at most {@code limit} (deleted and hidden ones included: they are theirs). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Post> postsBy(long authorId, int limit) {
        return em.createQuery("SELECT p FROM Post p WHERE p.authorId = :author ORDER BY p.createdAt DESC, p.id DESC", Post.class)
                .setParameter("author", authorId).setMaxResults(limit).getResultList();
    }

    /** The topics the member opened, newest first, at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Topic> topicsBy(long authorId, int limit) {
        return em.createQuery("SELECT t FROM Topic t WHERE t.authorId = :author ORDER BY t.createdAt DESC, t.id DESC", Topic.class)
                .setParameter("author", authorId).setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long topicCount(long authorId) {
        return em.createQuery("SELECT COUNT(t) FROM Topic t WHERE t.authorId = :author", Long.class)
                .setParameter("author", authorId).getSingleResult();
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
