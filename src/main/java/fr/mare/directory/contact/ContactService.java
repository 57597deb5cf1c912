package fr.mare.directory.contact;

import fr.mare.platform.Retryable;
import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.account.RateLimits;
import fr.mare.directory.Collective;
import fr.mare.directory.DirectoryService;
import fr.mare.markdown.ContentTooLargeException;
import fr.mare.markdown.Markdown;
import fr.mare.markdown.Rendered;
import fr.mare.notification.Notice;
import fr.mare.platform.BusinessException;
import fr.mare.platform.BusinessExceptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * « Contacter ce collectif »: starts conversations between a member and a collective's admins,
 * adds replies, lists and shows them to their parties only ({@link ContactPolicy}), and lets
 * moderation hide or restore one message. Texts go through the one Markdown pipeline. Each new
 * message tells the other side (every admin, or the sender) with a {@link Notice}. New
 * conversations and messages are rate-limited per member ({@link RateLimits}); broken rules are
 * {@link BusinessException}s with {@code contact.*} or {@code limits.*} keys, on the field
 * {@code subject} or {@code body}.
 */
@ApplicationScoped
@Transactional
@Retryable
public class ContactService {

    public static final int SUBJECT_MIN = 3;
    public static final int SUBJECT_MAX = 120;
    public static final int BODY_MAX = 10_000;
    private static final int LIST_MAX = 200;

    /** A conversation in a member's list, with its collective and sender. */
    public record Row(Conversation conversation, Collective collective, AccountSummary sender, boolean sentByMe) {
    }

    /** A message as its readers see it, with its author. */
    public record Item(ContactMessage message, AccountSummary author) {
    }

    /** One message for moderation: the message (hidden or not), its author, its conversation, its Markdown text. */
    public record Found(ContactMessage message, AccountSummary author, Conversation conversation, String text) {
    }

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ContactPolicy policy;

    @Inject
    private DirectoryService directory;

    @Inject
    private AccountService accounts;

    @Inject
    private RateLimits limits;

    @Inject
    private Event<Notice> notices;

    @Inject
    private Markdown markdown;

    /**
     * Starts a conversation with a collective's admins (never one's own collective), within
     * {@code mare.limits.contacts-per-day}; every admin is notified.
     */
    public Conversation start(Caller me, String collectiveSlug, String typedSubject, String markdown) {
        policy.requireMember(me);
        Collective collective = directory.collective(collectiveSlug)
                .orElseThrow(() -> new BusinessException("contact.collective.unknown", null));
        Set<Long> admins = admins(collective.getId());
        policy.requireCanContact(me, admins.contains(me.accountId()));
        // Subject and message checked together (#14): one submit tells both.
        BusinessExceptions.Collector checks = new BusinessExceptions.Collector();
        String subject = checks.check(() -> subject(typedSubject));
        Rendered body = checks.check(() -> render(me, markdown));
        checks.throwIfAny();
        limits.check(me.accountId(), limits.contacts(), since -> em.createQuery(
                        "SELECT COUNT(c) FROM Conversation c WHERE c.senderId = :me AND c.createdAt > :since", Long.class)
                .setParameter("me", me.accountId()).setParameter("since", since).getSingleResult(), "body");
        checkMessages(me);
        Instant now = clock.instant();
        Conversation conversation = new Conversation(collective.getId(), me.accountId(), subject, now);
        em.persist(conversation);
        em.flush();
        ContactMessage first = add(me, conversation, markdown, body, now);
        for (long admin : admins) {
            notices.fire(new Notice(admin, me.accountId(), "contact.notice.started", subject, collective.getName(), link(first)));
        }
        return conversation;
    }

    /** Adds a reply; only a party may, within {@code mare.limits.contact-replies-per-hour}; the other side is notified. */
    public ContactMessage reply(Caller me, long conversationId, String markdown) {
        policy.requireMember(me);
        Conversation conversation = em.find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
        if (conversation == null) {
            throw new BusinessException("contact.unknown", null);
        }
        Set<Long> admins = admins(conversation.getCollectiveId());
        policy.requireParty(me, conversation, admins.contains(me.accountId()));
        Rendered body = render(me, markdown);
        checkMessages(me);
        ContactMessage message = add(me, conversation, markdown, body, clock.instant());
        // The other side: every admin when the sender writes, the sender when an admin does.
        Set<Long> others = me.is(conversation.getSenderId()) ? admins : Set.of(conversation.getSenderId());
        String collective = em.find(Collective.class, conversation.getCollectiveId()).getName();
        for (long other : others) {
            notices.fire(new Notice(other, me.accountId(), "contact.notice.replied", conversation.getSubject(), collective, link(message)));
        }
        return message;
    }

