package fr.mare.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Mare's one datasource. Payara resolves {@code ${MPCONFIG=…}} through MicroProfile Config,
 * so the address comes from {@code MARE_DB_URL}/{@code mare.db.url} (environment, system
 * property set by the launcher or a test, or {@code microprofile-config.properties}).
 */
@DataSourceDefinition(
        name = DataSourceConfig.JNDI_NAME,
        className = "org.mariadb.jdbc.MariaDbDataSource",
        url = "${MPCONFIG=mare.db.url}",
        user = "${MPCONFIG=mare.db.user}",
        password = "${MPCONFIG=mare.db.password}",
        minPoolSize = 1,
        maxPoolSize = 30,
        maxIdleTime = 300,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class DataSourceConfig {
    public static final String JNDI_NAME = "java:app/jdbc/mare";
}
