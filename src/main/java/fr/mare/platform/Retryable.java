package fr.mare.platform;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write transaction that MariaDB may abort because of lock contention (deadlock, error 1213,
 * or lock wait timeout, 1205) and that is safe to run again from the start: the whole
 * {@code @Transactional} method is called again, up to {@link Retries#TRIES} times
 * ({@link RetryInterceptor}, ordered outside the transaction; ADR 0014). Only where the method
 * begins the transaction: inside a caller's transaction it runs once, as written.
 */
@InterceptorBinding
@Inherited
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Retryable {
}
