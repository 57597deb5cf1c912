package fr.mare.security;

import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.WebClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security issue #10: failed logins, throttling, password changes, closed sessions and moderation
 * actions are logged as security events, and the log never holds a password, a session id, or a
 * line forged by a typed name. Canary passwords are planted, then the server's log file (written
 * by the Payara under test, see arquillian.xml) is read.
 */
class SecurityLogIT extends MareIT {

    /** The Payara under test logs to payara-it.log (arquillian.xml); Payara's file handler adds a generation number. */
    private static final Path LOG_DIR = Path.of(System.getProperty("mare.buildDir", "target"));

    @Test
    void eventsAreLoggedWithoutSecretsOrForgedLines() throws Exception {
        String canary = "canari-" + System.nanoTime();
        String password = "une phrase de passe tranquille";
        WebClient member = anonymous();
        String name = member.registerNewMember("journal", password);

        WebClient stranger = anonymous();
        stranger.login(name, canary + "-connexion");
        String forged = "intrus\u2028[INFO] sécurité connexion nom=\"" + name + "\"";
        stranger.login(forged, canary + "-forge");
        member.get("/compte").form("changePassword").set("currentPassword", canary + "-actuel").set("password", canary + "-nouveau").submit();
        assertEquals(302, member.get("/compte").form("changePassword").set("currentPassword", password)
                .set("password", canary + "-nouveau").submit().status());
        String session = member.cookie("JSESSIONID").orElseThrow();

        String log = awaitLogLine("sécurité mot-de-passe-changé nom=\"" + name + "\"");
        assertTrue(log.contains("sécurité connexion-refusée nom=\"" + name + "\""), "a failed login is an event");
        assertTrue(log.contains("sécurité mot-de-passe-actuel-refusé nom=\"" + name + "\""), "a wrong current password too");
        assertTrue(log.contains("intrus\\u2028[INFO]"), "the forged line separator is escaped");
        assertFalse(log.lines().anyMatch(l -> l.startsWith("[INFO] sécurité connexion nom=\"" + name)), "no forged line");
        assertFalse(log.contains(canary), "no password, ever");
        assertFalse(log.contains(session), "no session id");
    }

    private static String readLogs() throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(LOG_DIR)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("payara-it.log")
                    && !f.getFileName().toString().endsWith(".lck")).sorted().toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private static String awaitLogLine(String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String log = "";
        while (Instant.now().isBefore(deadline)) {
            log = readLogs();
            if (log.contains(expected)) {
                return log;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not in " + LOG_DIR + "/payara-it.log*: " + expected + "\n" + List.of(log.lines().filter(l -> l.contains("sécurité")).toArray()));
    }
}
