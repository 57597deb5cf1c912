package fr.mare.web;

import jakarta.faces.context.FacesContext;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Reads Mare's messages ({@code fr/mare/i18n/messages*.properties}) in the request's locale. */
public final class Bundle {

    public static final String NAME = "fr.mare.i18n.messages";

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
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    public static boolean has(Locale locale, String key) {
        return ResourceBundle.getBundle(NAME, locale).containsKey(key);
    }
}
