package fr.mare.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one definition of a <em>new account</em>, shared by every anti-abuse rule (stricter rate
 * limits, the cap on links, whose reports count towards automatic hiding): an account created
 * less than {@code mare.newcomer.days} days ago (7 by default). Staff accounts are never new.
 * <p>
 * Age alone, on purpose: it needs no counting, cannot be gamed by posting filler, and a member
 * reads it plainly (« les comptes de moins de 7 jours »). The separate rule « the first posts of
 * an account wait for validation » counts approved posts, in the forum.
 */
@ApplicationScoped
public class Newcomers {

    @PersistenceContext
    private EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mare.newcomer.days", defaultValue = "7")
    int days;

    /** Whether the account is new now; an unknown account counts as new (the safe side). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isNew(long accountId) {
        Account account = em.find(Account.class, accountId);
        return account == null || isNew(account.getRole(), account.getCreatedAt(), clock.instant());
    }

    /** The rule itself, for callers that already hold the account. */
    public boolean isNew(Role role, Instant createdAt, Instant now) {
        return role == Role.MEMBER && createdAt.plus(Duration.ofDays(days)).isAfter(now);
    }

    public int days() {
        return days;
    }
}
