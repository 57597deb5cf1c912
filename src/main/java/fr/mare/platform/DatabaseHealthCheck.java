package fr.mare.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code /health} is UP only when the schema is migrated and the database answers now. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private DatabaseStatus status;

    @Inject
    private DiskSpace diskSpace;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("base-de-donnees");
        if (!status.isReady()) {
            return response.down().withData("raison", String.valueOf(status.problem())).build();
        }
        if (diskSpace.full()) {
            // Reads work, writes do not: a supervisor or a monitor must see it (issue #17, R4).
            return response.down().withData("raison", diskSpace.reason()).build();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? response.up().build() : response.down().withData("raison", "connexion invalide").build();
        } catch (SQLException e) {
            return response.down().withData("raison", "base inaccessible").build();
        }
    }
}
