package fr.mare.forum;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lists of discussions (#16): by category, by tag, linking to a page, a member's solutions, and
 * what other features read of them (search's text of a public topic). Every public list shows only
 * what everyone reads in full ({@link ForumVisibility#PUBLIC_TOPIC}), keyset-paged by last
 * activity; a member's own lists by author id (#13: /admin/comptes, « Vos données ») hold all of it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TopicLists {

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    /**
     * One page of topics by last activity (newest first), optionally in one category, after a
     * keyset cursor. Returns up to {@code limit} topics and whether more follow.
     */
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

    /** A reply with its topic: one chosen as its topic's solution, or any reply on a profile. */
    public record Solution(Topic topic, Post post) {

        /** The reply's address in its thread. */
        public String link() {
            return TopicLinks.of(topic) + "?message=" + post.getId();
        }
    }

    /** Solutions given by some members: how many, and the most recent ones. */
    public record Solutions(long total, List<Solution> recent) {
    }

    /**
     * The replies by these accounts that were marked as their topic's solution, those not everyone
     * may read (pending, hidden, deleted, or in such a topic) left out, newest first: at most {@code limit} of them, and their total count. Read-only,
     * for other features (the directory shows what a collective's members contributed).
     */
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

    /**
     * A member's profile (#14): the topics they opened that everyone may read in full, newest
     * first, at most {@code limit}.
     */
    public List<Topic> publicTopicsBy(long authorId, int limit) {
        return em.createQuery("SELECT t FROM Topic t WHERE t.authorId = :author AND " + ForumVisibility.PUBLIC_TOPIC
                        + " ORDER BY t.createdAt DESC, t.id DESC", Topic.class)
                .setParameter("author", authorId).setMaxResults(limit).getResultList();
    }

    /**
     * A member's profile (#14): their replies (not the questions) that everyone may read in full, in
     * topics everyone may read, newest first, at most {@code limit}; each with its topic.
     */
    public List<Solution> publicRepliesBy(long authorId, int limit) {
        return em.createQuery("SELECT t, p FROM Topic t, Post p WHERE p.topicId = t.id AND p.authorId = :author AND p.depth > 0 AND "
                        + ForumVisibility.PUBLIC_TOPIC + " AND " + ForumVisibility.PUBLIC_POST + " ORDER BY p.createdAt DESC, p.id DESC",
                        Object[].class)
                .setParameter("author", authorId).setMaxResults(limit).getResultStream()
                .map(row -> new Solution((Topic) row[0], (Post) row[1])).toList();
    }

    /** The tags of these topics (topic id to sorted tag names). */
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
    public List<Long> publicTopicIds(long afterId, int limit) {
        return em.createQuery("SELECT t.id FROM Topic t WHERE t.id > :after AND " + ForumVisibility.PUBLIC_TOPIC
                + " ORDER BY t.id", Long.class).setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /** Topics carrying a tag, by last activity, keyset-paged like the other lists. */
    public TopicPage taggedTopics(String tagName, TopicCursor after, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT t FROM Topic t WHERE t.id IN (SELECT tt.topicId FROM TopicTag tt, Tag g"
                + " WHERE g.id = tt.tagId AND g.name = :tag) AND " + ForumVisibility.PUBLIC_TOPIC);
        return page(keyset(jpql, after, limit).setParameter("tag", tagName).getResultList(), limit);
    }

    /** How many posts a member has published (for moderation's view of an author's history). */
    public long postCount(long authorId) {
        return em.createQuery("SELECT COUNT(p) FROM Post p WHERE p.authorId = :author", Long.class)
                .setParameter("author", authorId).getSingleResult();
    }

    /**
     * Topics whose visible posts link to a page of Mare ({@code /tutoriels/slug}), newest activity
     * first: « a tutorial shows the discussions that link it ».
     */
    public List<Topic> topicsLinkingTo(String sitePath) {
        return em.createQuery("SELECT t FROM Topic t WHERE t.id IN (SELECT p.topicId FROM Post p, PostLink l"
                        + " WHERE l.postId = p.id AND l.target = :target AND " + ForumVisibility.PUBLIC_POST + ")"
                        + " AND " + ForumVisibility.PUBLIC_TOPIC + " ORDER BY t.lastActivityAt DESC, t.id DESC", Topic.class)
                .setParameter("target", sitePath).setMaxResults(50).getResultList();
    }

    /** The member's posts, newest first, at most {@code limit} (deleted and hidden ones included: they are theirs). */
    public List<Post> postsBy(long authorId, int limit) {
        return em.createQuery("SELECT p FROM Post p WHERE p.authorId = :author ORDER BY p.createdAt DESC, p.id DESC", Post.class)
                .setParameter("author", authorId).setMaxResults(limit).getResultList();
    }

    /** The topics the member opened, newest first, at most {@code limit}. */
    public List<Topic> topicsBy(long authorId, int limit) {
        return em.createQuery("SELECT t FROM Topic t WHERE t.authorId = :author ORDER BY t.createdAt DESC, t.id DESC", Topic.class)
                .setParameter("author", authorId).setMaxResults(limit).getResultList();
    }

    public long topicCount(long authorId) {
        return em.createQuery("SELECT COUNT(t) FROM Topic t WHERE t.authorId = :author", Long.class)
                .setParameter("author", authorId).getSingleResult();
    }
}
