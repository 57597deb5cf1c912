package fr.mare.wiki;

import fr.mare.platform.Retryable;
import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeping tutorials up to date (#16): « plus à jour » signals from members, « relu et à jour »
 * reviews, and the « à revoir » list.
 */
@ApplicationScoped
@Transactional
@Retryable
public class WikiReviewService {

    /** A page not reviewed for this long is listed in « à revoir ». */
    public static final Duration REVIEW_AFTER = Duration.ofDays(365);

    public static final int COMMENT_MAX = 1000;

    /** A page to review: its open signals and when it was last checked (or written). */
    public record ToReview(WikiPage page, long openSignals, Instant lastChecked) {
    }

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private WikiPolicy policy;

    @Inject
    private WikiService wiki;

    @Inject
    private WikiRevisions store;

    @Transactional(Transactional.TxType.SUPPORTS)
    public long openSignalCount(WikiPage page) {
        return em.createQuery("SELECT COUNT(s) FROM WikiOutdatedSignal s WHERE s.pageId = :page AND s.resolvedAt IS NULL", Long.class)
                .setParameter("page", page.getId()).getSingleResult();
    }

    /** The open « plus à jour » signals of a page, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WikiOutdatedSignal> openSignals(WikiPage page) {
        return em.createQuery("SELECT s FROM WikiOutdatedSignal s WHERE s.pageId = :page AND s.resolvedAt IS NULL ORDER BY s.createdAt, s.id",
                        WikiOutdatedSignal.class)
                .setParameter("page", page.getId()).getResultList();
    }

    /** Pages signalled as outdated, or not reviewed (nor written) for {@link #REVIEW_AFTER}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ToReview> toReview() {
        Instant staleBefore = clock.instant().minus(REVIEW_AFTER);
        Map<Long, Long> signals = em.createQuery("SELECT s.pageId, COUNT(s) FROM WikiOutdatedSignal s WHERE s.resolvedAt IS NULL"
                        + " GROUP BY s.pageId", Object[].class).getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
        List<WikiPage> candidates = em.createQuery("SELECT p FROM WikiPage p WHERE " + WikiVisibility.LISTED
                        + " AND (p.id IN :signalled OR COALESCE(p.lastReviewedAt, p.createdAt) < :stale)", WikiPage.class)
                .setParameter("signalled", signals.isEmpty() ? Set.of(-1L) : signals.keySet())
                .setParameter("stale", staleBefore).getResultList();
        List<ToReview> rows = new ArrayList<>();
        for (WikiPage page : candidates) {
            Instant checked = page.getLastReviewedAt() != null ? page.getLastReviewedAt() : page.getCreatedAt();
            rows.add(new ToReview(page, signals.getOrDefault(page.getId(), 0L), checked));
        }
        rows.sort(Comparator.comparingLong(ToReview::openSignals).reversed().thenComparing(ToReview::lastChecked));
        return rows;
    }

    /** « Ce tutoriel n'est plus à jour », with a comment saying what changed; one open signal per member. */
    public void signalOutdated(Caller me, String slug, String typedComment) {
        WikiPage page = wiki.page(slug).orElseThrow(() -> new BusinessException("wiki.page.unknown", null));
        policy.requireCanSignal(me, page);
        String comment = typedComment == null ? "" : typedComment.strip();
        if (comment.isEmpty()) {
            throw new BusinessException("wiki.outdated.commentRequired", "comment");
        }
        if (comment.length() > COMMENT_MAX) {
            throw new BusinessException("wiki.outdated.commentTooLong", "comment", COMMENT_MAX);
        }
        long mine = em.createQuery("SELECT COUNT(s) FROM WikiOutdatedSignal s WHERE s.pageId = :page AND s.accountId = :me"
                        + " AND s.resolvedAt IS NULL", Long.class)
                .setParameter("page", page.getId()).setParameter("me", me.accountId()).getSingleResult();
        if (mine > 0) {
            throw new BusinessException("wiki.outdated.already", "comment");
        }
        em.persist(new WikiOutdatedSignal(page.getId(), me.accountId(), comment, clock.instant()));
    }

    /** « Relu et à jour »: records the review date and the Nextcloud version checked, closes open signals. */
    public void markReviewed(Caller me, String slug, String typedVersion) {
        WikiPage page = store.locked(slug);
        policy.requireCanEdit(me, page);
        Integer checked = WikiRevisions.ncVersion(typedVersion, "reviewVersion");
        Instant now = clock.instant();
        page.reviewed(checked, now);
        for (WikiOutdatedSignal signal : openSignals(page)) {
            signal.resolve(now);
        }
    }
}
