package fr.mare.wiki.web;

import fr.mare.web.UrlRules;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Writing a tutorial needs a logged-in member (#10: each feature declares its own URL rules, gathered by {@link fr.mare.web.AccessRules}). */
@Dependent
public class WikiUrls {

    public static final UrlRules RULES = UrlRules.of("wiki").member("/tutoriels/nouveau");

    @Produces
    static UrlRules rules() {
        return RULES;
    }
}
