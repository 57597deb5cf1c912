package fr.mare.markdown;

/**
 * Thrown before any parsing when the Markdown source is longer than the pipeline accepts, so an
 * oversized post costs one length check and nothing else. Callers turn it into a French message
 * (the text is kept so the author loses nothing); the English message is for logs only.
 */
public final class ContentTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int limit;
    private final int length;

    ContentTooLargeException(int limit, int length) {
        super("Markdown source of " + length + " characters exceeds the limit of " + limit);
        this.limit = limit;
        this.length = length;
    }

    /** The largest accepted length, in the unit of {@link String#length()} (as a textarea's {@code maxlength} counts). */
    public int limit() {
        return limit;
    }

    /** The refused source's length, same unit as {@link #limit()}, so the message can say by how much. */
    public int length() {
        return length;
    }
}
