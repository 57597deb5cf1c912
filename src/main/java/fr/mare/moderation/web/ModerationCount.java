package fr.mare.moderation.web;

import fr.mare.account.Caller;
import fr.mare.account.CurrentAccount;
import fr.mare.moderation.ModerationService;
import fr.mare.web.HeaderCounts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The header's count of open items on « Modération » ({@code #{moderationCount.open}}, #14): one
 * indexed COUNT per page for a moderator, nothing for anyone else; no count while the database is
 * away ({@link HeaderCounts}).
 */
@Named
@RequestScoped
public class ModerationCount {

    @Inject
    private CurrentAccount currentAccount;

    @Inject
    private Caller caller;

    @Inject
    private ModerationService moderation;

    @Inject
    private HeaderCounts counts;

    private Long open;

    public long getOpen() {
        if (open == null) {
            open = currentAccount.isModerator() ? counts.count("Nombre d'éléments à modérer", () -> moderation.openCount(caller)) : 0;
        }
        return open;
    }
}
