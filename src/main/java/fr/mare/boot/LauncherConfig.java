package fr.mare.boot;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        return boundedInt(get("mare.http.port").orElse("8080"), 1, 65535,
                "MARE_HTTP_PORT doit être un numéro de port entre 1 et 65535");
    }

    Path dataDir() {
        return Path.of(get("mare.data.dir").orElse("data")).toAbsolutePath().normalize();
    }

    /** Where uploaded images live (#15): {@code mare.uploads.dir}, else {@code medias/} of the data folder. */
    Path uploadsDir() {
        return get("mare.uploads.dir").map(Path::of).orElse(dataDir().resolve("medias")).toAbsolutePath().normalize();
    }

    boolean externalDatabase() {
        return get("mare.db.url").isPresent();
    }

    /**
     * The key of the forms' view states (ADR 0032), Base64 of 16, 24 or 32 bytes: the configured
     * one (every node of a site the same), else 32 random bytes drawn once and kept in the data folder. web.xml hands it to
     * Mojarra, which would break every member's form on a key it cannot read: refused here.
     */
    String facesStateKey() {
        Optional<String> configured = get("mare.faces.state-key");
        if (configured.isEmpty()) {
            return keptFacesStateKey();
        }
        int length;
        try {
            length = java.util.Base64.getDecoder().decode(configured.get()).length;
        } catch (IllegalArgumentException e) {
            length = -1;
        }
        if (length != 16 && length != 24 && length != 32) {
            throw new LaunchException("MARE_FACES_STATE_KEY doit être une clé de 32 octets en Base64, la même sur tous les nœuds"
                    + " (par exemple : head -c 32 /dev/urandom | base64).");
        }
        return configured.get();
    }

    /** Where a node keeps the view states' key it drew itself (no {@code MARE_FACES_STATE_KEY}). */
    static final String FACES_STATE_KEY_FILE = "faces-state.key";

    /**
     * The key drawn once and kept in the data folder (owner only, like the database's passwords):
     * a restart keeps the forms open in browsers valid, instead of answering « formulaire expiré »
     * to all of them. Several nodes still need the same {@code MARE_FACES_STATE_KEY} (ADR 0032).
     */
    private String keptFacesStateKey() {
        Path file = dataDir().resolve(FACES_STATE_KEY_FILE);
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file).strip();
                if (kept.matches("[A-Za-z0-9+/]{43}=")) {
                    return kept;
                }
            }
            byte[] drawn = new byte[32];
            new java.security.SecureRandom().nextBytes(drawn);
            String key = java.util.Base64.getEncoder().encodeToString(drawn);
            Files.createDirectories(dataDir());
            EmbeddedCredentials.writeOwnerOnly(file, key + "\n");
            return key;
        } catch (java.io.IOException e) {
            throw new LaunchException("Impossible de garder la clé des formulaires dans " + file + " : " + e.getMessage(), e);
        }
    }

    boolean demoExplicitlySet() {
        return get("mare.demo").isPresent();
    }

    /**
     * The address Payara's HTTP listener binds to: loopback unless the person says otherwise, so a
     * start never publishes anything (let alone a demo) by accident. {@code 0.0.0.0} means every
     * interface.
     */
    InetAddress httpAddress() {
        String value = get("mare.http.address").orElse("127.0.0.1");
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new LaunchException("MARE_HTTP_ADDRESS doit être une adresse IP de cette machine, "
                    + "par exemple 127.0.0.1 ou 0.0.0.0 pour toutes (reçu : « " + value + " »).", e);
        }
    }

    /** Payara's HTTP request threads (issue #11): 32 unless {@code MARE_HTTP_THREADS} says otherwise. */
    int httpThreads() {
        return boundedInt(get("mare.http.threads").orElse("32"), 4, 1000,
                "MARE_HTTP_THREADS doit être un nombre de fils entre 4 et 1000");
    }

    /** How long the launcher waits for {@code /health} to say UP before giving up with exit code 1. */
    int startupWaitSeconds() {
        return boundedInt(get("mare.startup.wait-seconds").orElse("300"), 1, Integer.MAX_VALUE,
                "MARE_STARTUP_WAIT_SECONDS doit être un nombre de secondes positif");
    }

    /** {@code value} as a whole number from {@code min} to {@code max}, else the launcher stops saying {@code refusal}. */
    private static int boundedInt(String value, int min, int max, String refusal) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new LaunchException(refusal + " (reçu : « " + value + " »).");
    }

    /**
     * The embedded mariadbd's InnoDB buffer pool (issue #11): {@value EmbeddedDatabase#DEFAULT_BUFFER_POOL}
     * by default, enough for a forum of a few hundred megabytes on modest hardware; a size in
     * MariaDB's notation ({@code 256M}, {@code 1G}).
     */
    String databaseBufferPool() {
        String value = get("mare.db.buffer-pool").orElse(EmbeddedDatabase.DEFAULT_BUFFER_POOL);
        if (!value.matches("[1-9][0-9]{0,5}[KMG]?")) {
            throw new LaunchException("MARE_DB_BUFFER_POOL doit être une taille comme 32M, 256M ou 1G (reçu : « " + value + " »).");
        }
        return value;
    }

    /** MicroProfile Config's boolean converter, which the application applies to the same key. */
    Optional<Boolean> demoSetting() {
        return get("mare.demo").map(v -> Set.of("true", "1", "yes", "y", "on").contains(v.toLowerCase(Locale.ROOT)));
    }

    /** What the demo content may be on this start; see {@link #demo(boolean, InetAddress)}. */
    enum Demo {
        /** No demo content. */
        NONE,
        /** Loopback only: the members keep the README's password, the administrator's is random. */
        LOCAL,
        /** Asked for on a reachable address: every demo password is random, printed once. */
        PUBLIC
    }

    /**
     * Security issue #10: demo accounts have known names, so demo content is loaded only when
     * Mare listens on loopback or when {@code MARE_DEMO=true} says so. An empty embedded database
     * on another address, without {@code MARE_DEMO}, is refused rather than guessed: the person
     * is either opening a real site or a public demo, and only they know which.
     *
     * @param freshEmbeddedDatabase the embedded database's folder holds no data yet (false with an
     *                              external database, where the application loads the demo only
     *                              if MARE_DEMO=true and no account exists)
     */
    Demo demo(boolean freshEmbeddedDatabase, InetAddress address) {
        boolean loopback = address.isLoopbackAddress();
        Optional<Boolean> setting = demoSetting();
        if (setting.isPresent()) {
            return !setting.get() ? Demo.NONE : loopback ? Demo.LOCAL : Demo.PUBLIC;
        }
        if (externalDatabase() || !freshEmbeddedDatabase) {
            return Demo.NONE;
        }
        if (loopback) {
            return Demo.LOCAL;
        }
        throw new LaunchException("Mare écouterait sur " + address.getHostAddress() + " (MARE_HTTP_ADDRESS), une adresse"
                + " joignable depuis d'autres machines, et sa base est vide : le premier démarrage chargerait le contenu de"
                + " démonstration, dont les comptes sont connus de tous. Dites ce que vous voulez :"
                + " MARE_DEMO=false pour un vrai site (créez son administration avec MARE_ADMIN_USERNAME, MARE_ADMIN_EMAIL"
                + " et MARE_ADMIN_PASSWORD), ou MARE_DEMO=true pour une démonstration publique (tous ses mots de passe"
                + " sont alors tirés au hasard et affichés une seule fois).");
    }

    /** In the data folder of a local demo: later starts on loopback keep the local demo's rules. */
    static final String LOCAL_DEMO_MARKER = "demo-locale";

    /**
     * Whether this start runs the local demo ({@code mare.demo.local}: the README's passwords, no
     * second factor required of its moderators): the start that loads it, and every later start
     * on loopback of the embedded database it was loaded into, unless {@code MARE_DEMO=false}.
     * Without the marker, the second start of a demo asked its moderators to enrol a second factor.
     */
    boolean localDemo(Demo demo, InetAddress address) {
        if (demo == Demo.LOCAL) {
            return true;
        }
        return demo == Demo.NONE && address.isLoopbackAddress() && !externalDatabase()
                && !demoSetting().equals(Optional.of(false)) && Files.exists(dataDir().resolve(LOCAL_DEMO_MARKER));
    }

    /** Marks the data folder as a local demo's (see {@link #localDemo}). */
    void rememberLocalDemo() {
        if (externalDatabase()) {
            return;
        }
        try {
            Files.createDirectories(dataDir());
            Files.writeString(dataDir().resolve(LOCAL_DEMO_MARKER),
                    "Démonstration locale de Mare (sur 127.0.0.1) : mots de passe du README, sans double authentification.\n");
        } catch (java.io.IOException e) {
            throw new LaunchException("Impossible d'écrire dans le dossier de données " + dataDir() + " : " + e.getMessage(), e);
        }
    }

    /** The embedded database's own test (EmbeddedDatabase.fresh), made before it starts. */
    static boolean embeddedDatabaseIsEmpty(Path dataDir) {
        return !Files.isDirectory(dataDir.resolve("mariadb").resolve("mysql"));
    }
}
