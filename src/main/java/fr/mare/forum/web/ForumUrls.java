package fr.mare.forum.web;

import fr.mare.web.UrlRules;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Asking a question needs a logged-in member (#10: each feature declares its own URL rules, gathered by {@link fr.mare.web.AccessRules}). */
@Dependent
public class ForumUrls {

    public static final UrlRules RULES = UrlRules.of("forum").member("/nouveau-sujet");

    @Produces
    static UrlRules rules() {
        return RULES;
    }
}
