package fr.mare.wiki;

import fr.mare.platform.Retryable;
import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.forum.Category;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.ForumService;
import fr.mare.forum.ForumVisibility;
import fr.mare.forum.Post;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicLists;
import fr.mare.markdown.ContentTooLargeException;
import fr.mare.markdown.Markdown;
import fr.mare.markdown.MarkdownRenderer;
import fr.mare.markdown.Rendered;
import fr.mare.markdown.Slugs;
import fr.mare.platform.BusinessException;
import fr.mare.platform.BusinessExceptions;
import fr.mare.platform.VersionedMemo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything that reads or writes tutorials. Each write takes the {@link Caller} and checks it
 * through {@link WikiPolicy}; broken rules are {@link BusinessException}s with {@code wiki.*}
 * keys and the field they concern. Every save of a text is a new {@link WikiRevision}, rendered
 * once here; the page row is locked while its next revision number is taken.
 */
@ApplicationScoped
@Transactional
@Retryable
public class WikiService {

    public static final int TITLE_MIN = 8;
    public static final int TITLE_MAX = 160;
    public static final int BODY_MAX = MarkdownRenderer.MAX_CHARS;
    public static final int SUMMARY_MAX = 300;
    public static final int NC_VERSION_MIN = 1;
    public static final int NC_VERSION_MAX = 99;
    /** A contributor of a page: who, from which revision, how many saves. */
    public record Contributor(long accountId, int firstRevision, long revisions) {
    }

    /** An internal link to a tutorial that does not exist. */
    public record BrokenLink(WikiPage source, String targetSlug) {
    }

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    /** « Documenté dans » of each discussion page, kept while nothing changes (#11, ADR 0019). */
    private final VersionedMemo<Long, List<WikiPage>> documenting = new VersionedMemo<>(5_000);

    @Inject
    private Clock clock;

    @Inject
    private WikiPolicy policy;

    @Inject
    private ForumService forum;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private TopicLists topicLists;

    @Inject
    private ForumVisibility forumVisibility;

    @Inject
    private WikiVisibility visibility;

    @Inject
    private AccountService accounts;

    @Inject
    private WikiRevisions store;

