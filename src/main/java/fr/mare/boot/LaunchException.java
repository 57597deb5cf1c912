package fr.mare.boot;

/** A start-up problem the person running Mare can fix; its message is shown as is, in French. */
final class LaunchException extends RuntimeException {
    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
