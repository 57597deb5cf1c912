package fr.mare.moderation;

import fr.mare.account.Account;
import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.account.Newcomers;
import fr.mare.forum.ForumEvent;
import fr.mare.forum.ForumService;
import fr.mare.forum.TopicLists;
import fr.mare.notification.Notice;
import fr.mare.platform.BusinessException;
import fr.mare.platform.BusinessExceptions;
import fr.mare.platform.RateLimitedException;
import fr.mare.platform.Retryable;
import fr.mare.web.Bundle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports, the review queue, actions and the journal. Every write takes the {@link Caller} and
 * checks it ({@link ModerationPolicy}); every action needs a reason, is applied through the
 * target's feature service (which checks the caller again) and writes one {@link JournalEntry}
 * in the same transaction. Acting on a review item compares the version the moderator saw with
 * the item's, under a row lock: the second of two moderators is told « déjà traité ».
 */
@Retryable
@ApplicationScoped
@Transactional
public class ModerationService {

    public static final int REASON_MAX = 500;
    public static final int SUSPENSION_DAYS_MAX = 3650;
    /** The caller of automatic actions: a moderator with no account (journalled as « système »). */
    static final Caller SYSTEM = new Caller(null, JournalFilter.SYSTEM, true, false);

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @Any
    private Instance<ModerationTarget> targets;

    @Inject
    private ModerationPolicy policy;

    @Inject
    private AccountService accounts;

    @Inject
    private ForumService forum;

    @Inject
    private TopicLists topicLists;

    @Inject
    private Newcomers newcomers;

    @Inject
    private Event<Notice> notices;

    @Inject
    @ConfigProperty(name = "mare.limits.reports-per-hour", defaultValue = "10")
    int reportsPerHour;

    @Inject
    @ConfigProperty(name = "mare.moderation.auto-hide-reports", defaultValue = "3")
    int autoHideReports;

    // ---------------------------------------------------------------- targets

