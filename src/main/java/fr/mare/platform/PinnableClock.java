package fr.mare.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The application's clock: the system's UTC time, unless the current thread has pinned it to an
 * instant with {@link #at}. Only the demo does that (ADR 0028): it writes its past through the
 * ordinary services, each write stamped with the day it tells of, so every date the services
 * derive (last activity, revisions, journal, review dates) agrees with the others. Other threads
 * never see a pinned instant.
 */
public final class PinnableClock extends Clock {

    private static final ThreadLocal<Instant> PINNED = new ThreadLocal<>();

    private final Clock system = Clock.systemUTC();

    /** Runs {@code work} with the application clock reading {@code instant} on this thread, then restores it. */
    public static <T> T at(Instant instant, Supplier<T> work) {
        Instant before = PINNED.get();
        PINNED.set(instant);
        try {
            return work.get();
        } finally {
            if (before == null) {
                PINNED.remove();
            } else {
                PINNED.set(before);
            }
        }
    }

    /** The same, for work that returns nothing. */
    public static void at(Instant instant, Runnable work) {
        at(instant, () -> {
            work.run();
            return null;
        });
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : Clock.system(zone);
    }

    @Override
    public Instant instant() {
        Instant pinned = PINNED.get();
        return pinned != null ? pinned : system.instant();
    }
}
