package fr.mare.account.web;

import fr.mare.web.UrlRules;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** The account's pages that need a logged-in member: settings, one's data, two-factor enrolment (#10: each feature declares its own URL rules, gathered by {@link fr.mare.web.AccessRules}). */
@Dependent
public class AccountUrls {

    public static final UrlRules RULES = UrlRules.of("account").member("/compte", "/compte/", "/mes-donnees", "/double-authentification");

    @Produces
    static UrlRules rules() {
        return RULES;
    }
}