    private static String link(ContactMessage message) {
        return "/messages/" + message.getConversationId() + "#message-" + message.getId();
    }

    private void checkMessages(Caller me) {
        limits.check(me.accountId(), limits.contactMessages(), since -> em.createQuery(
                        "SELECT COUNT(m) FROM ContactMessage m WHERE m.authorId = :me AND m.createdAt > :since", Long.class)
                .setParameter("me", me.accountId()).setParameter("since", since).getSingleResult(), "body");
    }

    private ContactMessage add(Caller me, Conversation conversation, String markdown, Rendered body, Instant now) {
        ContactMessage message = new ContactMessage(conversation.getId(), me.accountId(), markdown, body.html(), body.version(), now);
        em.persist(message);
        conversation.added(now);
        em.flush();
        return message;
    }

    /** The conversation, if it exists and the caller is one of its parties (empty otherwise: nobody learns it exists). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Conversation> conversation(Caller me, long id) {
        if (me.isAnonymous()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Conversation.class, id))
                .filter(c -> policy.isParty(me, c, admins(c.getCollectiveId()).contains(me.accountId())));
    }

    /** The collective a conversation was started with. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Collective collectiveOf(Conversation conversation) {
        return em.find(Collective.class, conversation.getCollectiveId());
    }

    /** A conversation's messages, oldest first, for one of its parties. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Item> messages(Caller me, Conversation conversation) {
        policy.requireParty(me, conversation, admins(conversation.getCollectiveId()).contains(me.accountId()));
        List<ContactMessage> messages = em.createQuery("SELECT m FROM ContactMessage m WHERE m.conversationId = :c"
                        + " ORDER BY m.createdAt, m.id", ContactMessage.class)
                .setParameter("c", conversation.getId()).getResultList();
        Map<Long, AccountSummary> authors = accounts.summaries(messages.stream().map(ContactMessage::getAuthorId).collect(Collectors.toSet()));
        return messages.stream().map(m -> new Item(m, authors.get(m.getAuthorId()))).toList();
    }

    /** The caller's conversations, as sender or as an admin of the collective, latest activity first (at most 200). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Row> conversations(Caller me) {
        if (me.isAnonymous()) {
            return List.of();
        }
        List<Conversation> found = em.createQuery("SELECT c FROM Conversation c WHERE c.senderId = :me OR c.collectiveId IN"
                        + " (SELECT m.collectiveId FROM CollectiveMember m WHERE m.accountId = :me AND m.role = 'ADMIN'"
                        + " AND m.status = 'ACTIVE') ORDER BY c.lastMessageAt DESC, c.id DESC", Conversation.class)
                .setParameter("me", me.accountId()).setMaxResults(LIST_MAX).getResultList();
        Map<Long, AccountSummary> senders = accounts.summaries(found.stream().map(Conversation::getSenderId).collect(Collectors.toSet()));
        Map<Long, Collective> collectives = new java.util.HashMap<>();
        for (Conversation c : found) {
            collectives.computeIfAbsent(c.getCollectiveId(), id -> em.find(Collective.class, id));
        }
        return found.stream().map(c -> new Row(c, collectives.get(c.getCollectiveId()), senders.get(c.getSenderId()),
                me.is(c.getSenderId()))).toList();
    }

    /** Whether the caller may start a conversation with this collective (logged in, not one of its admins). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean canContact(Caller me, Collective collective) {
        return policy.canContact(me, !me.isAnonymous() && admins(collective.getId()).contains(me.accountId()));
    }

    /** The collective's current active admins: the other side of its conversations. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> admins(long collectiveId) {
        return new HashSet<>(em.createQuery("SELECT m.accountId FROM CollectiveMember m WHERE m.collectiveId = :c"
                        + " AND m.role = 'ADMIN' AND m.status = 'ACTIVE'", Long.class)
                .setParameter("c", collectiveId).getResultList());
    }

    /** Server-side preview: the same pipeline as sending, nothing saved. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String preview(String markdown) {
        return render(Caller.ANONYMOUS, markdown).html();
    }

    // --- A member's own data (#13: « Vos données »), by account id ---

    /** One conversation of a member's export: with whom, from which side, and its messages (oldest first). */
    public record Exported(Conversation conversation, Collective collective, boolean sentByMe, List<Item> messages) {
    }

