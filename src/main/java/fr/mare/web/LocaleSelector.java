package fr.mare.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Locale;

/**
 * French first: a page is in English only when the browser asks for English before French.
 * (Faces alone would fall back to the server's default locale when no preference is sent.)
 */
@Named
@RequestScoped
public class LocaleSelector {

    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    @Inject
    private HttpServletRequest request;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = choose(request.getHeader("Accept-Language"));
        }
        return locale;
    }

    static Locale choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.FRENCH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return best == null ? Locale.FRENCH : best;
        } catch (IllegalArgumentException e) {
            return Locale.FRENCH;
        }
    }
}
