package fr.mare.web;

import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundle's two kinds of messages stay readable: those with arguments go through
 * MessageFormat (an apostrophe must be doubled there, or it swallows the text after it); those
 * without are shown as written (a doubled apostrophe would show twice).
 */
class BundleTest {

    private final ResourceBundle french = ResourceBundle.getBundle(Bundle.NAME, Locale.FRENCH);

    /** Formatted by MessageFormat: any placeholder, not only {0} (notices use {1} and {2} alone). */
    private static boolean hasArguments(String pattern) {
        return pattern.matches("(?s).*\\{\\d.*");
    }

    @Test
    void messagesWithArgumentsFormatWithTheirApostrophesAndWithoutPlaceholdersLeft() {
        for (String key : french.keySet()) {
            String pattern = french.getString(key);
            if (!hasArguments(pattern)) {
                continue;
            }
            String formatted = new MessageFormat(pattern, Locale.FRENCH).format(new Object[] {3, 3, 3});
            assertFalse(formatted.matches("(?s).*\\{\\d.*"), key + " -> " + formatted);
            assertFalse(pattern.matches("(?s).*(?<!')'(?!').*"), key + ": every apostrophe must be doubled -> " + pattern);
        }
    }

    @Test
    void messagesWithoutArgumentsHaveNoDoubledApostrophes() {
        for (String key : french.keySet()) {
            String text = french.getString(key);
            if (!hasArguments(text)) {
                assertFalse(text.contains("''"), key + " is shown as written: " + text);
            }
        }
    }

    @Test
    void frenchIsTheFallbackWhateverTheServerLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("Bienvenue sur Mare", ResourceBundle.getBundle(Bundle.NAME, Locale.FRENCH).getString("home.title"));
            assertTrue(ResourceBundle.getBundle(Bundle.NAME, Locale.ENGLISH).getString("home.lead").startsWith("Votre association"),
                    "an English browser reads the French bundle");
        } finally {
            Locale.setDefault(before);
        }
    }

    /** French only (#14, ADR 0028): no partial translation mixes languages under a wrong {@code lang}. */
    @Test
    void noPartialTranslationIsShipped() {
        assertEquals(Locale.FRENCH, LocaleSelector.choose("en-GB,en;q=0.8,fr;q=0.5"));
        assertEquals(Locale.FRENCH, LocaleSelector.choose("de-DE"));
        for (String language : java.util.List.of("en", "de", "es", "it")) {
            assertEquals(null, BundleTest.class.getClassLoader().getResource("fr/mare/i18n/messages_" + language + ".properties"),
                    "a bundle for " + language + " must translate every key and be offered by LocaleSelector");
        }
    }
}
