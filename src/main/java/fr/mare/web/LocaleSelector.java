package fr.mare.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;
import java.util.Locale;

/**
 * French, whatever the browser prefers (ADR 0028, superseding the English half of ADR 0005): Mare's
 * interface is translated into French only, and a page half in English under {@code lang="en"}
 * served nobody. The browser's preference is still read, so that the day a whole translation
 * exists (every bundle key, tested for completeness) it is offered again here.
 */
@Named
@RequestScoped
public class LocaleSelector {

    /** The interface languages with a complete bundle. */
    static final List<Locale> SUPPORTED = List.of(Locale.FRENCH);

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
