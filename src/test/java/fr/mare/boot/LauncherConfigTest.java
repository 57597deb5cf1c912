package fr.mare.boot;

import fr.mare.boot.LauncherConfig.Demo;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    void aLocalDemoStaysLocalOnLaterStartsOnLoopbackOnly(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress everywhere = InetAddress.getByName("0.0.0.0");
        LauncherConfig config = new LauncherConfig(Map.of("MARE_DATA_DIR", data.toString()), new Properties());
        assertFalse(config.localDemo(Demo.NONE, loopback), "a folder that never held the local demo");

        config.rememberLocalDemo();
        assertTrue(config.localDemo(Demo.NONE, loopback), "the second start of the local demo keeps its rules");
        assertFalse(config.localDemo(Demo.NONE, everywhere), "never once reachable from other machines");
        assertFalse(new LauncherConfig(Map.of("MARE_DATA_DIR", data.toString(), "MARE_DEMO", "false"), new Properties())
                .localDemo(Demo.NONE, loopback), "MARE_DEMO=false ends it");
        assertFalse(new LauncherConfig(Map.of("MARE_DATA_DIR", data.toString(), "MARE_DB_URL", "jdbc:mariadb://db/mare"), new Properties())
                .localDemo(Demo.NONE, loopback), "an external database is not the folder's");
        assertTrue(config.localDemo(Demo.LOCAL, loopback));
        assertFalse(config.localDemo(Demo.PUBLIC, everywhere));
    }

    @Test
    void httpThreadsAreBounded() {
        assertEquals(32, new LauncherConfig(Map.of(), new Properties()).httpThreads());
        assertEquals(64, new LauncherConfig(Map.of("MARE_HTTP_THREADS", "64"), new Properties()).httpThreads());
        assertThrows(LaunchException.class, () -> new LauncherConfig(Map.of("MARE_HTTP_THREADS", "2"), new Properties()).httpThreads());
    }

    @Test
    void theBufferPoolIsASizeInMariadbNotation() {
        assertEquals("32M", new LauncherConfig(Map.of(), new Properties()).databaseBufferPool());
        assertEquals("1G", new LauncherConfig(Map.of("MARE_DB_BUFFER_POOL", "1G"), new Properties()).databaseBufferPool());
        assertThrows(LaunchException.class, () -> new LauncherConfig(Map.of("MARE_DB_BUFFER_POOL", "32M --init-file=x"), new Properties())
                .databaseBufferPool());
    }

    @Test
    void defaults() {
        LauncherConfig config = new LauncherConfig(Map.of(), new Properties());
        assertEquals(8080, config.httpPort());
        assertEquals(Path.of("data").toAbsolutePath(), config.dataDir());
        assertFalse(config.demoExplicitlySet());
        assertEquals("127.0.0.1", config.httpAddress().getHostAddress(), "loopback unless told otherwise (#10)");
        assertEquals(300, config.startupWaitSeconds());
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

    // Security issue #10: no demo account with a known password on a reachable address.

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static InetAddress everyInterface() throws Exception {
        return InetAddress.getByName("0.0.0.0");
    }

    @Test
    void theViewStateKeyIsTheConfiguredOneOrDrawnOnceAndKeptAndAnUnreadableOneIsRefused(@org.junit.jupiter.api.io.TempDir Path data)
            throws Exception {
        String shared = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertEquals(shared, env("MARE_DATA_DIR", data.toString(), "MARE_FACES_STATE_KEY", shared).facesStateKey(),
                "every node the same configured key");
        String drawn = env("MARE_DATA_DIR", data.toString()).facesStateKey();
        assertEquals(32, java.util.Base64.getDecoder().decode(drawn).length);
        assertEquals(drawn, env("MARE_DATA_DIR", data.toString()).facesStateKey(), "kept across restarts: open forms stay valid");
        Path kept = data.resolve(LauncherConfig.FACES_STATE_KEY_FILE);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(kept)));
        Path other = data.resolve("autre");
        assertNotEquals(drawn, env("MARE_DATA_DIR", other.toString()).facesStateKey(), "each data folder draws its own");
        assertThrows(LaunchException.class, () -> env("MARE_FACES_STATE_KEY", "pas une clé").facesStateKey());
        assertThrows(LaunchException.class, () -> env("MARE_FACES_STATE_KEY", "c2hvcnQ=").facesStateKey(), "5 bytes: too short");
    }

    private static LauncherConfig env(String... pairs) {
        Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return new LauncherConfig(env, new Properties());
    }

    @Test
    void theFirstStartOnLoopbackIsALocalDemo() {
        assertEquals(Demo.LOCAL, env().demo(true, LOOPBACK));
        assertEquals(Demo.NONE, env().demo(false, LOOPBACK), "an existing database never gets the demo");
        assertEquals(Demo.NONE, env("MARE_DB_URL", "jdbc:mariadb://db/mare").demo(false, LOOPBACK));
    }

    @Test
    void theFirstStartOnAReachableAddressWithoutMareDemoIsRefusedInFrench() throws Exception {
        LauncherConfig config = env("MARE_HTTP_ADDRESS", "0.0.0.0");
        LaunchException refused = assertThrows(LaunchException.class, () -> config.demo(true, config.httpAddress()));
        assertTrue(refused.getMessage().contains("MARE_DEMO=false pour un vrai site"), refused.getMessage());
        assertTrue(refused.getMessage().contains("MARE_DEMO=true pour une démonstration publique"), refused.getMessage());
        assertEquals(Demo.NONE, config.demo(false, everyInterface()), "a database with data: nothing to decide");
        assertEquals(Demo.NONE, env("MARE_DB_URL", "jdbc:mariadb://db/mare").demo(false, everyInterface()),
                "an external database loads a demo only with MARE_DEMO=true");
    }

    @Test
    void mareDemoDecidesAndAPublicDemoHasOnlyRandomPasswords() throws Exception {
        assertEquals(Demo.NONE, env("MARE_DEMO", "false").demo(true, everyInterface()));
        assertEquals(Demo.NONE, env("MARE_DEMO", "false").demo(true, LOOPBACK));
        assertEquals(Demo.PUBLIC, env("MARE_DEMO", "true").demo(true, everyInterface()));
        assertEquals(Demo.PUBLIC, env("MARE_DEMO", "YES").demo(false, InetAddress.getByName("192.0.2.7")));
        assertEquals(Demo.LOCAL, env("MARE_DEMO", "true").demo(true, InetAddress.getByName("::1")));
        assertEquals(Demo.NONE, env("MARE_DEMO", "non").demo(true, LOOPBACK), "as MicroProfile Config reads it: false");
    }

    @Test
    void badAddressesAndWaitsAreExplainedInFrench() {
        LaunchException address = assertThrows(LaunchException.class,
                () -> env("MARE_HTTP_ADDRESS", "pas une adresse.invalid").httpAddress());
        assertTrue(address.getMessage().contains("MARE_HTTP_ADDRESS"), address.getMessage());
        LaunchException wait = assertThrows(LaunchException.class, () -> env("MARE_STARTUP_WAIT_SECONDS", "0").startupWaitSeconds());
        assertTrue(wait.getMessage().contains("MARE_STARTUP_WAIT_SECONDS"), wait.getMessage());
    }

    @Test
    void theHealthCheckAndTheBannerUseAnAddressThatAnswers() throws Exception {
        assertEquals("localhost", Launcher.localHost(LOOPBACK));
        assertEquals("localhost", Launcher.localHost(everyInterface()));
        assertEquals("192.0.2.7", Launcher.localHost(InetAddress.getByName("192.0.2.7")));
        assertEquals("[0:0:0:0:0:0:0:1]", Launcher.localHost(InetAddress.getByName("::1")));
    }

    @Test
    void anEmptyDataFolderIsRecognisedBeforeTheDatabaseStarts() throws Exception {
        Path folder = Path.of("target", "launcher-config-test-" + System.nanoTime()).toAbsolutePath();
        assertTrue(LauncherConfig.embeddedDatabaseIsEmpty(folder));
        java.nio.file.Files.createDirectories(folder.resolve("mariadb/mysql"));
        assertFalse(LauncherConfig.embeddedDatabaseIsEmpty(folder));
    }
}
