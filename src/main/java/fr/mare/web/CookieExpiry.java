package fr.mare.web;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Expires} attribute of Mare's short-lived cookies (issue #17, ADR 0036). Not
 * {@code Max-Age}: some clients (Java's {@code CookieManager}) turn a cookie with it into an RFC 2965
 * one and send its value back in quotes.
 */
public final class CookieExpiry {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private CookieExpiry() {
    }

    /** {@code "; Expires=…"}, {@code lifetime} from now. */
    public static String in(Duration lifetime) {
        return "; Expires=" + IMF_FIXDATE.format(ZonedDateTime.now(ZoneOffset.UTC).plus(lifetime));
    }
}
