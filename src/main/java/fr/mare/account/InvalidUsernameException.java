package fr.mare.account;

import java.io.Serial;
import java.util.Objects;

/**
 * A typed username that Mare refuses.
 *
 * <p>The exception carries a resource-bundle key rather than a sentence so that the web
 * layer can show the French (or any future) wording without this package knowing about
 * bundles or locales. The key doubles as the exception message, which keeps logs readable
 * while never echoing the refused name itself (it may hold control or bidi characters that
 * would garble a log line).
 */
public final class InvalidUsernameException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Nothing, or only spaces, was typed. */
    public static final String REQUIRED = "account.username.required";
    /** A control, format, default-ignorable, bidi, unassigned or non-ASCII space character. */
    public static final String INVISIBLE_CHARACTERS = "account.username.invisibleCharacters";
    /** Fewer than {@link Usernames#MIN_LENGTH} code points once canonicalized. */
    public static final String TOO_SHORT = "account.username.tooShort";
    /** More than {@link Usernames#MAX_LENGTH} code points once canonicalized. */
    public static final String TOO_LONG = "account.username.tooLong";
    /** A character outside letters, marks, decimal digits and {@code _ - . '} (or dashes). */
    public static final String FORBIDDEN_CHARACTERS = "account.username.forbiddenCharacters";
    /** Scripts mixed beyond UTS #39 "moderately restrictive". */
    public static final String MIXED_SCRIPTS = "account.username.mixedScripts";

    private final String messageKey;

    public InvalidUsernameException(String messageKey) {
        super(Objects.requireNonNull(messageKey, "messageKey"), null, false, false);
        this.messageKey = messageKey;
    }

    /** The resource-bundle key describing why the name was refused. */
    public String messageKey() {
        return messageKey;
    }
}
