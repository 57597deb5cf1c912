package fr.mare.platform;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retry rule of write transactions (#17): what is retried, how many times, how long apart. */
class RetriesTest {

    /** What MariaDB Connector/J throws for a deadlock, as EclipseLink and JTA wrap it. */
    private static RuntimeException deadlockAsJpaThrowsIt() {
        SQLException driver = new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction",
                "40001", 1213);
        return new PersistenceException("Exception [EclipseLink-4002]", new RuntimeException("DatabaseException", driver));
    }

    private static RuntimeException lockWaitTimeout() {
        SQLException driver = new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
        RollbackException rollback = new RollbackException("rolled back");
        rollback.initCause(new PersistenceException(driver));
        return new TransactionalException("commit failed", rollback);
    }

    @Test
    void deadlocksAndLockWaitTimeoutsAreFoundAnywhereInTheChain() {
        assertTrue(Retries.isLockContention(deadlockAsJpaThrowsIt()));
        assertTrue(Retries.isLockContention(lockWaitTimeout()));
        assertTrue(Retries.isLockContention(new SQLException("deadlock", "40001", 0)), "by SQLState alone");
        assertTrue(Retries.isLockContention(new PessimisticLockException("locked")));
        SQLException chained = new SQLException("batch failed", "HY000", 0);
        chained.setNextException(new SQLException("Deadlock found", "40001", 1213));
        assertTrue(Retries.isLockContention(new PersistenceException(chained)), "in a SQLException's next exceptions");
        RuntimeException suppressed = new RuntimeException("close failed");
        suppressed.addSuppressed(deadlockAsJpaThrowsIt());
        assertTrue(Retries.isLockContention(suppressed), "in suppressed exceptions");
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertFalse(Retries.isLockContention(new BusinessException("forum.post.gone", null)));
        assertFalse(Retries.isLockContention(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))));
        assertFalse(Retries.isLockContention(new PersistenceException(new SQLException("Connection refused", "08000", 0))));
        assertFalse(Retries.isLockContention(new SQLException("Lock wait", "HY000", 1204)));
        RuntimeException loop = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", loop);
        loop.initCause(other);
        assertFalse(Retries.isLockContention(loop), "a cycle of causes ends");
    }

    @Test
    void aDeadlockedTransactionIsRunAgainUntilItSucceeds() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        List<Long> waits = new ArrayList<>();
        String result = Retries.run("essai", () -> {
            if (runs.incrementAndGet() < 3) {
                throw deadlockAsJpaThrowsIt();
            }
            return "publié";
        }, Retries.TRIES, next -> next * 10L, waits::add);
        assertEquals("publié", result);
        assertEquals(3, runs.get(), "the whole work again, each time");
        assertEquals(List.of(20L, 30L), waits, "a wait before each new try");
    }

    @Test
    void triesAreBoundedAndTheLastFailureComesOut() {
        AtomicInteger runs = new AtomicInteger();
        RuntimeException last = deadlockAsJpaThrowsIt();
        Exception thrown = assertThrows(Exception.class, () -> Retries.run("essai", () -> {
            runs.incrementAndGet();
            throw last;
        }, Retries.TRIES, next -> 0, millis -> { }));
        assertSame(last, thrown);
        assertEquals(Retries.TRIES, runs.get());
        assertEquals(3, Retries.TRIES);
    }

    @Test
    void anyOtherFailureStopsAtOnce() {
        AtomicInteger runs = new AtomicInteger();
        BusinessException refusal = new BusinessException("forum.topic.locked", "body");
        Exception thrown = assertThrows(Exception.class, () -> Retries.run("essai", () -> {
            runs.incrementAndGet();
            throw refusal;
        }, Retries.TRIES, next -> 0, millis -> { }));
        assertSame(refusal, thrown);
        assertEquals(1, runs.get(), "a refusal is never tried twice");
    }

    @Test
    void backOffGrowsWithJitterWithinBounds() {
        Random random = new Random(17);
        for (int i = 0; i < 1000; i++) {
            long second = Retries.backoff(2, random);
            long third = Retries.backoff(3, random);
            assertTrue(second >= 15 && second <= 30, "before try 2: " + second);
            assertTrue(third >= 30 && third <= 60, "before try 3: " + third);
        }
    }
}
