package fr.mare.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the Flyway migrations of {@code sql/} (packaged as {@code db/migration}) at start-up,
 * before anything uses JPA, then fires {@link DatabaseReady}.
 * <p>
 * If the database cannot be reached, the deployment still succeeds (pages answer 503, the
 * readiness check says DOWN, the log says why in capitals) and the migration is retried every
 * ten seconds: a database that starts late or restarts does not need Mare to be redeployed.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class.getName());
    private static final long RETRY_MILLIS = 10_000;

    @Inject
    @ConfigProperty(name = "mare.db.url")
    private String url;

    @Inject
    @ConfigProperty(name = "mare.db.user")
    private String user;

    @Inject
    @ConfigProperty(name = "mare.db.password")
    private java.util.Optional<String> password;

    @Resource
    private TimerService timers;

    @Inject
    private DatabaseStatus status;

    @Inject
    private Event<DatabaseReady> ready;

    /**
     * Migrates, then fires {@link DatabaseReady}, outside any transaction: for a singleton's
     * {@code @PostConstruct}, the container reads the transaction attribute on the method only,
     * not on the class (Jakarta Enterprise Beans, lifecycle callbacks), and ran it in a
     * transaction of its own. Each observer's writes (the demo's, in one transaction) then joined
     * that one, and their after-commit observers waited for the last observer to return, the
     * demo's notifications included, written one by one (#11). As when a migration is retried
     * ({@link #retry}), each observer's transaction is its own.
     */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        ContainerLogNoise.install();
        if (!migrate()) {
            timers.createIntervalTimer(RETRY_MILLIS, RETRY_MILLIS, new TimerConfig("mare-migration-retry", false));
        }
    }

    @Timeout
    void retry(Timer timer) {
        if (migrate()) {
            timer.cancel();
        }
    }

    private boolean migrate() {
        MigrateResult result;
        List<String> missing;
        try {
            Flyway flyway = Flyway.configure()
                    // Its own plain connection, outside the XA pool and any JTA transaction.
                    .dataSource(url, user, password.orElse(""))
                    .locations("classpath:db/migration")
                    .validateMigrationNaming(true)
                    .failOnMissingLocations(true)
                    .load();
            if (flyway.info().pending().length > 0) {
                Optional<String> refusal = BinaryLogCheck.refusal(flyway.getConfiguration().getDataSource());
                if (refusal.isPresent()) {
                    status.markProblem(refusal.get());
                    LOG.severe(() -> "MARE N'EST PAS PRÊTE : " + refusal.get() + " Nouvel essai dans 10 s.");
                    return false;
                }
            }
            result = flyway.migrate();
            missing = missingObjects(flyway);
        } catch (RuntimeException | SQLException e) {
            String problem = rootMessage(e);
            status.markProblem(problem);
            LOG.severe(() -> "MARE N'EST PAS PRÊTE : base de données inaccessible ou migration impossible (" + problem
                    + "). Nouvel essai dans 10 s. Vérifiez MARE_DB_URL, MARE_DB_USER et MARE_DB_PASSWORD.");
            return false;
        }
        if (!missing.isEmpty()) {
            String problem = "schéma incomplet, il manque : " + String.join(", ", missing);
            status.markProblem(problem);
            LOG.severe(() -> "MARE N'EST PAS PRÊTE : l'historique des migrations est complet mais la base ne l'est pas ("
                    + problem + "). Une restauration s'est-elle arrêtée en route ? Restaurez une sauvegarde complète "
                    + "(docs/operations.md). Nouvel essai dans 10 s.");
            return false;
        }
        // Flyway's own log lines do not reach Payara's log: say what happened here.
        LOG.info(() -> "Schéma de la base à jour : " + result.migrationsExecuted + " migration(s) appliquée(s), version "
                + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion) + ".");
        try {
            ready.fire(new DatabaseReady(result.migrationsExecuted));
        } catch (RuntimeException e) {
            // Seeding (demo, configured administrator) must never keep Mare from serving.
            LOG.log(Level.SEVERE, "Une tâche de démarrage a échoué ; Mare démarre quand même.", e);
        }
        status.markReady();
        return true;
    }

    /** The tables and triggers the applied migrations created that the database lacks (SchemaCheck). */
    private static List<String> missingObjects(Flyway flyway) throws SQLException {
        List<String> scripts = Arrays.stream(flyway.info().applied())
                .filter(m -> m.getScript() != null && m.getScript().endsWith(".sql"))
                .map(MigrationInfo::getScript)
                .toList();
        SchemaCheck.Expected expected = SchemaCheck.expectedFrom(
                SchemaCheck.scripts(DatabaseStartup.class.getClassLoader(), scripts));
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
            return SchemaCheck.missing(connection, expected);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
