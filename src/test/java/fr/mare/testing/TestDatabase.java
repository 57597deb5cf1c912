package fr.mare.testing;

import fr.mare.boot.EmbeddedDatabase;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One real MariaDB for a whole integration-test run, started before Arquillian boots Payara
 * Micro and handed to it through {@code payara.cmdOptions} (JVM options of the Payara process).
 * <p>
 * Only when {@code mare.it.database=embedded} (set by Failsafe): unit tests start nothing. The
 * embedded server's data starts empty at each run, so the first Payara applies every migration
 * to an empty database. {@code MARE_TEST_DB_URL}, {@code MARE_TEST_DB_USER} and
 * {@code MARE_TEST_DB_PASSWORD} point the tests at an external MariaDB instead.
 * <p>
 * A JUnit {@code LauncherSessionListener}, not an extension: extensions also run inside the
 * container and would start a database there.
 */
public final class TestDatabase implements LauncherSessionListener {

    /** Test-only settings given to the Payara under test (short delays, a configured admin). */
    public static final String ADMIN_USERNAME = "admin-essai";
    public static final String ADMIN_EMAIL = "admin-essai@example.org";
    public static final String ADMIN_PASSWORD = "un-admin-pour-les-essais";
    public static final int LOGIN_DELAY_SECONDS = 2;

    /*
     * Rate limits of the Payara under test (mare.limits.*). Every IT posts from fresh, hence new,
     * accounts, and some post fast (ForumIT writes 55 replies in a row from one account): the
     * limits are set well above what any IT writes from one account, so that only the tests of
     * the limits meet them. Those tests (RateLimitIT, ContactIT) reach a limit by adding rows to
     * the very tables the limits count (a member's earlier posts) instead of posting hundreds of
     * times, or, for contacts, with a limit just low enough to hit through the pages. Members past
     * the newcomer period get wider limits, as in production (AuthorizationIT's backdated owner
     * opens about a hundred topics in two minutes).
     */
    public static final int TOPICS_PER_MINUTE = 300;
    public static final int TOPICS_PER_HOUR = 1_000;
    public static final int REPLIES_PER_MINUTE = 300;
    public static final int REPLIES_PER_HOUR = 2_000;
    public static final int NEWCOMER_TOPICS_PER_MINUTE = 30;
    public static final int NEWCOMER_TOPICS_PER_HOUR = 100;
    public static final int NEWCOMER_REPLIES_PER_MINUTE = 100;
    public static final int NEWCOMER_REPLIES_PER_HOUR = 300;
    public static final int NEWCOMER_LINKS = 5;
    public static final int CONTACTS_PER_DAY = 3;
    public static final int CONTACT_MESSAGES_PER_HOUR = 20;
    public static final int REGISTRATIONS_PER_ADDRESS = 5_000;
    /** Images a new account may upload per day (#15): MediaIT reaches it. */
    public static final int NEWCOMER_UPLOADS_PER_DAY = 6;
    /** The images' purge runs this often under test (an hour in production), so MediaIT can see it. */
    public static final int MEDIA_PURGE_SECONDS = 3;
    /** Where the server under test keeps uploaded images. */
    public static final java.nio.file.Path MEDIAS = java.nio.file.Path.of(System.getProperty("mare.buildDir", "target"), "it-medias");

    /** How often Mare reads content_version in the ITs (500 ms in production). */
    public static final long CONTENT_VERSION_POLL_MS = 100;

