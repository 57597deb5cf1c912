package fr.mare.directory;

import fr.mare.platform.Retryable;
import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.forum.ForumService;
import fr.mare.forum.TopicLists;
import fr.mare.markdown.ContentTooLargeException;
import fr.mare.markdown.Markdown;
import fr.mare.markdown.Rendered;
import fr.mare.markdown.Slugs;
import fr.mare.notification.Notice;
import fr.mare.platform.BusinessException;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything that reads or writes the directory of collectives. Each write takes the
 * {@link Caller} and checks it: any member may create a collective (and becomes its admin), only
 * its active admins edit it. Broken rules are {@link BusinessException}s with {@code directory.*} keys.
 */
@ApplicationScoped
@Transactional
@Retryable
public class DirectoryService {

    /** A collective's declared expertise in one area, with the area. */
    public record Declared(ExpertiseArea area, Direction direction, String note) {
    }

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private fr.mare.media.MediaService media;

    @Inject
    private AccountService accounts;

    @Inject
    private DirectoryPolicy policy;

    @Inject
    private WikiService wiki;

    @Inject
    private DirectoryIndex index;

    @Inject
    private ForumService forum;

    @Inject
    private TopicLists topicLists;

    @Inject
    private Event<DirectoryIndex.Changed> changes;

    @Inject
    private Event<Notice> notices;

    @Inject
    private Markdown markdown;

    /** The whole vocabulary, retired areas included (they stay on the profiles that declare them). */
    public List<ExpertiseArea> areas() {
        return em.createQuery("SELECT a FROM ExpertiseArea a ORDER BY a.position, a.name", ExpertiseArea.class).getResultList();
    }

    /**
     * The areas a collective's form offers: those in use, plus the retired ones the collective
     * ({@code null} for a new one) already declares, so that its admins may keep or drop them.
     */
    public List<ExpertiseArea> offeredAreas(Collective c) {
        return Vocabulary.offered(areas(), c == null ? Set.of() : declaredAreaIds(c));
    }

    private Set<Long> declaredAreaIds(Collective c) {
        return new HashSet<>(em.createQuery("SELECT e.areaId FROM CollectiveExpertise e WHERE e.collectiveId = :c", Long.class)
                .setParameter("c", c.getId()).getResultList());
    }

    // ---------------------------------------------------------------- members' contributions

    /** On a profile, at most this many tutorials and this many solutions (with their totals). */
    public static final int CONTRIBUTIONS_SHOWN = 5;

    /** What a collective's visible members contributed: tutorials written, solutions given. */
    public record Contributions(WikiService.Written tutorials, TopicLists.Solutions solutions) {
    }

    /**
     * The contributions of the active members who chose to appear on the profile (never of the
     * others, whose membership stays private): tutorials they created and replies of theirs
     * chosen as a topic's solution, through the wiki's and the forum's own read methods.
     */
    public Contributions contributions(Collective c) {
        List<Long> visible = em.createQuery("SELECT m.accountId FROM CollectiveMember m WHERE m.collectiveId = :c "
                        + "AND m.status = 'ACTIVE' AND m.visible = TRUE", Long.class)
                .setParameter("c", c.getId()).getResultList();
        return new Contributions(wiki.writtenBy(visible, CONTRIBUTIONS_SHOWN), topicLists.solutionsBy(visible, CONTRIBUTIONS_SHOWN));
    }

    public Optional<Collective> collective(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT c FROM Collective c WHERE c.slug = :slug", Collective.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    public Optional<Collective> collective(long id) {
        return Optional.ofNullable(em.find(Collective.class, id));
    }

    /**
     * Moderation (#6): hides a collective's profile from readers, who see the reason instead; it
     * also leaves the directory's list, the matches, « Des voisins connaissent ce sujet » and the
     * export until restored.
     */
    public Collective hide(Caller me, long collectiveId, String reason) {
        me.requireModerator();
        Collective c = lockedById(collectiveId);
        c.hide(me.accountId(), reason, clock.instant());
        changes.fire(new DirectoryIndex.Changed());
        return c;
    }

