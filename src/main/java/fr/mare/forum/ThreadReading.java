package fr.mare.forum;

import fr.mare.account.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reading one discussion (#16, the forum's reading door): a topic and its posts as a caller may
 * open them ({@link ForumVisibility}), the pages of its thread, permalinks, versions, who follows
 * it. What the page {@code /t/{id}} shows is one read model, {@link ThreadPages}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ThreadReading {

    /** Posts per page of a thread. */
    public static final int THREAD_PAGE_SIZE = 50;

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private ForumVisibility visibility;

    public Optional<Topic> topic(long id) {
        return Optional.ofNullable(em.find(Topic.class, id));
    }

    public Optional<Post> post(long id) {
        return Optional.ofNullable(em.find(Post.class, id));
    }

    /**
     * A topic as this caller may open it: empty when it does not exist for them (pending, #10),
     * exactly as for an unknown id; a hidden one is there, to be shown as its notice
     * ({@link ForumVisibility#of}).
     */
    public Optional<Topic> topicFor(Caller me, long id) {
        return topic(id).filter(t -> visibility.exists(me, t));
    }

    /** A post whose text and versions this caller reads in full ({@link ForumVisibility}), with its topic; empty otherwise. */
    public Optional<TopicPost> readablePost(Caller me, long postId) {
        return post(postId).flatMap(p -> topic(p.getTopicId()).filter(t -> visibility.canRead(me, t, p)).map(t -> new TopicPost(t, p)));
    }

    /** A post and its topic. */
    public record TopicPost(Topic topic, Post post) {
    }

    /** The topic's accepted solution if this caller may read it (a hidden or deleted one is not shown, #10). */
    public Optional<Post> solutionFor(Caller me, Topic topic) {
        return topic.getSolutionPostId() == null ? Optional.empty()
                : post(topic.getSolutionPostId()).filter(p -> visibility.canRead(me, topic, p));
    }

    public Post question(long topicId) {
        return em.createNamedQuery("Post.root", Post.class).setParameter("topic", topicId).getSingleResult();
    }

    /**
     * One page of a thread in tree order: a bounded range of the (topic, path) index, whatever
     * the thread's size. Page 0 starts with the question.
     */
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

    public int pageCount(Caller me, long topicId) {
        long posts = ForumVisibility.bindThread(em.createQuery("SELECT COUNT(p) FROM Post p WHERE p.topicId = :topic"
                + ForumVisibility.threadPost(me), Long.class), me).setParameter("topic", topicId).getSingleResult();
        return (int) Math.max(1, (posts + THREAD_PAGE_SIZE - 1) / THREAD_PAGE_SIZE);
    }

    /**
     * A topic's newest posts that everyone reads in full, newest first (its Atom feed: a public
     * document, the same for every reader, so no pending, hidden or deleted post, #10).
     */
    public List<Post> latestPosts(long topicId, int limit) {
        return em.createQuery("SELECT p FROM Post p WHERE p.topicId = :topic AND " + ForumVisibility.PUBLIC_POST
                        + " ORDER BY p.createdAt DESC, p.id DESC", Post.class)
                .setParameter("topic", topicId).setMaxResults(limit).getResultList();
    }

    /** The page of the chronological view that holds a post. */
    public int chronologicalPageOf(Post post) {
        long before = em.createQuery("SELECT COUNT(p) FROM Post p WHERE p.topicId = :topic AND (p.createdAt < :at"
                        + " OR (p.createdAt = :at AND p.id < :id))", Long.class)
                .setParameter("topic", post.getTopicId()).setParameter("at", post.getCreatedAt()).setParameter("id", post.getId())
                .getSingleResult();
        return (int) (before / THREAD_PAGE_SIZE);
    }

    /** The authors of this topic's posts that not everyone reads in full: pending or hidden ones. */
    public Set<Long> authorsOfUnpublished(long topicId) {
        return new HashSet<>(em.createQuery("SELECT DISTINCT p.authorId FROM Post p WHERE p.topicId = :topic"
                        + " AND (p.pending = TRUE OR p.moderation.hiddenAt IS NOT NULL)", Long.class)
                .setParameter("topic", topicId).getResultList());
    }

    /** The page of the thread that holds a post, for permalinks. */
    public int pageOf(Post post) {
        long before = em.createNamedQuery("Post.countBefore", Long.class)
                .setParameter("topic", post.getTopicId()).setParameter("path", post.getPath()).getSingleResult();
        return (int) (before / THREAD_PAGE_SIZE);
    }

    /** Which of these posts the caller has thanked. */
    public Set<Long> likedBy(Caller me, Collection<Long> postIds) {
        if (me.isAnonymous() || postIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT l.postId FROM PostLike l WHERE l.accountId = :account AND l.postId IN :posts", Long.class)
                .setParameter("account", me.accountId()).setParameter("posts", Set.copyOf(postIds)).getResultList());
    }

    /** The authors of these posts (post id to account id), for « en réponse à @nom ». */
    public java.util.Map<Long, Long> authorsOfPosts(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("SELECT p.id, p.authorId FROM Post p WHERE p.id IN :ids", Object[].class)
                .setParameter("ids", Set.copyOf(postIds)).getResultStream()
                .collect(java.util.stream.Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    }

    /** The same posts as the tree, flat by date: the « vue chronologique ». */
    public List<Post> chronologicalPage(Caller me, long topicId, int page) {
        return postsPage(me, "ORDER BY p.createdAt, p.id", topicId, page);
    }

    /** Every version of a post, oldest first; empty for a post never edited. */
    public List<PostRevision> revisions(long postId) {
        return em.createNamedQuery("PostRevision.ofPost", PostRevision.class).setParameter("post", postId).getResultList();
    }

    /** Who follows a topic. */
    public Set<Long> watchers(long topicId) {
        return new HashSet<>(em.createQuery("SELECT s.accountId FROM Subscription s WHERE s.topicId = :topic AND s.watching = TRUE", Long.class)
                .setParameter("topic", topicId).getResultList());
    }

    /** Whether the caller watches the topic: their own row, by its key, not the list of every watcher (#11). */
    public boolean isWatching(Caller me, long topicId) {
        return !me.isAnonymous() && !em.createQuery("SELECT s.accountId FROM Subscription s WHERE s.topicId = :topic"
                        + " AND s.accountId = :account AND s.watching = TRUE", Long.class)
                .setParameter("topic", topicId).setParameter("account", me.accountId()).setMaxResults(1).getResultList().isEmpty();
    }
}
