package fr.mare.directory.web;

import fr.mare.web.UrlRules;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Presenting a collective needs a logged-in member (#10: each feature declares its own URL rules, gathered by {@link fr.mare.web.AccessRules}). */
@Dependent
public class DirectoryUrls {

    public static final UrlRules RULES = UrlRules.of("directory").member("/voisins/nouveau");

    @Produces
    static UrlRules rules() {
        return RULES;
    }
}