    public Collective restore(Caller me, long collectiveId) {
        me.requireModerator();
        Collective c = lockedById(collectiveId);
        c.restore();
        changes.fire(new DirectoryIndex.Changed());
        return c;
    }

    private Collective lockedById(long id) {
        Collective c = em.find(Collective.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new BusinessException("directory.unknown", null);
        }
        return c;
    }

    /** Search (#12): a collective's public profile ({@link DirectoryVisibility#LISTED}); empty when hidden or unknown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CollectiveText> publicText(long collectiveId) {
        return em.createQuery("SELECT c FROM Collective c WHERE c.id = :id AND " + DirectoryVisibility.LISTED, Collective.class)
                .setParameter("id", collectiveId).getResultStream().findFirst()
                .map(c -> new CollectiveText(c.getId(), c.getSlug(), c.getName(), c.getPresentationHtml(),
                        expertise(c).stream().map(d -> d.note() == null || d.note().isBlank()
                                ? d.area().getName() : d.area().getName() + " : " + d.note()).toList(),
                        c.getRegionName()));
    }

    /** Search's full rebuild (#12): ids of listed collectives after this one, in id order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> publicCollectiveIds(long afterId, int limit) {
        return em.createQuery("SELECT c.id FROM Collective c WHERE c.id > :after AND " + DirectoryVisibility.LISTED
                + " ORDER BY c.id", Long.class).setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    public List<String> apps(Collective c) {
        List<String> used = em.createQuery("SELECT a.app FROM CollectiveApp a WHERE a.collectiveId = :c", String.class)
                .setParameter("c", c.getId()).getResultList();
        return Apps.codes().stream().filter(used::contains).toList();
    }

    public List<Declared> expertise(Collective c) {
        Map<Long, ExpertiseArea> areas = areas().stream().collect(Collectors.toMap(ExpertiseArea::getId, a -> a));
        return em.createQuery("SELECT e FROM CollectiveExpertise e WHERE e.collectiveId = :c", CollectiveExpertise.class)
                .setParameter("c", c.getId()).getResultStream()
                .map(e -> new Declared(areas.get(e.getAreaId()), e.getDirection(), e.getNote()))
                .sorted(Comparator.comparing((Declared d) -> d.area().getPosition()))
                .toList();
    }

    public Optional<CollectiveMember> membership(Caller caller, Collective c) {
        if (caller.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(CollectiveMember.class, new CollectiveMember.Key(c.getId(), caller.accountId())));
    }

    public boolean canEdit(Caller caller, Collective c) {
        return policy.canEdit(caller, membership(caller, c));
    }

    /** The active members who chose to appear on the profile, admins first. */
    public List<AccountSummary> visibleMembers(Collective c) {
        List<CollectiveMember> members = em.createQuery(
                        "SELECT m FROM CollectiveMember m WHERE m.collectiveId = :c AND m.status = 'ACTIVE' AND m.visible = TRUE",
                        CollectiveMember.class)
                .setParameter("c", c.getId()).getResultList();
        Map<Long, AccountSummary> summaries = accounts.summaries(members.stream().map(CollectiveMember::getAccountId).toList());
        return members.stream()
                .sorted(Comparator.comparing((CollectiveMember m) -> !m.isAdmin()).thenComparing(m -> summaries.get(m.getAccountId()).displayName()))
                .map(m -> summaries.get(m.getAccountId())).toList();
    }

    /** Creates a collective; the caller becomes its admin (appearing on the profile if {@code visible}). */
    public Collective create(Caller me, CollectiveDraft draft, boolean visible) {
        requireMember(me);
        CollectiveDraft.Checked d = draft.check();
        if (collective(d.slug()).isPresent()) {
            throw new BusinessException("directory.slug.taken", "slug");
        }
        Rendered html = render(d.presentation());
        Instant now = clock.instant();
        Collective c = new Collective(d.slug(), me.accountId(), now);
        c.describe(d, html.html(), html.version(), now);
        em.persist(c);
        em.flush();
        em.persist(new CollectiveMember(c.getId(), me.accountId(), CollectiveMember.ADMIN, CollectiveMember.ACTIVE, visible, now));
        writeDetails(c, d, offeredAreas(null));
        media.used(DirectoryMediaHolder.KIND, c.getId(), html.html());
        changes.fire(new DirectoryIndex.Changed());
        return c;
    }

