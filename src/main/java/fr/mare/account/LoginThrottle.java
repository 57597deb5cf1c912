package fr.mare.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. After {@code mare.login.max-failures} failed logins for one
 * name (5 by default), or {@code mare.login.max-failures-per-address} from one address (20),
 * further attempts are refused until a delay has passed: {@code mare.login.delay-seconds}
 * (30 s), doubling with each further failure, at most 15 minutes. A correct password after the
 * delay works and clears the name's count.
 * <p>
 * The name is counted whether or not an account has it, so the throttle tells nothing about
 * which accounts exist. Refused attempts are not hashed at all, which also protects the CPU
 * (one PBKDF2 check costs ~150 ms). Counters live in this node's memory, unlike the write limits
 * ({@link RateLimits}, counted in the database: ADR 0011); with several nodes, each throttles on
 * its own until this moves to the database too. Entries are forgotten an hour after the
 * last failure.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mare.login.max-failures", defaultValue = "5")
    int maxFailuresPerName;

    @Inject
    @ConfigProperty(name = "mare.login.max-failures-per-address", defaultValue = "20")
    int maxFailuresPerAddress;

    @Inject
    @ConfigProperty(name = "mare.login.delay-seconds", defaultValue = "30")
    long delaySeconds;

    private record Failures(int count, Instant last) {
    }

    /** How long the caller must still wait before trying again; zero when they may try now. */
    public Duration remainingWait(String typedUsername, String address) {
        Instant now = clock.instant();
        Duration byName = wait(nameKey(typedUsername), maxFailuresPerName, now);
        Duration byAddress = wait(addressKey(address), maxFailuresPerAddress, now);
        return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    }

    /** A wait in whole seconds for a message, at least one. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public void recordFailure(String typedUsername, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_ENTRIES) {
            failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
        }
        failures.merge(nameKey(typedUsername), new Failures(1, now), (old, one) -> increment(old, now));
        failures.merge(addressKey(address), new Failures(1, now), (old, one) -> increment(old, now));
    }

    public void recordSuccess(String typedUsername) {
        failures.remove(nameKey(typedUsername));
    }

    private Failures increment(Failures old, Instant now) {
        int count = old.last().plus(FORGET_AFTER).isBefore(now) ? 1 : old.count() + 1;
        return new Failures(count, now);
    }

    private Duration wait(String key, int threshold, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < threshold) {
            return Duration.ZERO;
        }
        int extra = Math.min(f.count() - threshold, 10);
        Duration delay = Duration.ofSeconds(delaySeconds).multipliedBy(1L << extra);
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        Duration remaining = Duration.between(now, f.last().plus(delay));
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    private static String nameKey(String typedUsername) {
        String name = typedUsername == null ? "" : typedUsername;
        try {
            return "name:" + Usernames.parse(name).canonical();
        } catch (InvalidUsernameException e) {
            return "name:" + name.strip().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
