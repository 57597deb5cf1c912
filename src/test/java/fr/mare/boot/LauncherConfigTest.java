package fr.mare.boot;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherConfigTest {

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertEquals("MARE_DB_URL", LauncherConfig.environmentName("mare.db.url"));
        assertEquals("MARE_HTTP_PORT", LauncherConfig.environmentName("mare.http.port"));
    }

    @Test
    void systemPropertiesWinAndEmptyValuesCountAsMissing() {
        Properties system = new Properties();
        system.setProperty("mare.http.port", "9090");
        LauncherConfig config = new LauncherConfig(Map.of("MARE_HTTP_PORT", "8181", "MARE_DB_URL", " "), system);
        assertEquals(9090, config.httpPort());
        assertFalse(config.externalDatabase(), "a blank MARE_DB_URL means the embedded database");
    }

    @Test
    void defaults() {
        LauncherConfig config = new LauncherConfig(Map.of(), new Properties());
        assertEquals(8080, config.httpPort());
        assertEquals(Path.of("data").toAbsolutePath(), config.dataDir());
        assertFalse(config.demoExplicitlySet());
    }

    @Test
    void externalDatabaseAndDemoFromTheEnvironment() {
        LauncherConfig config = new LauncherConfig(Map.of("MARE_DB_URL", "jdbc:mariadb://db/mare", "MARE_DEMO", "false"), new Properties());
        assertTrue(config.externalDatabase());
        assertTrue(config.demoExplicitlySet());
    }

    @Test
    void aBadPortIsExplainedInFrench() {
        LauncherConfig config = new LauncherConfig(Map.of("MARE_HTTP_PORT", "huit mille"), new Properties());
        LaunchException e = assertThrows(LaunchException.class, config::httpPort);
        assertTrue(e.getMessage().contains("MARE_HTTP_PORT"), e.getMessage());
    }
}