    /** Edits a collective; only its admins may. Its address never changes. */
    public Collective edit(Caller me, String slug, CollectiveDraft draft) {
        requireMember(me);
        Collective c = collective(slug).orElseThrow(() -> new BusinessException("directory.unknown", null));
        policy.requireCanEdit(me, membership(me, c));
        CollectiveDraft withSlug = new CollectiveDraft(draft.name(), c.getSlug(), draft.presentation(), draft.kind(),
                draft.region(), draft.sizeBand(), draft.website(), draft.apps(), draft.expertise());
        CollectiveDraft.Checked d = withSlug.check();
        Rendered html = render(d.presentation());
        List<ExpertiseArea> offered = offeredAreas(c);
        c.describe(d, html.html(), html.version(), clock.instant());
        em.createQuery("DELETE FROM CollectiveApp a WHERE a.collectiveId = :c").setParameter("c", c.getId()).executeUpdate();
        em.createQuery("DELETE FROM CollectiveExpertise e WHERE e.collectiveId = :c").setParameter("c", c.getId()).executeUpdate();
        writeDetails(c, d, offered);
        media.used(DirectoryMediaHolder.KIND, c.getId(), html.html());
        changes.fire(new DirectoryIndex.Changed());
        return c;
    }

    /** A member chooses whether they appear on their collective's public profile. */
    public void setVisible(Caller me, String slug, boolean visible) {
        requireMember(me);
        Collective c = collective(slug).orElseThrow(() -> new BusinessException("directory.unknown", null));
        CollectiveMember m = membership(me, c).filter(CollectiveMember::isActive)
                .orElseThrow(() -> new BusinessException("directory.member.notMember", null));
        m.setVisible(visible);
    }

    /** A member as the collective's admins see them. */
    public record Member(AccountSummary account, CollectiveMember membership) {
    }

    /** Every member, invited ones included (for the collective's admins). */
    public List<Member> members(Caller me, Collective c) {
        if (!canEdit(me, c)) {
            return List.of();
        }
        List<CollectiveMember> members = em.createQuery(
                "SELECT m FROM CollectiveMember m WHERE m.collectiveId = :c", CollectiveMember.class)
                .setParameter("c", c.getId()).getResultList();
        Map<Long, AccountSummary> summaries = accounts.summaries(members.stream().map(CollectiveMember::getAccountId).toList());
        return members.stream().map(m -> new Member(summaries.get(m.getAccountId()), m))
                .sorted(Comparator.comparing((Member m) -> m.account().username())).toList();
    }

    /**
     * An admin invites a member by username; the member then accepts (or declines) on the
     * collective's profile, where their notification (written once this transaction commits) leads.
     */
    public void invite(Caller me, String slug, String username) {
        Collective c = administered(me, slug);
        AccountSummary account = target(username);
        if (em.find(CollectiveMember.class, new CollectiveMember.Key(c.getId(), account.id())) != null) {
            throw new BusinessException("directory.member.already", "username");
        }
        em.persist(new CollectiveMember(c.getId(), account.id(), CollectiveMember.MEMBER, CollectiveMember.INVITED, false, clock.instant()));
        notices.fire(new Notice(account.id(), me.accountId(), "directory.notice.invited", c.getName(), null,
                "/voisins/" + c.getSlug() + "#invitation-box"));
    }

    /** The invited member accepts. */
    public void accept(Caller me, String slug) {
        requireMember(me);
        Collective c = collective(slug).orElseThrow(() -> new BusinessException("directory.unknown", null));
        CollectiveMember m = membership(me, c).filter(x -> !x.isActive())
                .orElseThrow(() -> new BusinessException("directory.member.notInvited", null));
        m.activate();
    }

