package fr.mare.platform;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Security events, one line each in the server log under the logger {@code fr.mare.security}
 * (security issue #10): failed and throttled logins, refused suspended accounts, password
 * changes and closed sessions, failed and throttled current-password checks, moderation actions.
 * <p>
 * The API takes only what may be written: an event name and a few {@code key=value} fields
 * chosen by the caller; never a password, token or session id is passed. Every value is quoted
 * and made log-safe: line breaks and other control characters (CR, LF, NEL, U+2028/U+2029…)
 * become {@code \\uXXXX}, so a typed name cannot forge a second log line; values are cut at
 * 120 characters.
 */
public final class SecurityLog {

    private static final Logger LOG = Logger.getLogger("fr.mare.security");
    private static final int MAX_VALUE = 120;

    private SecurityLog() {
    }

    /**
     * Writes {@code sécurité <event> key="value" …}.
     *
     * @param fields alternately a key (plain ASCII, written as is) and its value (any text)
     */
    public static void event(String event, Object... fields) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        LOG.info(line(event, fields));
    }

    static String line(String event, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        StringBuilder line = new StringBuilder("sécurité ").append(event);
        for (int i = 0; i < fields.length; i += 2) {
            line.append(' ').append(fields[i]).append("=\"").append(safe(fields[i + 1])).append('"');
        }
        return line.toString();
    }

    static String safe(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.length() > MAX_VALUE) {
            text = text.substring(0, MAX_VALUE) + "…";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
