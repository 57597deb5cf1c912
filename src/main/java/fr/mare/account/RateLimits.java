package fr.mare.account;

import fr.mare.platform.BusinessException;
import fr.mare.platform.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The anti-abuse rate limits of members' writes (issue #6): how many new topics, replies and
 * contact messages a member may write per minute, hour or day — stricter for a new account
 * ({@link Newcomers}) — and how many links a new account's post may carry. Every setting is a
 * {@code mare.limits.*} key.
 * <p>
 * Where they live (docs/adr/0011): nothing here counts in memory. Each feature counts the rows it
 * already stores (forum_post by author and date, contact_conversation by sender and date…) over
 * the window, so several Mare instances sharing one database share the limits for free, and a
 * restart forgets nothing. {@link #check} first locks the member's account row, so two requests of
 * one member are counted one after the other and the limit is exact.
 * <p>
 * The demo content, loaded by Mare itself into an empty database, runs inside {@link #exempt}:
 * limits protect against people, not against the system's own import.
 */
@ApplicationScoped
public class RateLimits {

    /**
     * At most {@code max} writes in any {@code window}; {@code messageKey} tells the member, with
     * {0} = max and {1} = the newcomer days.
     */
    public record Limit(int max, Duration window, String messageKey) {
    }

    private static final ThreadLocal<Boolean> EXEMPT = ThreadLocal.withInitial(() -> false);

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Newcomers newcomers;

    @Inject
    @ConfigProperty(name = "mare.limits.topics-per-minute", defaultValue = "2")
    int topicsPerMinute;

    @Inject
    @ConfigProperty(name = "mare.limits.topics-per-hour", defaultValue = "10")
    int topicsPerHour;

    @Inject
    @ConfigProperty(name = "mare.limits.replies-per-minute", defaultValue = "6")
    int repliesPerMinute;

    @Inject
    @ConfigProperty(name = "mare.limits.replies-per-hour", defaultValue = "60")
    int repliesPerHour;

    @Inject
    @ConfigProperty(name = "mare.limits.newcomer-topics-per-minute", defaultValue = "1")
    int newcomerTopicsPerMinute;

    @Inject
    @ConfigProperty(name = "mare.limits.newcomer-topics-per-hour", defaultValue = "3")
    int newcomerTopicsPerHour;

    @Inject
    @ConfigProperty(name = "mare.limits.newcomer-replies-per-minute", defaultValue = "3")
    int newcomerRepliesPerMinute;

    @Inject
    @ConfigProperty(name = "mare.limits.newcomer-replies-per-hour", defaultValue = "20")
    int newcomerRepliesPerHour;

    @Inject
    @ConfigProperty(name = "mare.limits.newcomer-links", defaultValue = "2")
    int newcomerLinks;

    @Inject
    @ConfigProperty(name = "mare.limits.contacts-per-day", defaultValue = "5")
    int contactsPerDay;

    @Inject
    @ConfigProperty(name = "mare.limits.contact-replies-per-hour", defaultValue = "30")
    int contactRepliesPerHour;

    @Inject
    @ConfigProperty(name = "mare.limits.uploads-per-day", defaultValue = "30")
    int uploadsPerDay;

    @Inject
    @ConfigProperty(name = "mare.limits.newcomer-uploads-per-day", defaultValue = "5")
    int newcomerUploadsPerDay;

    /**
     * Runs {@code work} without rate limits nor link cap, on this thread only: for content Mare
     * loads itself (the demo), never for a request.
     */
    public static void exempt(Runnable work) {
        boolean before = EXEMPT.get();
        EXEMPT.set(true);
        try {
            work.run();
        } finally {
            EXEMPT.set(before);
        }
    }

    /** New topics: per minute and per hour, stricter for a new account. */
    public List<Limit> topics(long accountId) {
        return newcomers.isNew(accountId)
                ? perMinuteAndHour("limits.newcomer.topics", newcomerTopicsPerMinute, newcomerTopicsPerHour)
                : perMinuteAndHour("limits.topics", topicsPerMinute, topicsPerHour);
    }

    /** Replies in the forum: per minute and per hour, stricter for a new account. */
    public List<Limit> replies(long accountId) {
        return newcomers.isNew(accountId)
                ? perMinuteAndHour("limits.newcomer.replies", newcomerRepliesPerMinute, newcomerRepliesPerHour)
                : perMinuteAndHour("limits.replies", repliesPerMinute, repliesPerHour);
    }

    private static List<Limit> perMinuteAndHour(String keyPrefix, int perMinute, int perHour) {
        return List.of(new Limit(perMinute, Duration.ofMinutes(1), keyPrefix + ".minute"),
                new Limit(perHour, Duration.ofHours(1), keyPrefix + ".hour"));
    }

    /** Images uploaded (#15), per member and 24 hours, stricter for a new account. */
    public List<Limit> uploads(long accountId) {
        return newcomers.isNew(accountId)
                ? List.of(new Limit(newcomerUploadsPerDay, Duration.ofDays(1), "limits.newcomer.uploads.day"))
                : List.of(new Limit(uploadsPerDay, Duration.ofDays(1), "limits.uploads.day"));
    }

    /** New conversations started with collectives, per sender and 24 hours. */
    public List<Limit> contacts() {
        return List.of(new Limit(contactsPerDay, Duration.ofDays(1), "limits.contacts.day"));
    }

    /** Messages written in conversations (replies included), per member and hour. */
    public List<Limit> contactMessages() {
        return List.of(new Limit(contactRepliesPerHour, Duration.ofHours(1), "limits.contactMessages.hour"));
    }

    /** The most links a text of this member may carry: 0 (no cap) unless the account is new. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int linkCap(long accountId) {
        return EXEMPT.get() || !newcomers.isNew(accountId) ? 0 : newcomerLinks;
    }

    /** Refuses a text over the link cap, with {@code linkCount} counted on its rendering. */
    public void checkLinks(long accountId, int linkCount, String field) {
        int cap = linkCap(accountId);
        if (cap > 0 && linkCount > cap) {
            throw new BusinessException("limits.newcomer.links", field, cap, newcomers.days());
        }
    }

    /**
     * Refuses the write when the member already reached one of {@code limits}: {@code countSince}
     * counts the member's stored writes since an instant. Must run inside the write's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(long accountId, List<Limit> limits, Function<Instant, Long> countSince, String field) {
        if (EXEMPT.get()) {
            return;
        }
        em.createNativeQuery("SELECT id FROM account WHERE id = ? FOR UPDATE").setParameter(1, accountId).getResultList();
        Instant now = clock.instant();
        for (Limit limit : limits) {
            if (countSince.apply(now.minus(limit.window())) >= limit.max()) {
                throw new RateLimitedException(limit.messageKey(), field, limit.max(), newcomers.days());
            }
        }
    }
}