    /** A member leaves (or declines an invitation); the last admin cannot. */
    public void leave(Caller me, String slug) {
        requireMember(me);
        Collective c = locked(slug);
        CollectiveMember m = membership(me, c).orElseThrow(() -> new BusinessException("directory.member.notMember", null));
        removeKeepingAnAdmin(c, m);
    }

    /** An admin removes a member; the last admin stays. */
    public void remove(Caller me, String slug, String username) {
        Collective c = administered(me, slug);
        CollectiveMember m = memberNamed(c, username);
        removeKeepingAnAdmin(c, m);
    }

    /** An admin makes an active member an admin too. */
    public void appoint(Caller me, String slug, String username) {
        Collective c = administered(me, slug);
        CollectiveMember m = memberNamed(c, username);
        if (!m.isActive()) {
            throw new BusinessException("directory.member.notActive", "username");
        }
        m.appoint();
    }

    private void removeKeepingAnAdmin(Collective c, CollectiveMember m) {
        if (m.isAdmin()) {
            Long admins = em.createQuery("SELECT COUNT(m) FROM CollectiveMember m WHERE m.collectiveId = :c "
                    + "AND m.role = 'ADMIN' AND m.status = 'ACTIVE'", Long.class).setParameter("c", c.getId()).getSingleResult();
            if (!DirectoryPolicy.mayGo(m, admins)) {
                throw new BusinessException("directory.member.lastAdmin", null);
            }
        }
        em.remove(m);
    }

    private Collective administered(Caller me, String slug) {
        requireMember(me);
        Collective c = locked(slug);
        policy.requireCanEdit(me, membership(me, c));
        return c;
    }

    /** The collective, its row locked until the end of the transaction (changes of admins are serialized). */
    private Collective locked(String slug) {
        return em.createQuery("SELECT c FROM Collective c WHERE c.slug = :slug", Collective.class)
                .setParameter("slug", slug).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElseThrow(() -> new BusinessException("directory.unknown", null));
    }

    private AccountSummary target(String username) {
        if (username == null || username.isBlank()) {
            throw new BusinessException("directory.member.usernameRequired", "username");
        }
        return accounts.summary(username.strip()).orElseThrow(() -> new BusinessException("directory.member.unknownAccount", "username"));
    }

    private CollectiveMember memberNamed(Collective c, String username) {
        AccountSummary account = target(username);
        return Optional.ofNullable(em.find(CollectiveMember.class, new CollectiveMember.Key(c.getId(), account.id())))
                .orElseThrow(() -> new BusinessException("directory.member.notInCollective", "username"));
    }

    /** Writes the apps and the expertise; an area not {@code offered} (unknown, or retired and not already declared) is refused. */
    private void writeDetails(Collective c, CollectiveDraft.Checked d, List<ExpertiseArea> offered) {
        for (String app : d.apps()) {
            em.persist(new CollectiveApp(c.getId(), app));
        }
        Map<String, ExpertiseArea> bySlug = offered.stream().collect(Collectors.toMap(ExpertiseArea::getSlug, a -> a));
        for (Map.Entry<String, CollectiveDraft.Expertise> e : d.expertise().entrySet()) {
            ExpertiseArea area = bySlug.get(e.getKey());
            if (area == null) {
                throw new BusinessException("directory.area.unknown", null);
            }
            em.persist(new CollectiveExpertise(c.getId(), area.getId(), e.getValue().direction(), e.getValue().note()));
        }
        em.flush();
    }

    private void requireMember(Caller caller) {
        policy.requireMember(caller);
    }

    private Rendered render(String markdown) {
        try {
            return this.markdown.render(markdown);
        } catch (ContentTooLargeException e) {
            throw new BusinessException("directory.presentation.tooLong", "presentation", CollectiveDraft.PRESENTATION_MAX);
        }
    }

    // --- A member's own data (#13: « Vos données »), by account id.

    /** Every membership of the member (invitations included), with its collective. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CollectiveMember> membershipsOf(long accountId) {
        return em.createQuery("SELECT m FROM CollectiveMember m WHERE m.accountId = :account ORDER BY m.createdAt", CollectiveMember.class)
                .setParameter("account", accountId).getResultList();
    }

    /** A collective and how many active members it has besides one account. */
    public record Held(Collective collective, long otherMembers) {
    }

