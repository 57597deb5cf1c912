package fr.mare.account;

import fr.mare.platform.DatabaseReady;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * At start, gives the accounts created before V0012 their look-alike keys ({@link DisplayNames}),
 * 500 per transaction, before anything else seeds accounts (the demo is at priority 100).
 */
@ApplicationScoped
class NameKeysBackfill {

    private static final Logger LOG = Logger.getLogger(NameKeysBackfill.class.getName());

    @Inject
    private AccountService accounts;

    void onDatabaseReady(@Observes @Priority(50) DatabaseReady ready) {
        int total = 0;
        for (int filled = accounts.fillMissingNameKeys(); filled > 0; filled = accounts.fillMissingNameKeys()) {
            total += filled;
        }
        if (total > 0) {
            int done = total;
            LOG.info(() -> "Clés de ressemblance des noms calculées pour " + done + " compte(s).");
        }
    }
}