    private static EmbeddedDatabase embedded;
    private static Path folder;
    private static int port;
    private static String url;
    private static String user;
    private static String password;

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"embedded".equals(System.getProperty("mare.it.database")) || url != null) {
            return;
        }
        String external = System.getenv("MARE_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            url = external;
            user = System.getenv().getOrDefault("MARE_TEST_DB_USER", "mare");
            password = System.getenv().getOrDefault("MARE_TEST_DB_PASSWORD", "");
        } else {
            folder = Path.of(System.getProperty("mare.buildDir", "target"), "it-mariadb");
            deleteData(folder);
            embedded = EmbeddedDatabase.start(folder, 0);
            port = embedded.port();
            url = embedded.jdbcUrl();
            user = EmbeddedDatabase.USER;
            password = embedded.password();
            allowThrowawayDatabases(embedded);
        }
        TestMail.start();
        // The password goes through a private file, not the command line that ps, Arquillian's
        // log and the Failsafe reports show (arquillian.xml: --systemProperties).
        System.setProperty("mare.it.payaraProperties", writePayaraProperties().toString());
        // The launcher's commands that turn Payara's /metrics and /openapi off (#10): the same here.
        System.setProperty("mare.it.payaraPreboot", writePreboot().toString());
        System.setProperty("payara.cmdOptions", String.join(" ", List.of(
                "-Xmx512m",
                // Start-up services one after the other, as the launcher runs them (Launcher, ADR 0034).
                "-Dorg.glassfish.startupThreadPolicy=USE_NO_THREADS",
                "-Dmare.db.url=" + url,
                // The view states' key (ADR 0032), as the launcher draws one when none is configured.
                "-Dmare.faces.state-key=" + randomKey(),
                "-Dmare.db.user=" + user,
                "-Dmare.search.index-dir=" + java.nio.file.Path.of("target", "it-search-index-" + System.currentTimeMillis()).toAbsolutePath(),
                "-Dmare.uploads.dir=" + MEDIAS.toAbsolutePath(),
                // A thousand sign-ups and log-ins at 600,000 iterations each spent minutes of the
                // run hashing (ADR 0037); the launcher's tests keep the full cost.
                "-Dmare.password.iterations=1000",
                "-Dmare.limits.newcomer-uploads-per-day=" + NEWCOMER_UPLOADS_PER_DAY,
                "-Dmare.uploads.purge-seconds=" + MEDIA_PURGE_SECONDS,
                "-Dmare.login.delay-seconds=" + LOGIN_DELAY_SECONDS,
                "-Dmare.login.max-failures-per-address=100000",
                "-Dmare.limits.topics-per-minute=" + TOPICS_PER_MINUTE,
                "-Dmare.limits.topics-per-hour=" + TOPICS_PER_HOUR,
                "-Dmare.limits.replies-per-minute=" + REPLIES_PER_MINUTE,
                "-Dmare.limits.replies-per-hour=" + REPLIES_PER_HOUR,
                "-Dmare.limits.newcomer-topics-per-minute=" + NEWCOMER_TOPICS_PER_MINUTE,
                "-Dmare.limits.newcomer-topics-per-hour=" + NEWCOMER_TOPICS_PER_HOUR,
                "-Dmare.limits.newcomer-replies-per-minute=" + NEWCOMER_REPLIES_PER_MINUTE,
                "-Dmare.limits.newcomer-replies-per-hour=" + NEWCOMER_REPLIES_PER_HOUR,
                "-Dmare.limits.newcomer-links=" + NEWCOMER_LINKS,
                "-Dmare.limits.contacts-per-day=" + CONTACTS_PER_DAY,
                "-Dmare.limits.contact-replies-per-hour=" + CONTACT_MESSAGES_PER_HOUR,
                "-Dmare.limits.registrations-per-address=" + REGISTRATIONS_PER_ADDRESS,
                // Every IT asks for reset links from 127.0.0.1: only the per-e-mail limit is met (PasswordResetIT).
                "-Dmare.limits.resets-per-address=" + REGISTRATIONS_PER_ADDRESS,
                // Members' posts are public at once in every test; ModerationIT turns first-post
                // approval on per account (account.posts_to_approve).
                "-Dmare.moderation.first-posts=0",
                // Rows written by a test behind Mare's back reach the visitors' page cache within
                // this delay (ADR 0019; Sql.sql waits for it).
                "-Dmare.content-version.poll-ms=" + CONTENT_VERSION_POLL_MS,
                "-Dmare.admin.username=" + ADMIN_USERNAME,
                "-Dmare.admin.email=" + ADMIN_EMAIL,
                "-Dmare.admin.password=" + ADMIN_PASSWORD,
                // Every mail goes to the GreenMail of the test JVM (TestMail), polled every second.
                "-Dmare.smtp.host=127.0.0.1",
                "-Dmare.smtp.port=" + TestMail.port(),
                "-Dmare.smtp.tls=none",
                "-Dmare.mail.from=mare@essais.example",
                "-Dmare.mail.poll-seconds=1",
                // Digests are looked for every second (NotificationMailIT moves a digest's time back).
                "-Dmare.mail.digest-poll-seconds=1")));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestMail.stop();
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    public static boolean available() {
        return url != null;
    }

    public static String jdbcUrl() {
        return url;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** A connection to the server, not to Mare's database (to create throwaway databases). */
    public static Connection connectToServer() throws SQLException {
        return DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1), user, password);
    }

    public static String user() {
        return user;
    }

    public static String password() {
        return password;
    }

    /** Whether the outage tests can stop and restart the database (only the embedded one). */
    public static boolean restartable() {
        return embedded != null;
    }

    /** Stops the embedded server: Mare must then answer 503, calmly. */
    public static synchronized void stop() {
        embedded.close();
    }

    /** Starts it again on the same port and data. */
    public static synchronized void start() {
        embedded = EmbeddedDatabase.start(folder, port);
    }

    private static Path writePreboot() {
        Path file = Path.of(System.getProperty("mare.buildDir", "target"), "it-payara-preboot.asadmin").toAbsolutePath();
        try {
            Files.write(file, fr.mare.boot.Launcher.ENDPOINTS_OFF);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    private static Path writePayaraProperties() {
        Path file = Path.of(System.getProperty("mare.buildDir", "target"), "it-payara-database.properties").toAbsolutePath();
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("mare.db.password", password);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newOutputStream(file)) {
                properties.store(out, "Test MariaDB (TestDatabase)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Mare's account may only use the {@code mare} schema; MigrationIT also creates and drops
     * {@code mare_migration_…} databases, where it gets exactly the same privileges, so that
     * the migrations are proven to run with no more than production has.
     */
    private static void allowThrowawayDatabases(EmbeddedDatabase database) {
        try (Connection root = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + database.port() + "/", "root",
                database.rootPassword()); java.sql.Statement statement = root.createStatement()) {
            statement.execute("GRANT " + EmbeddedDatabase.PRIVILEGES + " ON `mare\\_migration\\_%`.* TO '"
                    + EmbeddedDatabase.USER + "'@'127.0.0.1'");
        } catch (SQLException e) {
            throw new IllegalStateException("Test MariaDB: " + e.getMessage(), e);
        }
    }

    private static void deleteData(Path folder) {
        Path data = folder.resolve("mariadb");
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(data)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
