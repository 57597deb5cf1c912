package fr.mare.platform;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a {@link Retryable} method again when MariaDB aborted its transaction for lock
 * contention ({@link Retries}). Its priority puts it outside Jakarta Transactions'
 * {@code @Transactional} interceptors ({@code PLATFORM_BEFORE + 200}): each try is a whole new
 * transaction, begun and ended inside this one's {@code proceed()}, so a retried write was rolled
 * back before it is tried again and is never committed twice.
 * <p>
 * It retries only when no transaction is active on entry (the method's own {@code @Transactional}
 * begins it). Called inside someone else's transaction, the aborted work belongs to that caller:
 * the failure goes up to it unchanged, and that caller's own {@code @Retryable}, if any, starts
 * over from its beginning. Tries exhausted, the person gets {@code common.busy} (a
 * {@link BusinessException}: a message and their text kept, not an error page).
 */
@Retryable
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetryInterceptor {

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @jakarta.inject.Inject
    private DiskSpace diskSpace;

    @AroundInvoke
    public Object retry(InvocationContext invocation) throws Exception {
        if (transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed();
        }
        String name = invocation.getMethod().getDeclaringClass().getSimpleName() + "." + invocation.getMethod().getName();
        try {
            return Retries.run(name, invocation::proceed, Retries.TRIES,
                    next -> Retries.backoff(next, ThreadLocalRandom.current()), Thread::sleep);
        } catch (Exception e) {
            if (DiskFullException.isCauseOf(e)) {
                // Issue #17 (R4): a message and the text kept, not a 500; /health says DOWN.
                diskSpace.recordRefusal();
                BusinessException full = new BusinessException("common.diskFull", null);
                full.initCause(e);
                throw full;
            }
            if (Retries.isLockContention(e)) {
                BusinessException busy = new BusinessException("common.busy", null);
                busy.initCause(e);
                throw busy;
            }
            throw e;
        }
    }
}
