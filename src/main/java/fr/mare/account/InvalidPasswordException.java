package fr.mare.account;

import java.io.Serial;
import java.util.Objects;

/**
 * A chosen password that Mare refuses.
 *
 * <p>Carries a resource-bundle key rather than a sentence so the web layer picks the
 * wording. The message is the key alone: the password must never reach a log or a stack
 * trace, so nothing derived from it is stored here.
 */
public final class InvalidPasswordException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Nothing was typed. */
    public static final String REQUIRED = "account.password.required";
    /** Fewer than {@link PasswordPolicy#MIN_LENGTH} code points. */
    public static final String TOO_SHORT = "account.password.tooShort";
    /** More than {@link PasswordPolicy#MAX_LENGTH} code points. */
    public static final String TOO_LONG = "account.password.tooLong";
    /** Found (case-insensitively) in the common-passwords list. */
    public static final String COMMON = "account.password.common";
    /** Equal (case-insensitively) to the account's username. */
    public static final String SAME_AS_USERNAME = "account.password.sameAsUsername";

    private final String messageKey;

    public InvalidPasswordException(String messageKey) {
        // No stack trace: this is a validation outcome, not a fault, and a trace is one
        // more place where a careless handler might end up logging request data.
        super(Objects.requireNonNull(messageKey, "messageKey"), null, false, false);
        this.messageKey = messageKey;
    }

    /** The resource-bundle key describing why the password was refused. */
    public String messageKey() {
        return messageKey;
    }
}
