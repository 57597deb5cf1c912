package fr.mare.platform;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.IntToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The retry rule of write transactions, without the container (so {@code RetriesTest} checks it
 * alone): which failures are worth a new try, how many tries, how long to wait between them.
 * <p>
 * Worth a new try: a transaction MariaDB aborted for lock contention — a deadlock (error 1213,
 * SQLState 40001) or a lock wait timeout (error 1205, SQLState HY000, which the driver may also
 * report as a timeout) — wherever it sits in the chain of causes (JPA, EclipseLink, JTA
 * rollback, driver). Nothing else: a business refusal, a constraint violation or a lost
 * connection fails at once.
 */
public final class Retries {

    /** Tries in all, the first included. */
    public static final int TRIES = 3;

    /** The first wait's base; each next one doubles, plus up to as much again at random. */
    public static final long BASE_BACKOFF_MILLIS = 15;

    private static final int ER_LOCK_DEADLOCK = 1213;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

    private static final Logger LOG = Logger.getLogger(Retries.class.getName());

    private Retries() {
    }

    /** One run of the work: the whole transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /** How the wait between two tries is spent (a real sleep, or a test's recorder). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** Whether {@code failure} is a transaction aborted for lock contention (deadlock or lock wait timeout). */
    public static boolean isLockContention(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        addIfPresent(todo, failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                if (sql.getErrorCode() == ER_LOCK_DEADLOCK || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT
                        || "40001".equals(sql.getSQLState())) {
                    return true;
                }
                addIfPresent(todo, sql.getNextException());
            }
            addIfPresent(todo, t.getCause());
            for (Throwable suppressed : t.getSuppressed()) {
                addIfPresent(todo, suppressed);
            }
        }
        return false;
    }

    private static void addIfPresent(Deque<Throwable> todo, Throwable t) {
        if (t != null) {
            todo.add(t);
        }
    }

    /** The wait before try {@code next} (2, 3…): 15–30 ms, then 30–60 ms… */
    public static long backoff(int next, java.util.random.RandomGenerator random) {
        long base = BASE_BACKOFF_MILLIS << Math.max(0, next - 2);
        return base + random.nextLong(base + 1);
    }

    /**
     * Runs {@code work} up to {@code tries} times while it fails for lock contention, waiting
     * {@code backoff.applyAsLong(next try)} in between; any other failure, or the last one, is
     * thrown as it came. {@code name} says what in the log.
     */
    public static <T> T run(String name, Work<T> work, int tries, IntToLongFunction backoff, Sleeper sleeper) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (Exception e) {
                if (attempt >= tries || !isLockContention(e)) {
                    if (attempt > 1 && isLockContention(e)) {
                        LOG.log(Level.WARNING, "{0} : encore bloqué après {1} essais, abandon", new Object[] {name, attempt});
                    }
                    throw e;
                }
                long wait = backoff.applyAsLong(attempt + 1);
                LOG.log(Level.INFO, "{0} : transaction annulée par MariaDB (verrous), nouvel essai {1}/{2} dans {3} ms",
                        new Object[] {name, attempt + 1, tries, wait});
                sleeper.sleep(wait);
            }
        }
    }
}
