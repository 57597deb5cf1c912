package fr.mare.members;

import fr.mare.platform.Retryable;
import fr.mare.account.Account;
import fr.mare.account.AccountEvent;
import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.account.Role;
import fr.mare.account.TwoFactorService;
import fr.mare.directory.Collective;
import fr.mare.directory.DirectoryService;
import fr.mare.forum.ForumService;
import fr.mare.forum.Post;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicLists;
import fr.mare.members.MemberActivity.Line;
import fr.mare.moderation.ActionKind;
import fr.mare.moderation.JournalEntry;
import fr.mare.moderation.JournalFilter;
import fr.mare.moderation.ModerationService;
import fr.mare.moderation.Report;
import fr.mare.moderation.TargetKey;
import fr.mare.platform.BusinessException;
import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiRevision;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /admin/comptes}: what an administrator sees of an account and does to it. Each method
 * checks the caller again in the service that owns the rule: roles and reset links in
 * {@link AccountService} (administrators only, never the last administrator), suspensions in
 * {@link ModerationService} (its rules: never staff, never oneself, a reason; journalled there).
 */
@ApplicationScoped
@Transactional
@Retryable
public class MembersAdminService {

    static final int LATEST = 5;

    @Inject
    private AccountService accounts;

    @Inject
    private ForumService forum;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private TopicLists topicLists;

    @Inject
    private WikiService wiki;

    @Inject
    private ModerationService moderation;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private DirectoryService directory;

    /** The account's page, or empty for an unknown id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MemberActivity> activity(Caller me, long id) {
        Optional<Account> found = accounts.forAdmin(me, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Account account = found.get();
        List<Line> posts = topicLists.postsBy(id, LATEST).stream().map(this::postLine).toList();
        List<Line> topics = topicLists.topicsBy(id, LATEST).stream()
                .map(t -> new Line(t.getTitle(), topicLink(t), t.getCreatedAt(), t.isHidden() ? "masqué" : "")).toList();
        Map<Long, WikiPage> pages = new HashMap<>();
        List<Line> revisions = wiki.revisionsBy(id, LATEST).stream().map(r -> revisionLine(r, pages)).toList();
        List<Line> reports = moderation.reportsBy(id, LATEST).stream().map(MembersAdminService::reportLine).toList();
        List<JournalEntry> journal = moderation.journal(me, new JournalFilter(null, null, new TargetKey("account", id)), 10);
        List<AccountEvent> events = accounts.events(me, id);
        Set<Long> people = new HashSet<>();
        journal.forEach(j -> people.add(j.getModeratorId()));
        events.forEach(e -> people.add(e.getActorId()));
        return Optional.of(new MemberActivity(account, accounts.suspension(account).orElse(null), topicLists.postCount(id),
                topicLists.topicCount(id), wiki.revisionCount(id), moderation.reportCount(id), moderation.reportsAbout(id),
                posts, topics, revisions, reports, journal, events, moderation.people(people)));
    }

    private Line postLine(Post p) {
        String title = threadReading.topic(p.getTopicId()).map(Topic::getTitle).orElse("?");
        String link = threadReading.topic(p.getTopicId()).map(MembersAdminService::topicLink).orElse("") + "#post-" + p.getId();
        String note = p.isDeleted() ? "supprimé" : p.isHidden() ? "masqué" : p.isPending() ? "en attente" : "";
        return new Line(title, link, p.getCreatedAt(), note);
    }

    private Line revisionLine(WikiRevision r, Map<Long, WikiPage> pages) {
        WikiPage page = pages.computeIfAbsent(r.getPageId(), pid -> wiki.page(pid).orElse(null));
        String title = page == null ? "?" : page.getTitle() + " (v" + r.getNumber() + ")";
        return new Line(title, page == null ? "" : "/tutoriels/" + page.getSlug() + "/historique", r.getCreatedAt(), r.getSummary());
    }

    private static Line reportLine(Report r) {
        return new Line(r.getTargetType() + ":" + r.getTargetId() + " — " + r.getReason(), "/moderation/cible?cible="
                + r.getTargetType() + ":" + r.getTargetId(), r.getCreatedAt(), r.isOpen() ? "ouvert" : String.valueOf(r.getOutcome()));
    }

    static String topicLink(Topic t) {
        return "/t/" + t.getId() + "/" + t.getSlug();
    }

    /** Changes the account's role ({@link AccountService#changeRole}: never the last administrator, never one's own). */
    public Role changeRole(Caller me, long id, Role role) {
        return accounts.changeRole(me, id, role);
    }

    /** Sends the account a reset link, through « mot de passe oublié »'s machinery and the outbox. */
    public void sendPasswordReset(Caller me, long id) {
        accounts.sendPasswordReset(me, id);
    }

    /**
     * Suspends the account through moderation ({@link ModerationService#act}: a reason, its rules,
     * its journal, the member told). {@code days}: empty for indefinitely.
     */
    public void suspend(Caller me, long id, String reason, String days) {
        requireAdmin(me);
        moderation.act(me, new TargetKey("account", id).toString(), null, null, ActionKind.SUSPEND, reason, days);
    }

    /** Lifts the account's suspension through moderation (a reason, journalled). */
    public void liftSuspension(Caller me, long id, String reason) {
        requireAdmin(me);
        moderation.act(me, new TargetKey("account", id).toString(), null, null, ActionKind.LIFT_SUSPENSION, reason, null);
    }

    /** Removes the account's second factor (lost phone and backup codes): {@link TwoFactorService#resetByAdmin}. */
    public void resetTwoFactor(Caller me, long id) {
        twoFactor.resetByAdmin(me, id);
    }

    /** Whether the account has a second factor (the page offers to remove it). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasTwoFactor(Caller me, long id) {
        requireAdmin(me);
        return twoFactor.enabled(id);
    }

    /**
     * Makes the account an admin of a collective ({@link DirectoryService#nameAdminBySite}) and
     * journals it on the account, in one transaction.
     *
     * @return the collective's name
     */
    public String handOverCollective(Caller me, long id, String collective) {
        requireAdmin(me);
        Account account = accounts.forAdmin(me, id).orElseThrow(() -> new BusinessException("account.unknown", null));
        if (account.isErased()) {
            throw new BusinessException("account.admin.erasedAccount", null);
        }
        Collective c = directory.nameAdminBySite(me, collective, id);
        accounts.collectiveHandedOver(me, id, c.getName());
        return c.getName();
    }

    /** Collectives without an admin, for the search page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Collective> collectivesWithoutAdmin(Caller me) {
        return directory.withoutAdmin(me);
    }

    private static void requireAdmin(Caller me) {
        if (!me.admin()) {
            throw new BusinessException("account.admin.notAllowed", null);
        }
    }

}
