package fr.mare.moderation.web;

import fr.mare.account.Caller;
import fr.mare.moderation.ActionKind;
import fr.mare.moderation.JournalEntry;
import fr.mare.moderation.JournalFilter;
import fr.mare.moderation.ModerationService;
import fr.mare.moderation.TargetKey;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.List;

/**
 * {@code /moderation/journal[?action=HIDE][&moderateur=nom][&cible=post:12]}: every moderation
 * action, newest first, filtered by plain GET parameters (a filtered view is a shareable address).
 * Read-only: the journal has no edit or delete path.
 */
@Named
@RequestScoped
public class ModerationJournalBacking {

    static final int LIMIT = 200;

    @Inject
    @Param(name = "action")
    private String action;

    @Inject
    @Param(name = "moderateur")
    private String moderator;

    @Inject
    @Param(name = "cible")
    private String cible;

    @Inject
    private ModerationService moderation;

    @Inject
    private Caller caller;

    private List<JournalEntry> lines;

    public List<JournalEntry> getLines() {
        if (lines == null) {
            lines = moderation.journal(caller, new JournalFilter(parse(action), blankToNull(moderator),
                    TargetKey.parse(cible).orElse(null)), LIMIT);
        }
        return lines;
    }

    private static ActionKind parse(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : ActionKind.valueOf(typed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    public List<ActionKind> getActions() {
        return List.of(ActionKind.values());
    }

    public String getAction() {
        return action;
    }

    public String getModerator() {
        return moderator;
    }

    public String getCible() {
        return cible;
    }
}
