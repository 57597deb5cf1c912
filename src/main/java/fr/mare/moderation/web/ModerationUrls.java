package fr.mare.moderation.web;

import fr.mare.web.UrlRules;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Moderation's pages are for moderators, but each member follows their own reports (#10: each feature declares its own URL rules, gathered by {@link fr.mare.web.AccessRules}). */
@Dependent
public class ModerationUrls {

    public static final UrlRules RULES = UrlRules.of("moderation").moderator("/moderation", "/moderation/").member("/moderation/mes-signalements");

    @Produces
    static UrlRules rules() {
        return RULES;
    }
}