    /** The reportable thing named by {@code cible}; empty for an unknown type or id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TargetView> find(String cible) {
        return TargetKey.parse(cible).flatMap(this::find);
    }

    /**
     * What a member may report: anything they can read. Content waiting for approval or already
     * hidden is unknown to others (the report page would show its excerpt), and so is a contact
     * message to anyone outside its conversation; moderation sees all.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TargetView> reportable(Caller me, String cible) {
        return TargetKey.parse(cible).flatMap(key -> kind(key.type())
                .filter(kind -> me.moderator() || kind.readableBy(me, key.id()))
                .flatMap(kind -> kind.find(key.id())))
                .filter(t -> me.moderator() || (t.authorId() != null && me.is(t.authorId()))
                        || (!t.pending() && !t.hidden()));
    }

    private Optional<TargetView> find(TargetKey key) {
        return kind(key.type()).flatMap(t -> t.find(key.id()));
    }

    private Optional<ModerationTarget> kind(String type) {
        return targets.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    // ---------------------------------------------------------------- reporting

    /**
     * Records a member's report and opens (or joins) the target's review item. Refused: one's own
     * content, a second open report of the same target, more than
     * {@code mare.limits.reports-per-hour} reports in the last hour.
     */
    public Report report(Caller me, String cible, ReportReason reason, String typedComment) {
        policy.requireMember(me);
        TargetView target = reportable(me, cible).orElseThrow(() -> new BusinessException("moderation.target.unknown", null));
        // Both fields checked before refusing (#14).
        BusinessExceptions.Collector checks = new BusinessExceptions.Collector();
        checks.check(() -> {
            if (reason == null) {
                throw new BusinessException("moderation.report.reasonRequired", "reason");
            }
            return reason;
        });
        String comment = typedComment == null ? "" : typedComment.strip();
        checks.check(() -> {
            if (comment.length() > Report.COMMENT_MAX) {
                throw new BusinessException("moderation.report.commentTooLong", "comment", Report.COMMENT_MAX);
            }
            return comment;
        });
        checks.throwIfAny();
        if (target.authorId() != null && me.is(target.authorId())) {
            throw new BusinessException("moderation.report.own", null);
        }
        Instant now = clock.instant();
        long lastHour = em.createQuery("SELECT COUNT(r) FROM Report r WHERE r.reporterId = :me AND r.createdAt > :since", Long.class)
                .setParameter("me", me.accountId()).setParameter("since", now.minus(Duration.ofHours(1))).getSingleResult();
        if (lastHour >= reportsPerHour) {
            throw new RateLimitedException("moderation.report.rateLimited", null, reportsPerHour);
        }
        long already = em.createQuery("SELECT COUNT(r) FROM Report r WHERE r.reporterId = :me AND r.targetType = :type"
                        + " AND r.targetId = :id AND r.closedAt IS NULL", Long.class)
                .setParameter("me", me.accountId()).setParameter("type", target.type()).setParameter("id", target.id())
                .getSingleResult();
        if (already > 0) {
            throw new BusinessException("moderation.report.duplicate", null);
        }
        ModerationItem item = openItem(target, ModerationItem.ORIGIN_REPORT, now);
        Report report = new Report(item.getId(), target.type(), target.id(), me.accountId(), target.authorId(), reason, comment, now);
        em.persist(report);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // The same member reporting twice at the same instant: the unique key decided.
            throw new BusinessException("moderation.report.duplicate", null);
        }
        autoHide(target, item);
        return report;
    }

    /** The target's open item, or a new one. */
    private ModerationItem openItem(TargetView target, String origin, Instant now) {
        return em.createQuery("SELECT i FROM ModerationItem i WHERE i.targetType = :type AND i.targetId = :id AND i.status = 'OPEN'",
                        ModerationItem.class)
                .setParameter("type", target.type()).setParameter("id", target.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseGet(() -> {
                    ModerationItem created = new ModerationItem(target.type(), target.id(), origin, now);
                    em.persist(created);
                    try {
                        em.flush();
                    } catch (PersistenceException e) {
                        // Two first reports of one target at the same instant: one item only (unique key).
                        throw new BusinessException("moderation.report.busy", null);
                    }
                    return created;
                });
    }

    /**
     * A post reported by {@code mare.moderation.auto-hide-reports} distinct members who are not
     * newcomers is hidden until a moderator looks at it (journalled as the system's action).
     */
    private void autoHide(TargetView target, ModerationItem item) {
        if (!"post".equals(target.type()) || target.hidden() || autoHideReports <= 0) {
            return;
        }
        List<Long> reporters = em.createQuery("SELECT DISTINCT r.reporterId FROM Report r WHERE r.itemId = :item AND r.closedAt IS NULL", Long.class)
                .setParameter("item", item.getId()).getResultList();
        long established = reporters.stream().filter(id -> !newcomers.isNew(id)).count();
        if (established < autoHideReports) {
            return;
        }
        String reason = Bundle.text(Locale.FRENCH, "moderation.autoHide.reason");
        kind(target.type()).orElseThrow().apply(SYSTEM, target.id(), ActionKind.AUTO_HIDE, reason, null);
        em.persist(new JournalEntry(null, ActionKind.AUTO_HIDE, target, item.getId(), reason,
                Bundle.text(Locale.FRENCH, "moderation.autoHide.detail", established), null, null, clock.instant()));
        tellAuthor(SYSTEM, ActionKind.AUTO_HIDE, target, reason);
    }

    /** A newcomer's post held for approval (forum, inside its transaction): it joins the queue. */
    void held(@Observes ForumEvent.PostHeld event) {
        TargetView target = find(new TargetKey("post", event.postId()))
                .orElseThrow(() -> new IllegalStateException("held post " + event.postId() + " not found"));
        openItem(target, ModerationItem.ORIGIN_FIRST_POST, clock.instant());
    }

    /** The member's own reports, newest first, with what became of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Report> myReports(Caller me) {
        policy.requireMember(me);
        return em.createQuery("SELECT r FROM Report r WHERE r.reporterId = :me ORDER BY r.createdAt DESC, r.id DESC", Report.class)
                .setParameter("me", me.accountId()).setMaxResults(100).getResultList();
    }

    /** Labels of targets (key {@code type:id}) for lists; gone targets are absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, TargetView> views(Set<TargetKey> keys) {
        Map<String, TargetView> views = new LinkedHashMap<>();
        for (TargetKey key : keys) {
            find(key).ifPresent(v -> views.put(key.toString(), v));
        }
        return views;
    }

    // ---------------------------------------------------------------- the queue

    /** Open items, oldest first, each with its target as it is now, its author's history and its reports. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QueueEntry> queue(Caller me, int limit) {
        me.requireModerator();
        List<ModerationItem> items = em.createQuery("SELECT i FROM ModerationItem i WHERE i.status = 'OPEN' ORDER BY i.openedAt, i.id",
                ModerationItem.class).setMaxResults(limit).getResultList();
        List<QueueEntry> entries = new ArrayList<>();
        for (ModerationItem item : items) {
            find(new TargetKey(item.getTargetType(), item.getTargetId()))
                    .ifPresent(target -> entries.add(entry(item, target)));
        }
        return entries;
    }

    /** How many items wait in the queue: the header's count for moderators (#14); one COUNT on the status index. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long openCount(Caller me) {
        me.requireModerator();
        return em.createQuery("SELECT COUNT(i) FROM ModerationItem i WHERE i.status = 'OPEN'", Long.class).getSingleResult();
    }

    /** One target for a moderator: with its open item if it has one (the page of direct actions). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<QueueEntry> entry(Caller me, String cible) {
        me.requireModerator();
        return find(cible).map(target -> entry(openItemOf(target).orElse(null), target));
    }

    private Optional<ModerationItem> openItemOf(TargetView target) {
        return em.createQuery("SELECT i FROM ModerationItem i WHERE i.targetType = :type AND i.targetId = :id AND i.status = 'OPEN'",
                        ModerationItem.class)
                .setParameter("type", target.type()).setParameter("id", target.id()).getResultStream().findFirst();
    }

    private QueueEntry entry(ModerationItem item, TargetView target) {
        List<Report> reports = item == null ? List.of()
                : em.createQuery("SELECT r FROM Report r WHERE r.itemId = :item ORDER BY r.createdAt, r.id", Report.class)
                .setParameter("item", item.getId()).getResultList();
        Set<Long> people = new HashSet<>();
        reports.forEach(r -> people.add(r.getReporterId()));
        if (target.authorId() != null) {
            people.add(target.authorId());
        }
        Map<Long, AccountSummary> summaries = accounts.summaries(people);
        List<QueueEntry.ReportLine> lines = reports.stream()
                .map(r -> new QueueEntry.ReportLine(r, summaries.get(r.getReporterId()))).toList();
        return new QueueEntry(item, target, history(target, summaries.get(target.authorId())), lines);
    }

    private AuthorHistory history(TargetView target, AccountSummary author) {
        if (author == null) {
            return null;
        }
        Account account = accounts.find(author.id()).orElseThrow();
        long reports = em.createQuery("SELECT COUNT(r) FROM Report r WHERE r.targetAuthorId = :author"
                        + " AND NOT (r.targetType = :type AND r.targetId = :id)", Long.class)
                .setParameter("author", author.id()).setParameter("type", target.type()).setParameter("id", target.id())
                .getSingleResult();
        long actions = em.createQuery("SELECT COUNT(j) FROM JournalEntry j WHERE j.targetAuthorId = :author", Long.class)
                .setParameter("author", author.id()).getSingleResult();
        return new AuthorHistory(author, account.getCreatedAt(), newcomers.isNew(account.getRole(), account.getCreatedAt(), clock.instant()),
                topicLists.postCount(author.id()), reports, actions, accounts.suspension(account).orElse(null));
    }

    // ---------------------------------------------------------------- actions

    /**
     * Applies one action to a target, with a reason, and journals it. {@code itemId} and
     * {@code version}: the review item the moderator saw (null when acting on a target with no
     * open item); if it was handled since, nothing is applied and « déjà traité » is said.
     * {@code parameter}: the new text (edit), the category slug (move), the number of days
     * (suspension; empty for indefinitely).
     */
    public void act(Caller me, String cible, Long itemId, Long version, ActionKind action, String typedReason, String parameter) {
        me.requireModerator();
        if (action == null) {
            throw new BusinessException("moderation.action.choose.required", "action");
        }
        if (action == ActionKind.AUTO_HIDE) {
            throw new BusinessException("moderation.action.unsupported", null);
        }
        String reason = typedReason == null ? "" : typedReason.strip();
        if (reason.isEmpty() && reasonToldToAuthor(action)) {
            throw new BusinessException("moderation.reason.required", "reason");
        }
        if (reason.length() > REASON_MAX) {
            throw new BusinessException("moderation.reason.tooLong", "reason", REASON_MAX);
        }
        TargetKey key = TargetKey.parse(cible).orElseThrow(() -> new BusinessException("moderation.target.unknown", null));
        ModerationItem item = null;
        if (itemId != null) {
            item = em.find(ModerationItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
            if (item == null || !item.isOpen() || version == null || item.getVersion() != version
                    || !item.getTargetType().equals(key.type()) || item.getTargetId() != key.id()) {
                throw new BusinessException("moderation.alreadyHandled", null);
            }
            em.lock(item, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        }
        TargetView target = find(key).orElseThrow(() -> new BusinessException("moderation.target.unknown", null));
        Instant now = clock.instant();
        ModerationTarget.Change change = switch (action) {
            case DISMISS -> ModerationTarget.Change.NONE;
            case WARN -> {
                requireAuthor(target);
                yield ModerationTarget.Change.NONE;
            }
            case SUSPEND -> {
                requireAuthor(target);
                Integer days = days(parameter);
                accounts.suspend(me, target.authorId(), days == null ? null : now.plus(Duration.ofDays(days)), reason);
                yield ModerationTarget.Change.detail(days == null ? "∞" : days + " j");
            }
            case LIFT_SUSPENSION -> {
                requireAuthor(target);
                accounts.liftSuspension(me, target.authorId());
                yield ModerationTarget.Change.NONE;
            }
            default -> {
                if (!target.actions().contains(action)) {
                    throw new BusinessException("moderation.action.unsupported", null);
                }
                yield kind(key.type()).orElseThrow().apply(me, key.id(), action, reason, parameter);
            }
        };
        em.persist(new JournalEntry(me.accountId(), action, target, item == null ? null : item.getId(), reason, change.detail(),
                change.before(), change.after(), now));
        if (item == null && action.closes()) {
            item = openItemOf(target).orElse(null);
        }
        if (item != null && action.closes()) {
            close(item, action, me, target, now);
        }
        tellAuthor(me, action, target, reason);
    }

    /** Closes an item and its reports; each reporter is told what became of their report. */
    private void close(ModerationItem item, ActionKind outcome, Caller me, TargetView target, Instant now) {
        item.close(outcome, me.accountId(), now);
        String result = Bundle.text(Locale.FRENCH, "moderation.outcome." + outcome.name());
        for (Report report : em.createQuery("SELECT r FROM Report r WHERE r.itemId = :item AND r.closedAt IS NULL", Report.class)
                .setParameter("item", item.getId()).getResultList()) {
            report.close(outcome, now);
            notices.fire(new Notice(report.getReporterId(), null, "moderation.notice.reportClosed",
                    target.label(), result, "/moderation/mes-signalements"));
        }
    }

    /**
     * Tells the target's author what moderation did and why, as « la modération » (moderators'
     * names stay out of members' notifications). Dismissing tells them nothing: nothing happened
     * to their content.
     */
    private void tellAuthor(Caller me, ActionKind action, TargetView target, String reason) {
        if (target.authorId() == null || me.is(target.authorId()) || action == ActionKind.DISMISS) {
            return;
        }
        notices.fire(new Notice(target.authorId(), null, "moderation.notice." + action.name(),
                target.label(), reason, target.link()));
    }

    /**
     * Whether the author reads the reason (#14): dismissing tells them nothing and a validation
     * says only that the message is visible, so these two need none (the journal keeps it if given).
     */
    static boolean reasonToldToAuthor(ActionKind action) {
        return action != ActionKind.DISMISS && action != ActionKind.APPROVE;
    }

    private static void requireAuthor(TargetView target) {
        if (target.authorId() == null) {
            throw new BusinessException("moderation.action.noAuthor", null);
        }
    }

    /** Days of a suspension: empty for indefinitely, else 1 to {@value #SUSPENSION_DAYS_MAX}. */
    static Integer days(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            int days = Integer.parseInt(typed.strip());
            if (days >= 1 && days <= SUSPENSION_DAYS_MAX) {
                return days;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new BusinessException("moderation.suspend.days", "parameter", SUSPENSION_DAYS_MAX);
    }

    // ---------------------------------------------------------------- the journal

    /** The journal, newest first, filtered; at most {@code limit} lines. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JournalEntry> journal(Caller me, JournalFilter filter, int limit) {
        me.requireModerator();
        StringBuilder jpql = new StringBuilder("SELECT j FROM JournalEntry j WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.action() != null) {
            jpql.append(" AND j.action = :action");
            parameters.put("action", filter.action());
        }
        if (filter.moderator() != null && !filter.moderator().isBlank()) {
            if (JournalFilter.SYSTEM.equals(filter.moderator())) {
                jpql.append(" AND j.moderatorId IS NULL");
            } else {
                jpql.append(" AND j.moderatorId = :moderator");
                parameters.put("moderator", accounts.findByUsername(filter.moderator()).map(Account::getId).orElse(-1L));
            }
        }
        if (filter.target() != null) {
            jpql.append(" AND j.targetType = :type AND j.targetId = :id");
            parameters.put("type", filter.target().type());
            parameters.put("id", filter.target().id());
        }
        jpql.append(" ORDER BY j.createdAt DESC, j.id DESC");
        TypedQuery<JournalEntry> query = em.createQuery(jpql.toString(), JournalEntry.class).setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Who is who in a list of journal lines or reports. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, AccountSummary> people(Set<Long> ids) {
        return accounts.summaries(ids.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
    }

    // ---------------------------------------------------------------- a member's own data (#13)

    /** The reports the member made, newest first, at most {@code limit}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Report> reportsBy(long reporterId, int limit) {
        return em.createQuery("SELECT r FROM Report r WHERE r.reporterId = :me ORDER BY r.createdAt DESC, r.id DESC", Report.class)
                .setParameter("me", reporterId).setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long reportCount(long reporterId) {
        return em.createQuery("SELECT COUNT(r) FROM Report r WHERE r.reporterId = :me", Long.class)
                .setParameter("me", reporterId).getSingleResult();
    }

    /** How many reports targeted the member's content or account. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long reportsAbout(long authorId) {
        return em.createQuery("SELECT COUNT(r) FROM Report r WHERE r.targetAuthorId = :author", Long.class)
                .setParameter("author", authorId).getSingleResult();
    }
}
