package fr.mare.platform;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers the last write the database refused for lack of space, so that {@code /health}
 * says DOWN (« espace disque plein ») while writes fail: until {@link #WINDOW} has passed
 * without another such refusal.
 * A probe would have to write on every health check; the refusals themselves are the signal.
 */
@ApplicationScoped
public class DiskSpace {

    static final Duration WINDOW = Duration.ofMinutes(2);
    private volatile Instant lastRefusal;

    public void recordRefusal() {
        lastRefusal = Instant.now();
    }

    /** True while a write was refused for lack of space less than {@link #WINDOW} ago. */
    public boolean full() {
        Instant last = lastRefusal;
        return last != null && Instant.now().isBefore(last.plus(WINDOW));
    }
}
