package fr.mare.directory.contact.web;

import fr.mare.web.UrlRules;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Contact conversations with collectives need a logged-in member (#10: each feature declares its own URL rules, gathered by {@link fr.mare.web.AccessRules}). */
@Dependent
public class ContactUrls {

    public static final UrlRules RULES = UrlRules.of("contact").member("/messages", "/messages/");

    @Produces
    static UrlRules rules() {
        return RULES;
    }
}
