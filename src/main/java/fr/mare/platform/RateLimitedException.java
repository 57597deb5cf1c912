package fr.mare.platform;

/**
 * A refusal because the caller went too fast: a rate limit, the login throttle, the per-address
 * registration limit. Like any {@link BusinessException} it is told in French next to the form,
 * which keeps what was typed; the page answers {@code 429 Too Many Requests} rather than 200, so
 * that scripts and monitoring see it for what it is (security issue #10).
 */
public class RateLimitedException extends BusinessException {

    public RateLimitedException(String messageKey, String field, Object... arguments) {
        super(messageKey, field, arguments);
    }
}
