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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #17, drills R2 and R3 on the real launcher ({@code java -jar target/mare.jar}, embedded
 * MariaDB): mariadbd killed with SIGKILL under a running Mare, then the JVM itself killed with
 * SIGKILL and started again on the same folder, and SIGTERM timed. Each drill prints its
 * measures (« drill … ») for docs/operations.md.
 */
class ResilienceIT {

    static final String DEMO_PASSWORD = "bienvenue-sur-mare";
    static final String TOPIC = "/t/5/bienvenue-sur-mare-presentez-vous";

    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        stop(started);
    }

    /** SIGTERM to each, then SIGKILL to what still runs 90 s later: no mariadbd outlives a test. */
    static void stop(List<Process> started) throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void aKilledEmbeddedDatabaseIsRestartedAndNoConfirmedReplyIsLostOrDoubled() throws Exception {
        Path data = freshFolder("resilience-it-r2");
        int port = freePort();
        Path log = data.resolveSibling("resilience-it-r2.log");
        launch(env(data, port), log);
        WebClient camille = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(302, camille.login("camille", DEMO_PASSWORD).status());
        List<String> confirmed = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            confirmed.add(reply(camille, "Reponse R2 numero " + i + " avant la panne").orElseThrow());
        }
        Page openForm = camille.get(TOPIC);

        ProcessHandle mariadbd = mariadbdOf(data).orElseThrow(() -> new AssertionError("no mariadbd for " + data));
        Instant killed = Instant.now();
        mariadbd.destroyForcibly();
        mariadbd.onExit().get(10, TimeUnit.SECONDS);

        // Until the database is back: only calm 503s or pages, each quickly.
        int unavailable = 0;
        long slowest = 0;
        long slowest503 = 0;
        Instant back = null;
        while (Duration.between(killed, Instant.now()).toSeconds() < 90) {
            Instant asked = Instant.now();
            Page home = camille.get("/");
            long millis = Duration.between(asked, Instant.now()).toMillis();
            slowest = Math.max(slowest, millis);
            assertTrue(home.status() == 200 || home.status() == 503, "only 200 or 503 while the database is away: " + home.status());
            assertTrue(millis < 10_000, "no request hangs more than 10 s while the database is away: " + millis + " ms");
            if (home.status() == 503) {
                assertTrue(millis < 5000, "the 503 comes within 5 s: " + millis + " ms");
                slowest503 = Math.max(slowest503, millis);
                unavailable++;
                assertTrue(home.body().contains("courte pause"), "the calm French 503 page");
            } else if (unavailable > 0 || Duration.between(killed, asked).toSeconds() > 5) {
                back = Instant.now();
                break;
            }
            Thread.sleep(200);
        }
        assertTrue(back != null, "Mare is back within 90 s of the kill");
        Optional<ProcessHandle> restarted = mariadbdOf(data);
        assertTrue(restarted.isPresent() && restarted.get().pid() != mariadbd.pid(), "the launcher started a new mariadbd");
        System.out.printf("drill R2: mariadbd %d killed, %d pages answered 503 (slowest 503 %d ms, slowest request %d ms),"
                + " pages again after %d ms%n", mariadbd.pid(), unavailable, slowest503, slowest, Duration.between(killed, back).toMillis());

        // The form opened before the kill still sends, on the same session, now that it is back.
        Page late = openForm.form("reply").set("body", "Reponse R2 envoyee depuis un formulaire ouvert avant la panne").submit();
        assertEquals(302, late.status(), "the form opened before the kill: " + late.mainText());
        confirmed.add("Reponse R2 envoyee depuis un formulaire ouvert avant la panne");
        for (int i = 4; i <= 6; i++) {
            confirmed.add(reply(camille, "Reponse R2 numero " + i + " apres la panne").orElseThrow());
        }
        String thread = camille.get(TOPIC).body();
        for (String text : confirmed) {
            assertEquals(1, occurrences(thread, text), "confirmed once, present once: " + text);
        }
        assertTrue(Files.readString(log).contains("Base de données intégrée redémarrée"), "the log says so");
    }

    @Test
    void aKilledJvmDoesNotStopTheNextStartAndSigtermStopsEverythingQuickly() throws Exception {
        Path data = freshFolder("resilience-it-r3");
        int port = freePort();
        Map<String, String> env = env(data, port);
        Process first = launch(env, data.resolveSibling("resilience-it-r3-1.log"));
        WebClient camille = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(302, camille.login("camille", DEMO_PASSWORD).status());
        String text = reply(camille, "Reponse R3 confirmee avant le kill de la JVM").orElseThrow();

        first.destroyForcibly();
        assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        Optional<ProcessHandle> orphan = mariadbdOf(data);
        System.out.println("drill R3: JVM killed, orphan mariadbd left: " + orphan.map(p -> "pid " + p.pid()).orElse("none"));

        Instant restart = Instant.now();
        Process second = launch(env, data.resolveSibling("resilience-it-r3-2.log"));
        long readyMillis = Duration.between(restart, Instant.now()).toMillis();
        orphan.ifPresent(p -> assertTrue(!p.isAlive(), "the orphan mariadbd was stopped by the next start"));
        WebClient again = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(1, occurrences(again.get(TOPIC).body(), text), "the confirmed reply survived the kill");
        assertEquals(302, again.login("camille", DEMO_PASSWORD).status());
        assertTrue(reply(again, "Reponse R3 apres le redemarrage").isPresent(), "writes work after the restart");

        Instant term = Instant.now();
        second.destroy();
        assertTrue(second.waitFor(15, TimeUnit.SECONDS), "SIGTERM stops Mare within 15 s");
        long stopMillis = Duration.between(term, Instant.now()).toMillis();
        Thread.sleep(300);
        assertTrue(mariadbdOf(data).isEmpty(), "no mariadbd left after SIGTERM");
        System.out.printf("drill R3: next start ready in %d ms on the same folder; SIGTERM stopped everything in %d ms%n",
                readyMillis, stopMillis);
    }

    /**
     * R4: the embedded database's files on a small tmpfs (needs root and {@code mount}; skipped
     * otherwise, with the reason), filled up while Mare runs.
     */
    @Test
    void aFullDiskRefusesWritesInFrenchKeepsTheTextAndReadsGoOn() throws Exception {
        Path data = freshFolder("resilience-it-r4");
        Path mariadb = data.resolve("mariadb");
        Files.createDirectories(mariadb);
        unmount(mariadb);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=300m,mode=700", "tmpfs", mariadb.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
        org.junit.jupiter.api.Assumptions.assumeTrue(mounted,
                "R4 needs root and mount -t tmpfs: " + new String(mount.getInputStream().readAllBytes()));
        Path filler = mariadb.resolve("remplissage");
        try {
            int port = freePort();
            Process mare = launch(env(data, port), data.resolveSibling("resilience-it-r4.log"));
            WebClient camille = new WebClient(URI.create("http://localhost:" + port + "/"));
            assertEquals(302, camille.login("camille", DEMO_PASSWORD).status());
            List<String> confirmed = new ArrayList<>();
            confirmed.add(reply(camille, "Reponse R4 avant que le disque soit plein").orElseThrow());
            fill(filler);

            // Large replies until the tablespace must grow: refused, in French, text kept.
            StringBuilder big = new StringBuilder();
            java.util.Random random = new java.util.Random(17);
            while (big.length() < 30_000) {
                big.append(Long.toString(random.nextLong(), 36)).append(' ');
            }
            String refusal = null;
            for (int i = 1; i <= 40 && refusal == null; i++) {
                String text = "Reponse R4 numero " + i + " disque plein " + big;
                Page sent = camille.get(TOPIC).form("reply").set("body", text).submit();
                if (sent.status() == 302) {
                    confirmed.add(text);
                    continue;
                }
                assertTrue(sent.status() == 200 || sent.status() == 503, "a refusal, never a 500: " + sent.status());
                boolean diskFull = sent.body().contains("Espace disque plein");
                // MariaDB 10.11.5 may abort instead of answering 1114 (« Out of disk space in
                // rollback », signal 6): then the database is away, the calm 503 page.
                assertTrue(diskFull || sent.body().contains("courte pause"), "« espace disque plein » or the 503: " + sent.mainText());
                assertTrue(sent.body().contains("Reponse R4 numero " + i + " disque plein"), "the typed text is kept");
                refusal = sent.status() + (diskFull ? " « espace disque plein »" : " « courte pause » (mariadbd aborted)")
                        + " after " + (i - 1) + " accepted large replies";
            }
            assertTrue(refusal != null, "a write was refused once the disk was full");
            Page home = camille.get("/");
            Page health = camille.get("/health");
            assertEquals(503, health.status(), "/health DOWN while writes are refused: " + health.body());
            String whileFull = "home " + home.status() + ", /health " + health.status() + " " + health.body();

            Files.delete(filler);
            Instant freed = Instant.now();
            Optional<String> after = Optional.empty();
            while (after.isEmpty() && Duration.between(freed, Instant.now()).toSeconds() < 120) {
                Page page = camille.get(TOPIC);
                assertTrue(page.status() == 200 || page.status() == 503, "never a 500 while it recovers: " + page.status());
                if (page.status() == 200) {
                    after = reply(camille, "Reponse R4 une fois la place revenue");
                }
                if (after.isEmpty()) {
                    Thread.sleep(1000);
                }
            }
            assertTrue(after.isPresent(), "writes work again within 2 min once space is back");
            long recoveredMillis = Duration.between(freed, Instant.now()).toMillis();
            confirmed.add(after.get());
            String thread = camille.get(TOPIC).body();
            for (String text : confirmed) {
                assertEquals(1, occurrences(thread, text.length() > 60 ? text.substring(0, 60) : text),
                        "confirmed once, present once: " + text.substring(0, Math.min(60, text.length())));
            }
            System.out.println("drill R4: refusal " + refusal + "; while full: " + whileFull
                    + "; a write confirmed " + recoveredMillis + " ms after space came back; " + confirmed.size() + " confirmed replies present once");
            mare.destroy();
            assertTrue(mare.waitFor(30, TimeUnit.SECONDS));
        } finally {
            Files.deleteIfExists(filler);
            for (Process process : started) {
                process.destroy();
                process.waitFor(60, TimeUnit.SECONDS);
            }
            unmount(mariadb);
        }
    }

    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 20];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // the tmpfs is full: exactly what the drill wants
        }
    }

    private static void unmount(Path point) throws Exception {
        Process umount = new ProcessBuilder("umount", point.toString()).redirectErrorStream(true).start();
        umount.waitFor(10, TimeUnit.SECONDS);
    }

    /** The drills post more than the default 6 replies a minute of one member (ADR 0011). */
    static Map<String, String> env(Path data, int port) {
        return Map.of("MARE_DATA_DIR", data.toString(), "MARE_HTTP_PORT", Integer.toString(port),
                "MARE_LIMITS_REPLIES_PER_MINUTE", "1000", "MARE_LIMITS_REPLIES_PER_HOUR", "10000");
    }

    /** Sends a reply to {@link #TOPIC}; its text when the site confirmed it (302 to the post). */
    static Optional<String> reply(WebClient client, String text) {
        Page sent = client.get(TOPIC).form("reply").set("body", text).submit();
        return sent.status() == 302 && sent.location().contains("#post-") ? Optional.of(text) : Optional.empty();
    }

    static Optional<ProcessHandle> mariadbdOf(Path data) {
        String datadir = "--datadir=" + data.resolve("mariadb");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(datadir)).orElse(false))
                .findFirst();
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    Process launch(Map<String, String> env, Path log) throws Exception {
        return launch(List.of("-Xmx512m"), env, log, started);
    }

    /**
     * {@code java <jvmOptions> -jar target/mare.jar} with only these MARE_ variables, once it
     * says « Mare est prête »; added to {@code started} first, so that a failed start is stopped
     * too. Without an option that chooses the heap or the collector, the launcher relaunches
     * itself with its own JVM defaults (ADR 0033), in the same process.
     */
    static Process launch(List<String> jvmOptions, Map<String, String> env, Path log, List<Process> started) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of(System.getProperty("mare.launcherJar", "target/mare.jar"));
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("MARE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("The launcher stopped: " + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("Mare est prête")) {
                return process;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Mare was not ready within 4 minutes: " + Files.readString(log));
    }

    static Path freshFolder(String name) throws IOException {
        Path folder = Path.of(System.getProperty("mare.buildDir", "target"), name).toAbsolutePath();
        if (Files.exists(folder.resolve("mariadb"))) {
            try (Stream<Path> paths = Files.walk(folder.resolve("mariadb"))) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return folder;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
