package fr.mare.notification.web;

import fr.mare.web.UrlRules;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** One's notifications need a logged-in member (#10: each feature declares its own URL rules, gathered by {@link fr.mare.web.AccessRules}). */
@Dependent
public class NotificationUrls {

    public static final UrlRules RULES = UrlRules.of("notification").member("/notifications", "/notifications/");

    @Produces
    static UrlRules rules() {
        return RULES;
    }
}