    /**
     * The conversations a member wrote or received: those they started, those of the collectives
     * they administer now, and any other they wrote in (an admin who left since). Oldest first, at
     * most {@code max}. Each with all its messages, as the member reads (or read) them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Exported> exportFor(long accountId, int max) {
        List<Conversation> found = em.createQuery("SELECT c FROM Conversation c WHERE c.senderId = :me OR c.collectiveId IN"
                        + " (SELECT m.collectiveId FROM CollectiveMember m WHERE m.accountId = :me AND m.role = 'ADMIN'"
                        + " AND m.status = 'ACTIVE') OR c.id IN (SELECT x.conversationId FROM ContactMessage x WHERE x.authorId = :me)"
                        + " ORDER BY c.createdAt, c.id", Conversation.class)
                .setParameter("me", accountId).setMaxResults(max).getResultList();
        List<Exported> exported = new java.util.ArrayList<>();
        Map<Long, Collective> collectives = new java.util.HashMap<>();
        for (Conversation c : found) {
            List<ContactMessage> messages = em.createQuery("SELECT m FROM ContactMessage m WHERE m.conversationId = :c"
                    + " ORDER BY m.createdAt, m.id", ContactMessage.class).setParameter("c", c.getId()).getResultList();
            Map<Long, AccountSummary> authors = accounts.summaries(messages.stream().map(ContactMessage::getAuthorId).collect(Collectors.toSet()));
            exported.add(new Exported(c, collectives.computeIfAbsent(c.getCollectiveId(), id -> em.find(Collective.class, id)),
                    c.getSenderId() == accountId, messages.stream().map(m -> new Item(m, authors.get(m.getAuthorId()))).toList()));
        }
        return exported;
    }

    // --- for moderation (the « message » report target) ---

    /** One message with its author, conversation and Markdown text, hidden or not; no caller check (moderation checks its own). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Found> message(long id) {
        ContactMessage message = em.find(ContactMessage.class, id);
        if (message == null) {
            return Optional.empty();
        }
        AccountSummary author = accounts.summaries(Set.of(message.getAuthorId())).get(message.getAuthorId());
        return Optional.of(new Found(message, author, em.find(Conversation.class, message.getConversationId()),
                message.getBodyMarkdown()));
    }

    /** Hides a message (moderators only); its readers then see « masqué par la modération : reason ». */
    public void hide(Caller moderator, long messageId, String typedReason) {
        moderator.requireModerator("contact.moderatorOnly");
        String reason = typedReason == null ? "" : typedReason.strip();
        if (reason.isEmpty() || reason.length() > ContactMessage.REASON_MAX) {
            throw new BusinessException("contact.hide.reason", "reason", ContactMessage.REASON_MAX);
        }
        requireMessage(messageId).hide(moderator.accountId(), reason, clock.instant());
    }

    /** Shows a hidden message again (moderators only). */
    public void restore(Caller moderator, long messageId) {
        moderator.requireModerator("contact.moderatorOnly");
        requireMessage(messageId).restore();
    }

    private ContactMessage requireMessage(long id) {
        ContactMessage message = em.find(ContactMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            throw new BusinessException("contact.message.unknown", null);
        }
        return message;
    }

    private Rendered render(Caller me, String markdown) {
        if (markdown == null || markdown.isBlank()) {
            throw new BusinessException("contact.body.required", "body");
        }
        if (markdown.length() > BODY_MAX) {
            throw new BusinessException("contact.body.tooLong", "body", BODY_MAX);
        }
        Rendered rendered;
        try {
            rendered = this.markdown.render(markdown);
        } catch (ContentTooLargeException e) {
            throw new BusinessException("contact.body.tooLong", "body", BODY_MAX);
        }
        if (!me.isAnonymous()) {
            limits.checkLinks(me.accountId(), rendered.linkCount(), "body");
        }
        return rendered;
    }

    private static String subject(String typed) {
        String subject = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        int length = subject.codePointCount(0, subject.length());
        if (length < SUBJECT_MIN || length > SUBJECT_MAX) {
            throw new BusinessException("contact.subject.length", "subject", SUBJECT_MIN, SUBJECT_MAX);
        }
        return subject;
    }
}
