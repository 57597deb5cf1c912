package fr.mare.account;

import fr.mare.platform.BusinessException;
import fr.mare.platform.DatabaseReady;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * {@code MARE_ADMIN_USERNAME}, {@code MARE_ADMIN_EMAIL}, {@code MARE_ADMIN_PASSWORD}: at each
 * start, creates that administrator if no account has that name. An existing account is never
 * changed, so the password in the environment cannot silently reset anyone's. The password
 * obeys the same rules as everyone's and is never logged.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    private AccountService accounts;

    @Inject
    @ConfigProperty(name = "mare.admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "mare.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "mare.admin.password")
    Optional<String> password;

    /** After the demo content (priority 100), so the demo still sees an empty database. */
    void onDatabaseReady(@Observes @Priority(200) DatabaseReady ready) {
        if (username.isEmpty()) {
            return;
        }
        if (email.isEmpty() || password.isEmpty()) {
            LOG.severe("MARE_ADMIN_USERNAME est défini mais MARE_ADMIN_EMAIL ou MARE_ADMIN_PASSWORD manque : "
                    + "aucun administrateur créé.");
            return;
        }
        try {
            if (accounts.createAdministratorIfAbsent(username.get(), email.get(), password.get())) {
                LOG.info(() -> "Administrateur « " + username.get() + " » créé (MARE_ADMIN_USERNAME).");
            } else {
                LOG.info(() -> "Un compte « " + username.get() + " » existe déjà : il n'est pas modifié.");
            }
        } catch (BusinessException e) {
            LOG.severe(() -> "Administrateur « " + username.get() + " » non créé : " + e.messageKey()
                    + " (voir messages.properties ; le mot de passe suit les mêmes règles que pour tous).");
        }
    }
}
