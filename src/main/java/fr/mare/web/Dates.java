package fr.mare.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as people read them, in French: « il y a 5 minutes », « le 3 mars 2026 ». */
@Named
@ApplicationScoped
public class Dates {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @Inject
    private Clock clock;

    public String relative(Instant when) {
        if (when == null) {
            return "";
        }
        Duration ago = Duration.between(when, clock.instant());
        if (ago.toMinutes() < 1) {
            return Bundle.text("common.date.now");
        }
        if (ago.toHours() < 1) {
            return Bundle.text("common.date.minutes", ago.toMinutes());
        }
        if (ago.toDays() < 1) {
            return Bundle.text("common.date.hours", ago.toHours());
        }
        if (ago.toDays() < 7) {
            return Bundle.text("common.date.days", ago.toDays());
        }
        return Bundle.text("common.date.on", full(when));
    }

    /**
     * {@link #full} inside {@code <time datetime="…">} (#14), for a date that a message places
     * among words ({@code h:outputFormat escape="false"}: its other parameters escaped by the page).
     * Only the formatter's words and an ISO instant go in: nothing typed by anyone.
     */
    public String fullTime(Instant when) {
        return when == null ? "" : "<time datetime=\"" + when + "\">" + full(when) + "</time>";
    }

    /** {@link #relative} inside {@code <time datetime="…">}, as {@link #fullTime}. */
    public String relativeTime(Instant when) {
        return when == null ? "" : "<time datetime=\"" + when + "\">" + relative(when) + "</time>";
    }

    public String full(Instant when) {
        return when == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.FRENCH).format(when.atZone(ZONE));
    }
}
