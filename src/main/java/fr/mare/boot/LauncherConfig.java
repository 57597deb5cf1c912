package fr.mare.boot;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's view of Mare's configuration. The application reads the same keys through
 * MicroProfile Config; the launcher runs before any of that exists, so it applies the same
 * rule by hand: a system property {@code mare.x.y} wins over the environment variable
 * {@code MARE_X_Y}, and an empty value counts as missing (as in MicroProfile Config).
 */
record LauncherConfig(Map<String, String> env, java.util.Properties system) {

    static LauncherConfig fromProcess() {
        return new LauncherConfig(System.getenv(), System.getProperties());
    }

    Optional<String> get(String key) {
        String fromSystem = system.getProperty(key);
        if (fromSystem != null && !fromSystem.isBlank()) {
            return Optional.of(fromSystem.strip());
        }
        String fromEnv = env.get(environmentName(key));
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(fromEnv.strip());
    }

    /** {@code mare.db.url} becomes {@code MARE_DB_URL}, as MicroProfile Config maps it. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    int httpPort() {
        String value = get("mare.http.port").orElse("8080");
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new LaunchException("MARE_HTTP_PORT doit être un numéro de port entre 1 et 65535 (reçu : « " + value + " »).");
        }
    }

    Path dataDir() {
        return Path.of(get("mare.data.dir").orElse("data")).toAbsolutePath().normalize();
    }

    boolean externalDatabase() {
        return get("mare.db.url").isPresent();
    }

    boolean demoExplicitlySet() {
        return get("mare.demo").isPresent();
    }
}
