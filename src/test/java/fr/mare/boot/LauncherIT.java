package fr.mare.boot;

import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command, for real: {@code java -jar target/mare.jar} in its own process,
 * with its embedded MariaDB, demo content on first start, the configured administrator, a clean
 * stop on SIGTERM (no mariadbd left behind), and every piece of data found again after a restart.
 */
class LauncherIT {

    private static final String DEMO_PASSWORD = "bienvenue-sur-mare";
    private static final String PASSWORD = "une phrase de passe tranquille";

    private final List<Process> started = new ArrayList<>();

    /** SIGTERM first even after a failure, so no mariadbd outlives the test. */
    @AfterEach
    void stopAll() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void firstStartLoadsTheDemoAndEverythingSurvivesARestart() throws Exception {
        Path data = freshFolder("launcher-it-data");
        int port = freePort();
        Map<String, String> env = Map.of(
                "MARE_DATA_DIR", data.toString(),
                "MARE_HTTP_PORT", Integer.toString(port),
                "MARE_ADMIN_USERNAME", "gardienne",
                "MARE_ADMIN_EMAIL", "gardienne@example.org",
                "MARE_ADMIN_PASSWORD", "le premier mot de passe");

        Process first = launch(env, data.resolveSibling("launcher-it-1.log"));
        WebClient client = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(302, login(client, "camille", DEMO_PASSWORD).status(), "demo content on the first start");
        String messages = client.get("/messages").mainText();
        assertTrue(messages.contains("Vos formulaires de distribution"), "demo conversations with collectives: " + messages);
        WebClient moderator = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(302, login(moderator, "lea", DEMO_PASSWORD).status());
        assertEquals(2, moderator.get("/moderation").html().select(".queue-item").size(), "the demo's open reports (#6)");
        assertEquals(302, login(client, "gardienne", "le premier mot de passe").status(), "configured administrator");
        Page registered = client.get("/inscription").form("register")
                .set("username", "Rescapée").set("email", "rescapee@example.org").set("password", PASSWORD).submit();
        assertEquals(302, registered.status());
        String membersBefore = memberCount(client);

        stop(first, data);

        Map<String, String> second = new java.util.HashMap<>(env);
        second.put("MARE_ADMIN_PASSWORD", "un autre mot de passe");
        Process again = launch(second, data.resolveSibling("launcher-it-2.log"));
        WebClient afterRestart = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(302, login(afterRestart, "rescapée", PASSWORD).status(), "the account survived the restart");
        assertEquals(302, login(afterRestart, "gardienne", "le premier mot de passe").status(),
                "an existing administrator is never overwritten");
        assertEquals(200, login(afterRestart, "gardienne", "un autre mot de passe").status());
        assertEquals(membersBefore, memberCount(afterRestart), "the demo is not loaded twice");
        stop(again, data);
    }

    @Test
    void aDataFolderUnderTheTemporaryFolderIsRefused() throws Exception {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "mare-data-" + System.nanoTime());
        Path log = Path.of(System.getProperty("mare.buildDir", "target"), "launcher-it-tmp.log");
        Process process = start(Map.of("MARE_DATA_DIR", underTmp.toString(), "MARE_HTTP_PORT", Integer.toString(freePort())), log);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher stops by itself");
        assertEquals(2, process.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("dossier temporaire"), output);
        assertFalse(Files.exists(underTmp), "nothing was written there");
    }

    private Process launch(Map<String, String> env, Path log) throws Exception {
        Process process = start(env, log);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The launcher stopped: " + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("Mare est prête")) {
                return process;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Mare was not ready within 3 minutes: " + Files.readString(log));
    }

    private Process start(Map<String, String> env, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of(System.getProperty("mare.launcherJar", "target/mare.jar"));
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("MARE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** SIGTERM, as Ctrl-C or a service manager would send; then no mariadbd may be left. */
    private static void stop(Process process, Path data) throws Exception {
        process.destroy();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "Mare stops within 90 s of SIGTERM");
        Thread.sleep(500);
        List<String> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(data.toString())).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
        assertEquals(List.of(), leftovers, "no mariadbd left running");
    }

    private static Page login(WebClient client, String username, String password) {
        return client.login(username, password);
    }

    private static String memberCount(WebClient client) {
        return client.get("/").html().select("main p").stream()
                .map(p -> p.text()).filter(t -> t.contains("membres sur Mare")).findFirst().orElseThrow();
    }

    private static Path freshFolder(String name) throws IOException {
        Path folder = Path.of(System.getProperty("mare.buildDir", "target"), name).toAbsolutePath();
        if (Files.exists(folder.resolve("mariadb"))) {
            try (Stream<Path> paths = Files.walk(folder.resolve("mariadb"))) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return folder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