    /**
     * The collectives whose only active admin this account is, each with its other active members:
     * before the account is erased, a collective with other members needs another admin
     * (docs/adr/0025); one without stays without an admin until the site's administration names one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Held> soleAdminOf(long accountId) {
        List<Collective> held = em.createQuery("SELECT c FROM Collective c WHERE c.id IN (SELECT m.collectiveId FROM CollectiveMember m"
                        + " WHERE m.accountId = :me AND m.role = 'ADMIN' AND m.status = 'ACTIVE') AND NOT EXISTS (SELECT o FROM CollectiveMember o"
                        + " WHERE o.collectiveId = c.id AND o.accountId <> :me AND o.role = 'ADMIN' AND o.status = 'ACTIVE') ORDER BY c.name",
                Collective.class).setParameter("me", accountId).getResultList();
        return held.stream().map(c -> new Held(c, em.createQuery("SELECT COUNT(m) FROM CollectiveMember m WHERE m.collectiveId = :c"
                        + " AND m.accountId <> :me AND m.status = 'ACTIVE'", Long.class)
                .setParameter("c", c.getId()).setParameter("me", accountId).getSingleResult())).toList();
    }

    /** Collectives without any active admin (their admin erased their account alone), for the site's administration. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Collective> withoutAdmin(Caller me) {
        requireSiteAdmin(me);
        return em.createQuery("SELECT c FROM Collective c WHERE NOT EXISTS (SELECT m FROM CollectiveMember m WHERE m.collectiveId = c.id"
                + " AND m.role = 'ADMIN' AND m.status = 'ACTIVE') ORDER BY c.name", Collective.class).setMaxResults(200).getResultList();
    }

    /**
     * The site's administration hands a collective over (docs/adr/0025): the account becomes one of
     * its active admins (added if it was not a member, appointed if it was), and is told. For a
     * collective left without an admin, or whose admins are gone; the caller journals it.
     *
     * @return the collective
     */
    public Collective nameAdminBySite(Caller me, String typedSlug, long accountId) {
        requireSiteAdmin(me);
        String slug = typedSlug == null ? "" : typedSlug.strip().replaceFirst("^.*/voisins/", "").replaceAll("[/?#].*$", "");
        if (slug.isEmpty()) {
            throw new BusinessException("directory.handover.collectiveRequired", "collective");
        }
        Collective c = em.createQuery("SELECT c FROM Collective c WHERE c.slug = :slug", Collective.class)
                .setParameter("slug", slug).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElseThrow(() -> new BusinessException("directory.handover.unknown", "collective"));
        CollectiveMember m = em.find(CollectiveMember.class, new CollectiveMember.Key(c.getId(), accountId));
        if (m != null && m.isAdmin()) {
            throw new BusinessException("directory.handover.already", null);
        }
        if (m == null) {
            em.persist(new CollectiveMember(c.getId(), accountId, CollectiveMember.ADMIN, CollectiveMember.ACTIVE, false, clock.instant()));
        } else {
            m.activate();
            m.appoint();
        }
        notices.fire(new Notice(accountId, me.accountId(), "directory.notice.handedOver", c.getName(), null, "/voisins/" + c.getSlug()));
        return c;
    }

    private static void requireSiteAdmin(Caller me) {
        if (me.isAnonymous() || !me.admin()) {
            throw new BusinessException("directory.handover.adminOnly", null);
        }
    }

    /**
     * The member deleted their account: every membership and invitation goes (they no longer
     * appear on any collective's page). The erasure was refused if they were the only admin of a
     * collective with other members ({@link #soleAdminOf}); a collective they ran alone keeps its
     * page without an admin until the site's administration hands it over ({@link #nameAdminBySite}).
     *
     * @return how many memberships were removed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int removeMembershipsOf(long accountId) {
        List<CollectiveMember> memberships = membershipsOf(accountId);
        memberships.forEach(em::remove);
        return memberships.size();
    }
}