    // ---------------------------------------------------------------- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Category> sections() {
        return forumCategories.categories();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WikiPage> page(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("WikiPage.bySlug", WikiPage.class).setParameter("slug", slug).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WikiRevision> current(WikiPage page) {
        return page.getCurrentRevisionId() == null ? Optional.empty()
                : Optional.ofNullable(em.find(WikiRevision.class, page.getCurrentRevisionId()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WikiRevision> revision(WikiPage page, int number) {
        return em.createNamedQuery("WikiRevision.byNumber", WikiRevision.class)
                .setParameter("page", page.getId()).setParameter("number", number).getResultStream().findFirst();
    }

    /** Every revision of a page, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WikiRevision> revisions(WikiPage page) {
        return em.createNamedQuery("WikiRevision.ofPage", WikiRevision.class).setParameter("page", page.getId()).getResultList();
    }

    /** Who wrote a page, in the order they first contributed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Contributor> contributors(WikiPage page) {
        return em.createQuery("SELECT r.authorId, MIN(r.number), COUNT(r) FROM WikiRevision r WHERE r.pageId = :page"
                        + " GROUP BY r.authorId ORDER BY MIN(r.number)", Object[].class)
                .setParameter("page", page.getId()).getResultStream()
                .map(row -> new Contributor((Long) row[0], ((Number) row[1]).intValue(), ((Number) row[2]).longValue()))
                .toList();
    }

    /** Tutorials written by some members: how many, and the most recent ones. */
    public record Written(long total, List<WikiPage> recent) {
    }

    /**
     * The tutorials these accounts wrote, i.e. created (authored the first revision of), not
     * archived, newest first: at most {@code limit} of them, and their total count. Read-only,
     * for other features (the directory shows what a collective's members contributed).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Written writtenBy(java.util.Collection<Long> accountIds, int limit) {
        if (accountIds.isEmpty()) {
            return new Written(0, List.of());
        }
        String from = " FROM WikiPage p, WikiRevision r WHERE r.pageId = p.id AND r.number = 1 AND r.authorId IN :authors"
                + " AND " + WikiVisibility.LISTED;
        Set<Long> authors = Set.copyOf(accountIds);
        long total = em.createQuery("SELECT COUNT(p)" + from, Long.class).setParameter("authors", authors).getSingleResult();
        List<WikiPage> recent = total == 0 ? List.of()
                : em.createQuery("SELECT p" + from + " ORDER BY r.createdAt DESC, p.id DESC", WikiPage.class)
                .setParameter("authors", authors).setMaxResults(limit).getResultList();
        return new Written(total, recent);
    }

    /**
     * The pages of the index: not archived, in a section if given, of a level if given, applying
     * to a Nextcloud version if given; by title.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WikiPage> pages(Long sectionId, WikiLevel level, Integer ncVersion) {
        StringBuilder jpql = new StringBuilder("SELECT p FROM WikiPage p WHERE " + WikiVisibility.LISTED);
        if (sectionId != null) {
            jpql.append(" AND p.sectionId = :section");
        }
        if (level != null) {
            jpql.append(" AND p.level = :level");
        }
        if (ncVersion != null) {
            jpql.append(" AND (p.ncVersionMin IS NULL OR p.ncVersionMin <= :nc) AND (p.ncVersionMax IS NULL OR p.ncVersionMax >= :nc)");
        }
        jpql.append(" ORDER BY p.title, p.id");
        var query = em.createQuery(jpql.toString(), WikiPage.class);
        if (sectionId != null) {
            query.setParameter("section", sectionId);
        }
        if (level != null) {
            query.setParameter("level", level);
        }
        if (ncVersion != null) {
            query.setParameter("nc", ncVersion);
        }
        return query.getResultList();
    }

    /** The most recently updated pages, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WikiPage> recentlyUpdated(int limit) {
        return em.createQuery("SELECT p FROM WikiPage p WHERE " + WikiVisibility.LISTED
                        + " ORDER BY p.updatedAt DESC, p.id DESC", WikiPage.class)
                .setMaxResults(limit).getResultList();
    }

    /** The pages whose current text links to this one (« Pages liées »), by title. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WikiPage> linkingTo(WikiPage page) {
        return em.createQuery("SELECT p FROM WikiPage p, WikiLink l WHERE l.sourcePageId = p.id AND l.targetSlug = :slug"
                        + " AND p.id <> :self AND " + WikiVisibility.LISTED + " ORDER BY p.title", WikiPage.class)
                .setParameter("slug", page.getSlug()).setParameter("self", page.getId()).getResultList();
    }

    /** Internal links whose target tutorial does not exist, by source page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BrokenLink> brokenLinks() {
        return em.createQuery("SELECT p, l.targetSlug FROM WikiLink l, WikiPage p WHERE p.id = l.sourcePageId"
                        + " AND NOT EXISTS (SELECT t FROM WikiPage t WHERE t.slug = l.targetSlug)"
                        + " ORDER BY p.title, l.targetSlug", Object[].class)
                .getResultStream().map(row -> new BrokenLink((WikiPage) row[0], (String) row[1])).toList();
    }

    /** Which of these slugs are tutorials. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> existing(Set<String> slugs) {
        if (slugs.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("SELECT p.slug FROM WikiPage p WHERE p.slug IN :slugs", String.class)
                .setParameter("slugs", slugs).getResultList());
    }

    /** Server-side preview: the same pipeline as saving, nothing stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String preview(String markdown) {
        return store.render(markdown).html();
    }

    // ---------------------------------------------------------------- writing

    /**
     * « Transformer en tutoriel »: the draft of a tutorial from a solved discussion (question and
     * accepted solution, with their authors and a link back); nothing is stored until it is saved.
     * Empty for a topic that does not exist or has no solution — or whose question or solution this
     * caller may not read in full ({@code ForumVisibility}, #10): a draft copies their text.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WikiDraft> draftFromTopic(Caller me, long topicId) {
        Topic topic = threadReading.topicFor(me, topicId).filter(t -> forumVisibility.canRead(me, t)).orElse(null);
        if (topic == null) {
            return Optional.empty();
        }
        Post question = threadReading.question(topicId);
        Post solution = threadReading.solutionFor(me, topic).orElse(null);
        if (solution == null || !forumVisibility.canRead(me, topic, question)) {
            return Optional.empty();
        }
        Map<Long, AccountSummary> authors = accounts.summaries(Set.copyOf(List.of(question.getAuthorId(), solution.getAuthorId())));
        String section = forumCategories.category(topic.getCategoryId()).map(Category::getSlug).orElse(null);
        String body = TopicDraft.body(topic.getTitle(), topicPath(topic), authors.get(question.getAuthorId()).username(),
                question.getBodyMarkdown(), authors.get(solution.getAuthorId()).username(), solution.getBodyMarkdown());
        return Optional.of(new WikiDraft(topic.getTitle(), section, WikiLevel.DEBUTANT.param(), WikiAudience.MEMBRE.name(),
                null, null, body, "Tiré de la discussion « " + topic.getTitle() + " »"));
    }

    /** The address of a discussion, as the forum writes it. */
    public static String topicPath(Topic topic) {
        return "/t/" + topic.getId() + "/" + topic.getSlug();
    }

    /** The tutorials drafted from a discussion (« Documenté dans »), by title. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WikiPage> documenting(long topicId) {
        return documenting.get(topicId, this::readDocumenting);
    }

    private List<WikiPage> readDocumenting(long topicId) {
        return em.createQuery("SELECT p FROM WikiPage p, WikiTopic t WHERE t.pageId = p.id AND t.topicId = :topic"
                        + " AND " + WikiVisibility.LISTED + " ORDER BY p.title", WikiPage.class)
                .setParameter("topic", topicId).getResultList().stream().toList();
    }

    /**
     * « Discussions liées »: the discussions a tutorial was drafted from, then those whose posts
     * link to it ({@code /tutoriels/slug}), without duplicates; only discussions everyone reads
     * ({@code ForumVisibility}, #10).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Topic> relatedTopics(WikiPage page) {
        java.util.Map<Long, Topic> related = new java.util.LinkedHashMap<>();
        em.createQuery("SELECT t.topicId FROM WikiTopic t WHERE t.pageId = :page ORDER BY t.createdAt", Long.class)
                .setParameter("page", page.getId()).getResultStream()
                .map(threadReading::topic).flatMap(Optional::stream).filter(forumVisibility::isPublic).forEach(t -> related.put(t.getId(), t));
        topicLists.topicsLinkingTo("/tutoriels/" + page.getSlug()).forEach(t -> related.putIfAbsent(t.getId(), t));
        return List.copyOf(related.values());
    }

    /** Creates a page drafted from a discussion, and remembers the discussion (when it exists). */
    public WikiPage create(Caller me, WikiDraft draft, Long sourceTopicId) {
        WikiPage page = create(me, draft);
        if (sourceTopicId != null && threadReading.topicFor(me, sourceTopicId).isPresent()) {
            em.persist(new WikiTopic(page.getId(), sourceTopicId, clock.instant()));
        }
        return page;
    }

    /** Creates a page and its first revision; any logged-in member may. */
    public WikiPage create(Caller me, WikiDraft draft) {
        policy.requireMember(me);
        Checked checked = checked(draft);
        WikiMetadata metadata = checked.metadata();
        Rendered body = checked.body();
        String summary = checked.summary();
        Instant now = clock.instant();
        WikiPage page = new WikiPage(freeSlug(metadata.title()), metadata, now);
        em.persist(page);
        em.flush();
        store.add(page, me, summary, draft.body(), body, now);
        return page;
    }

    /**
     * Saves an edit made from revision {@code base}. If someone saved since, nothing is written
     * and a {@link WikiConflictException} says so. An unchanged text adds no revision (the
     * description may still change).
     */
    public WikiPage edit(Caller me, String slug, WikiDraft draft, int base) {
        WikiPage page = store.locked(slug);
        policy.requireCanEdit(me, page);
        Checked checked = checked(draft);
        WikiMetadata metadata = checked.metadata();
        Rendered body = checked.body();
        String summary = checked.summary();
        if (page.getRevisionCount() != base) {
            throw new WikiConflictException(base, page.getRevisionCount());
        }
        Instant now = clock.instant();
        page.describe(metadata, now);
        WikiRevision current = current(page).orElseThrow();
        if (!current.getBodyMarkdown().equals(draft.body())) {
            store.add(page, me, summary, draft.body(), body, now);
        }
        return page;
    }

    /** Writes an old revision's text as a new revision: history is never rewritten. */
    public WikiRevision revert(Caller me, String slug, int number) {
        WikiPage page = store.locked(slug);
        String markdown = revertible(me, page, number).getBodyMarkdown();
        return store.add(page, me, revertSummary(number), markdown, store.render(markdown), clock.instant());
    }

    /** The checks of {@link #revert}, nothing written: the confirmation step refuses what the revert would (#14). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void checkRevert(Caller me, WikiPage page, int number) {
        revertible(me, page, number);
    }

    private WikiRevision revertible(Caller me, WikiPage page, int number) {
        policy.requireCanEdit(me, page);
        WikiRevision old = revision(page, number).orElseThrow(() -> new BusinessException("wiki.revision.unknown", null));
        if (number == page.getRevisionCount()) {
            throw new BusinessException("wiki.revert.current", null);
        }
        return old;
    }

    /** The summary of a revert; French like every stored text. */
    static String revertSummary(int number) {
        return "Retour à la version " + number;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WikiPage> page(long id) {
        return Optional.ofNullable(em.find(WikiPage.class, id));
    }

    /** Search (#12): a tutorial everyone reads, listed and not hidden; empty otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TutorialText> publicText(long pageId) {
        List<WikiPage> found = em.createQuery("SELECT p FROM WikiPage p WHERE p.id = :id AND " + WikiVisibility.LISTED,
                WikiPage.class).setParameter("id", pageId).getResultList();
        return found.stream().findFirst()
                .filter(p -> visibility.canReadText(fr.mare.account.Caller.ANONYMOUS, p))
                .flatMap(p -> current(p).map(r -> new TutorialText(p.getId(), p.getSlug(), p.getTitle(),
                        r.getHeadings().stream().map(fr.mare.markdown.Heading::text).toList(), r.getBodyHtml())));
    }

    /** Search's full rebuild (#12): ids of listed tutorials after this one, in id order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> publicTutorialIds(long afterId, int limit) {
        return em.createQuery("SELECT p.id FROM WikiPage p WHERE p.id > :after AND p.moderation.hiddenAt IS NULL AND "
                        + WikiVisibility.LISTED + " ORDER BY p.id", Long.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    // ---------------------------------------------------------------- rules

    /** The slug of a title, made unique (« -2 », « -3 »…) and never one of the wiki's own addresses. */
    private String freeSlug(String title) {
        String base = Slugs.slugify(title);
        String slug = base;
        for (int n = 2; WikiLinks.RESERVED.contains(slug) || page(slug).isPresent(); n++) {
            String suffix = "-" + n;
            slug = (base.length() + suffix.length() > Slugs.MAX_LENGTH ? base.substring(0, Slugs.MAX_LENGTH - suffix.length()) : base) + suffix;
        }
        return slug;
    }

    /** The draft's description, each field checked into {@code checks} (#14: one submit tells all). */
    private WikiMetadata metadata(WikiDraft draft, BusinessExceptions.Collector checks) {
        String title = checks.check(() -> title(draft.title()));
        Category section = checks.check(() -> forumCategories.category(draft.section() == null ? "" : draft.section())
                .orElseThrow(() -> new BusinessException("wiki.section.required", "section")));
        WikiLevel level = checks.check(() -> WikiLevel.fromParam(draft.level())
                .orElseThrow(() -> new BusinessException("wiki.level.required", "level")));
        WikiAudience audience = checks.check(() -> {
            try {
                return WikiAudience.valueOf(Objects.requireNonNullElse(draft.audience(), ""));
            } catch (IllegalArgumentException e) {
                throw new BusinessException("wiki.audience.required", "audience");
            }
        });
        Integer min = checks.check(() -> WikiRevisions.ncVersion(draft.ncVersionMin(), "ncMin"));
        Integer max = checks.check(() -> WikiRevisions.ncVersion(draft.ncVersionMax(), "ncMax"));
        if (min != null && max != null && min > max) {
            checks.check(() -> {
                throw new BusinessException("wiki.versions.order", "ncMax");
            });
        }
        return title == null || section == null || level == null || audience == null ? null
                : new WikiMetadata(title, section.getId(), level, audience, min, max);
    }

    /** Metadata, body and summary of a draft, all checked at once (#14). */
    private record Checked(WikiMetadata metadata, Rendered body, String summary) {
    }

    private Checked checked(WikiDraft draft) {
        BusinessExceptions.Collector checks = new BusinessExceptions.Collector();
        WikiMetadata metadata = metadata(draft, checks);
        Rendered body = checks.check(() -> store.render(draft.body()));
        String summary = checks.check(() -> summary(draft.summary()));
        checks.throwIfAny();
        return new Checked(metadata, body, summary);
    }

    private static String title(String typed) {
        String title = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (title.isEmpty()) {
            throw new BusinessException("wiki.title.required", "title");
        }
        int length = title.codePointCount(0, title.length());
        if (length < TITLE_MIN) {
            throw new BusinessException("wiki.title.tooShort", "title", TITLE_MIN);
        }
        if (length > TITLE_MAX) {
            throw new BusinessException("wiki.title.tooLong", "title", TITLE_MAX);
        }
        return title;
    }

    private static String summary(String typed) {
        String summary = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (summary.length() > SUMMARY_MAX) {
            throw new BusinessException("wiki.summary.tooLong", "summary", SUMMARY_MAX);
        }
        return summary;
    }



    // --- A member's own data (#13: /admin/comptes and « Vos données »), by author id.

    /** The revisions the member wrote, newest first, at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WikiRevision> revisionsBy(long authorId, int limit) {
        return em.createQuery("SELECT r FROM WikiRevision r WHERE r.authorId = :author ORDER BY r.createdAt DESC, r.id DESC",
                WikiRevision.class).setParameter("author", authorId).setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long revisionCount(long authorId) {
        return em.createQuery("SELECT COUNT(r) FROM WikiRevision r WHERE r.authorId = :author", Long.class)
                .setParameter("author", authorId).getSingleResult();
    }
}
