package fr.mare.platform;

import java.util.Arrays;

/**
 * A broken business rule, told to the person in their language: the service throws it with a
 * bundle key (and arguments), the backing bean turns it into a message next to {@link #field()}.
 */
public class BusinessException extends RuntimeException {

    private final String messageKey;
    private final String field;
    private final transient Object[] arguments;

    public BusinessException(String messageKey, String field, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    /** The form field the message belongs to, or null for the whole form. */
    public String field() {
        return field;
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }
}
