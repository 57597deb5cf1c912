package fr.mare.moderation.web;

import fr.mare.account.Caller;
import fr.mare.account.CurrentAccount;
import fr.mare.moderation.ModerationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The header's count of open items on « Modération » ({@code #{moderationCount.open}}, #14): one
 * indexed COUNT per page for a moderator, nothing for anyone else; no count rather than a failed
 * page when the database is away.
 */
@Named
@RequestScoped
public class ModerationCount {

    private static final Logger LOG = Logger.getLogger(ModerationCount.class.getName());

    @Inject
    private CurrentAccount currentAccount;

    @Inject
    private Caller caller;

    @Inject
    private ModerationService moderation;

    private Long open;

    public long getOpen() {
        if (open == null) {
            open = count();
        }
        return open;
    }

    private long count() {
        if (!currentAccount.isModerator()) {
            return 0;
        }
        try {
            return moderation.openCount(caller);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Nombre d'éléments à modérer indisponible, l'en-tête s'en passe", e);
            return 0;
        }
    }
}
