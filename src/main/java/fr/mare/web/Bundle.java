package fr.mare.web;

import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Reads Mare's messages ({@code fr/mare/i18n/messages*.properties}) in the request's locale. */
public final class Bundle {

    public static final String NAME = "fr.mare.i18n.messages";

    /** Parsed patterns by locale and key: as many as the bundle has keys with arguments, per language. */
    private static final ConcurrentMap<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

    private Bundle() {
    }

    public static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        Locale locale = context != null && context.getViewRoot() != null ? context.getViewRoot().getLocale() : Locale.FRENCH;
        return text(locale, key, arguments);
    }

    public static String text(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(NAME, locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (arguments.length == 0 || !pattern.contains("{")) {
            // A text without placeholders is shown as written (BundleTest): never through
            // MessageFormat, which would eat its apostrophes (« dans lheure »).
            return pattern;
        }
        // Parsing a pattern costs more than formatting with it (#11: a thread page formats dozens).
        MessageFormat format = FORMATS.computeIfAbsent(locale.toLanguageTag() + '\u0000' + key, k -> new MessageFormat(pattern, locale));
        synchronized (format) {
            return format.format(arguments);
        }
    }

    public static boolean has(Locale locale, String key) {
        return ResourceBundle.getBundle(NAME, locale).containsKey(key);
    }
}
