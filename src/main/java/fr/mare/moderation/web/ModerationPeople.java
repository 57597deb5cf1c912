package fr.mare.moderation.web;

import fr.mare.account.AccountSummary;
import fr.mare.moderation.ModerationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Names of the moderators in journal lines, looked up once per id and request. */
@Named
@RequestScoped
public class ModerationPeople {

    @Inject
    private ModerationService moderation;

    private final Map<Long, String> names = new HashMap<>();

    public String name(Long id) {
        if (id == null) {
            return "";
        }
        return names.computeIfAbsent(id, key -> {
            AccountSummary summary = moderation.people(Set.of(key)).get(key);
            return summary == null ? "#" + key : summary.displayName() + " (@" + summary.username() + ")";
        });
    }
}
