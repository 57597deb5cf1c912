package fr.mare.boot;

import fr.mare.testing.TestMail;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command, for real: {@code java -jar target/mare.jar} in its own process,
 * with its embedded MariaDB, demo content on first start, the configured administrator, a clean
 * stop on SIGTERM (no mariadbd left behind), and every piece of data found again after a restart.
 * Security issue #10: the demo administrator's password is random and printed once, demo
 * content needs loopback or MARE_DEMO=true, and nothing listens on a reachable address but HTTP.
 */
class LauncherIT {

    private static final String DEMO_PASSWORD = "bienvenue-sur-mare";
    private static final String PASSWORD = "une phrase de passe tranquille";
    private static final Pattern ADMIN_PASSWORD = Pattern.compile("Administration « sophie » : mot de passe de démonstration : (\\S+)");
    private static final Pattern MEMBER_PASSWORD = Pattern.compile("mot de passe des membres : (\\S+)");

    private final List<Process> started = new ArrayList<>();

    /** SIGTERM first even after a failure, so no mariadbd outlives the test. */
    @AfterEach
    void stopAll() throws InterruptedException {
        ResilienceIT.stop(started);
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
                "MARE_ADMIN_PASSWORD", "le premier mot de passe",
                // Not the address the test browses (localhost): mail links must come from here, never from Host.
                "MARE_PUBLIC_URL", "http://127.0.0.1:" + port);

        Path firstLog = data.resolveSibling("launcher-it-1.log");
        Process first = launch(env, firstLog);
        assertRunsWithMaresMemorySettings(first, firstLog);
        assertFalse(Files.readString(firstLog).contains("_ThreadName=RunLevelControllerThread"),
                "Payara's start-up services run one after the other, on no thread of their own (ADR 0034)");
        assertTrue(ListeningSockets.of(first.pid()).stream().anyMatch(a -> a.getPort() == port), "Mare listens on its port");
        assertEquals(List.of(), ListeningSockets.reachable(first.pid()),
                "HTTP on loopback by default (#10), no Hazelcast (#17): nothing reachable; all: " + ListeningSockets.of(first.pid()));
        WebClient client = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(302, login(client, "camille", DEMO_PASSWORD).status(), "demo content on the first start");
        WebClient admin = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(200, login(admin, "sophie", DEMO_PASSWORD).status(), "the README's password never opens the demo administrator (#10)");
        String adminPassword = printed(ADMIN_PASSWORD, firstLog);
        assertEquals(302, login(admin, "sophie", adminPassword).status(), "the password printed at the first start");
        assertEquals(1, occurrences(Files.readString(firstLog), adminPassword), "printed once, in the console only");
        assertTrue(Files.readString(firstLog).contains("Aucun serveur SMTP n'est configuré (MARE_SMTP_HOST)"),
                "the console says that no mail leaves and where to read them");
        String digestTo = demoMailsWaitInTheOutbox(admin, port);
        String messages = client.get("/messages").mainText();
        assertTrue(messages.contains("Vos formulaires de distribution"), "demo conversations with collectives: " + messages);
        WebClient moderator = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(302, login(moderator, "lea", DEMO_PASSWORD).status());
        org.jsoup.nodes.Document queue = moderator.get("/moderation").html();
        assertEquals(2, queue.select(".queue-item").size(), "the demo's open reports (#6)");
        assertEquals("2", queue.selectFirst("#moderation-count").text(), "the header counts the open items (#14)");
        java.util.Set<String> journal = new java.util.HashSet<>(moderator.get("/moderation/journal").html()
                .select(".journal-line").eachAttr("data-action"));
        assertTrue(journal.containsAll(List.of("HIDE", "SUSPEND", "EDIT", "DISMISS", "MOVE", "LOCK")), "a moderation history (#14): " + journal);
        assertDemoLivesEighteenMonths(client);
        assertEquals(302, login(client, "gardienne", "le premier mot de passe").status(), "configured administrator");
        Page registered = client.get("/inscription").form("register")
                .set("username", "Rescapée").set("email", "rescapee@example.org").set("password", PASSWORD).submit();
        assertEquals(302, registered.status());
        String membersBefore = memberCount(client);

        stop(first, data);

        Map<String, String> second = new java.util.HashMap<>(env);
        second.put("MARE_ADMIN_PASSWORD", "un autre mot de passe");
        // SMTP configured at last: what waited in the outbox leaves for a real SMTP server (GreenMail).
        boolean smtp = TestMail.available();
        if (smtp) {
            second.put("MARE_SMTP_HOST", "127.0.0.1");
            second.put("MARE_SMTP_PORT", Integer.toString(TestMail.smtpPort()));
            second.put("MARE_SMTP_TLS", "none");
            second.put("MARE_MAIL_FROM", "Mare <ne-pas-repondre@demo.mare.invalid>");
            second.put("MARE_MAIL_POLL_SECONDS", "1");
        }
        Path secondLog = data.resolveSibling("launcher-it-2.log");
        Process again = launch(second, secondLog);
        assertFalse(Files.readString(secondLog).contains("notez ces mots de passe"), "never printed again");
        WebClient afterRestart = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(302, login(afterRestart, "sophie", adminPassword).status(), "the demo administrator's password survived");
        assertEquals(302, login(afterRestart, "rescapée", PASSWORD).status(), "the account survived the restart");
        assertEquals(302, login(afterRestart, "gardienne", "le premier mot de passe").status(),
                "an existing administrator is never overwritten");
        assertEquals(200, login(afterRestart, "gardienne", "un autre mot de passe").status());
        assertEquals(membersBefore, memberCount(afterRestart), "the demo is not loaded twice");
        WebClient moderatorAgain = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(302, login(moderatorAgain, "lea", DEMO_PASSWORD).status());
        assertFalse(moderatorAgain.get("/moderation").html().select(".queue-item").isEmpty(),
                "the local demo's moderators still need no second factor after a restart (demo-locale marker)");
        if (smtp) {
            demoMailsAreFrenchMultipartWithPublicLinks(port, digestTo);
        }
        stop(again, data);
    }

    /** #14: dated over eighteen months, in <time> elements; profiles show activity; the DAVx⁵ discussion leads to its tutorial. */
    private static void assertDemoLivesEighteenMonths(WebClient client) throws Exception {
        org.jsoup.nodes.Document home = client.get("/").html();
        assertFalse(home.text().contains("bientôt"), "no placeholder for features that exist");
        List<Instant> dates = new ArrayList<>();
        for (String category : List.of("installation-et-hebergement", "fichiers-partage-et-synchronisation", "agenda-contacts-et-taches",
                "bureautique-en-ligne", "talk-et-visio", "applications", "administration-de-l-espace", "vie-du-forum")) {
            org.jsoup.nodes.Document list = client.get("/c/" + category).html();
            assertFalse(list.select("time[datetime]").isEmpty(), category + " has discussions with dates");
            list.select("time[datetime]").eachAttr("datetime").forEach(d -> dates.add(Instant.parse(d)));
        }
        Instant now = Instant.now();
        assertTrue(dates.stream().anyMatch(d -> d.isBefore(now.minus(Duration.ofDays(365)))), "over a year ago: " + dates);
        assertTrue(dates.stream().anyMatch(d -> d.isAfter(now.minus(Duration.ofDays(7)))), "this week: " + dates);
        org.jsoup.nodes.Document davx5 = client.get("/t/2/l-agenda-partage-de-l-epicerie-n-apparait-pas-sur-mon-telephone-android").html();
        assertFalse(davx5.select("a[href*=synchroniser-l-agenda-partage-sur-android-avec-davx5]").isEmpty(),
                "the solved DAVx⁵ discussion links to its tutorial");
        org.jsoup.nodes.Document google = client.get("/tutoriels/demenager-de-google-drive-vers-nextcloud/historique").html();
        assertEquals(3, google.select("#versions li").size(), "a tutorial with its versions over time");
        assertFalse(client.get("/t/31/on-quitte-google-workspace-par-ou-commencer-le-demenagement").html()
                .select(".post.depth-4 ~ .post, .post.depth-5").isEmpty(), "a long thread with deep branches");
        org.jsoup.nodes.Document karim = client.get("/u/karim").html();
        assertFalse(karim.select("#profile-solutions li").isEmpty(), "solutions given");
        assertFalse(karim.select("#profile-tutorials li").isEmpty(), "tutorials written");
        assertFalse(karim.select("#profile-replies li time[datetime]").isEmpty(), "recent replies, dated");
        assertTrue(client.get("/tutoriels/a-revoir").html().select("a[href^=/tutoriels/]").size() > 3, "some tutorials due for review");
    }

    @Test
    void aPublicDemoHasOnlyRandomPasswordsAndOnlyHttpIsReachable() throws Exception {
        Path data = freshFolder("launcher-it-public");
        int port = freePort();
        Path log = data.resolveSibling("launcher-it-public.log");
        Process process = launch(Map.of("MARE_DATA_DIR", data.toString(), "MARE_HTTP_PORT", Integer.toString(port),
                "MARE_HTTP_ADDRESS", "0.0.0.0", "MARE_DEMO", "true"), log);
        List<java.net.InetSocketAddress> reachable = ListeningSockets.reachable(process.pid());
        assertEquals(List.of(port), reachable.stream().map(java.net.InetSocketAddress::getPort).toList(),
                "MARE_HTTP_ADDRESS=0.0.0.0: HTTP on every interface, and nothing else (no Hazelcast, #17): " + reachable);
        WebClient client = new WebClient(URI.create("http://localhost:" + port + "/"));
        assertEquals(200, login(client, "camille", DEMO_PASSWORD).status(), "no documented password on a public demo");
        assertEquals(200, login(client, "sophie", DEMO_PASSWORD).status());
        String memberPassword = printed(MEMBER_PASSWORD, log);
        String adminPassword = printed(ADMIN_PASSWORD, log);
        assertFalse(memberPassword.equals(adminPassword), "the members' password does not open the administration");
        assertEquals(302, login(client, "camille", memberPassword).status());
        assertEquals(302, login(new WebClient(URI.create("http://localhost:" + port + "/")), "sophie", adminPassword).status());
        stop(process, data);
    }

    @Test
    void aFirstStartOnAReachableAddressWithoutMareDemoIsRefused() throws Exception {
        Path data = freshFolder("launcher-it-refused");
        Path log = data.resolveSibling("launcher-it-refused.log");
        Process process = start(Map.of("MARE_DATA_DIR", data.toString(), "MARE_HTTP_PORT", Integer.toString(freePort()),
                "MARE_HTTP_ADDRESS", "0.0.0.0"), log);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher stops by itself");
        assertEquals(2, process.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("MARE_DEMO=false pour un vrai site") && output.contains("MARE_DEMO=true"), output);
        assertFalse(Files.exists(data.resolve("mariadb")), "refused before the database was created");
    }

    // Issue #17: a launcher that cannot start must exit, so that a service manager starts it again.

    @Test
    void aTakenHttpPortStopsTheLauncherBeforeAnythingStarts() throws Exception {
        Path data = freshFolder("launcher-it-port-taken");
        Path log = data.resolveSibling("launcher-it-port-taken.log");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = start(Map.of("MARE_DATA_DIR", data.toString(), "MARE_HTTP_PORT", Integer.toString(taken.getLocalPort())), log);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher stops by itself");
            assertEquals(2, process.exitValue());
        }
        String output = Files.readString(log);
        assertTrue(output.contains("est déjà utilisé") && output.contains("MARE_HTTP_PORT"), output);
        assertFalse(Files.exists(data.resolve("mariadb")), "refused before the database was created");
        assertNoMariadbd(data);
    }

    @Test
    void aPayaraThatDoesNotBootStopsTheLauncherAndItsDatabase() throws Exception {
        Path data = freshFolder("launcher-it-boot-failure");
        Path log = data.resolveSibling("launcher-it-boot-failure.log");
        // Every interface, so Payara's HTTPS listener (which binds them all) cannot have it either.
        try (ServerSocket taken = new ServerSocket(0)) {
            Process process = start(Map.of("MARE_DATA_DIR", data.toString(), "MARE_HTTP_PORT", Integer.toString(freePort()), "MARE_DEMO", "false"),
                    log, "--sslport", Integer.toString(taken.getLocalPort()));
            assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the launcher stops by itself: " + Files.readString(log));
            assertEquals(1, process.exitValue());
        }
        String output = Files.readString(log);
        assertTrue(output.contains("Payara Micro n'a pas démarré"), output);
        assertTrue(Files.exists(data.resolve("mariadb")), "the database had started");
        assertNoMariadbd(data);
    }

    @Test
    void aHealthThatIsNotUpInTimeStopsTheLauncher() throws Exception {
        Path log = Path.of(System.getProperty("mare.buildDir", "target"), "launcher-it-not-up.log").toAbsolutePath();
        // A database that never answers: Mare boots, and /health says DOWN until it does.
        Process process = start(Map.of("MARE_DB_URL", "jdbc:mariadb://127.0.0.1:" + freePort() + "/mare",
                "MARE_DB_USER", "mare", "MARE_HTTP_PORT", Integer.toString(freePort()), "MARE_STARTUP_WAIT_SECONDS", "5"), log);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the launcher stops by itself: " + Files.readString(log));
        assertEquals(1, process.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("ne répond pas « UP »") && output.contains("MARE_STARTUP_WAIT_SECONDS"), output);
    }

    @Test
    void anApplicationThatDoesNotDeployEndsTheLauncherWithItsCause() throws Exception {
        Path data = freshFolder("launcher-it-undeployed");
        Path log = data.resolveSibling("launcher-it-undeployed.log");
        // A setting the application refuses (ADR 0037): Payara boots, Mare's deployment fails.
        Instant begun = Instant.now();
        Process process = start(Map.of("MARE_DATA_DIR", data.toString(), "MARE_HTTP_PORT", Integer.toString(freePort()),
                "MARE_DEMO", "false", "MARE_PASSWORD_ITERATIONS", "10"), log);
        assertTrue(process.waitFor(4, TimeUnit.MINUTES), "the launcher stops by itself: " + Files.readString(log));
        assertEquals(1, process.exitValue());
        String output = Files.readString(log);
        assertTrue(output.contains("l'application ne s'est pas déployée"), output);
        assertTrue(output.contains("MARE_PASSWORD_ITERATIONS vaut 10 : il faut au moins 1000"), "the cause is in the log: " + output);
        assertFalse(output.contains("ne répond pas « UP »"), "not after the whole start-up wait (300 s): " + output);
        assertTrue(Duration.between(begun, Instant.now()).toSeconds() < 240, "well before the 300 s of MARE_STARTUP_WAIT_SECONDS");
        assertNoMariadbd(data);
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

    /** The demo's kinds of mail, one of each flow, waiting in /admin/courriels (no SMTP on this start). */
    private static final List<String> DEMO_MAIL_KINDS = List.of("password-reset", "change-email", "verify-email", "email-taken",
            "notification", "digest");

    /**
     * Issue #13: without SMTP, the demo's start shows every mail flow to the administration —
     * « mot de passe oublié », change of address, confirmation, the warning of a taken address,
     * notification mails and the daily digest (due at the digest job's first round) — each readable,
     * in French, with links from MARE_PUBLIC_URL.
     */
    /** @return the address of a demo member whose digest waits (who gets one depends on the demo's threads) */
    private static String demoMailsWaitInTheOutbox(WebClient admin, int port) throws InterruptedException {
        Page list = admin.get("/admin/courriels");
        assertEquals(200, list.status());
        assertTrue(list.html().getElementById("smtp-state").text().contains("Aucun serveur SMTP"), list.mainText());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        List<String> kinds = kinds(list);
        while (!kinds.containsAll(DEMO_MAIL_KINDS) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            list = admin.get("/admin/courriels");
            kinds = kinds(list);
        }
        assertTrue(kinds.containsAll(DEMO_MAIL_KINDS), "every flow of the demo in the outbox: " + kinds);
        String publicUrl = "http://127.0.0.1:" + port + "/";
        Page reset = admin.get(link(list, "password-reset"));
        assertEquals("camille@demo.mare.invalid", reset.html().getElementById("mail-to").text());
        String resetText = reset.html().getElementById("mail-text").text();
        assertTrue(resetText.contains("Bonjour") && resetText.contains(publicUrl + "nouveau-mot-de-passe?jeton="), resetText);
        // Several demo members get a digest (those whose unread notifications are of the digest's kinds).
        Page digest = admin.get(link(list, "digest"));
        String digestTo = digest.html().getElementById("mail-to").text();
        assertTrue(digestTo.endsWith("@demo.mare.invalid"), digestTo);
        assertTrue(digest.html().getElementById("mail-subject").text().startsWith("Votre résumé Mare"), digest.mainText());
        assertTrue(digest.html().getElementById("mail-text").text().contains(publicUrl + "notifications"), digest.mainText());
        assertTrue(digest.mainText().contains("List-Unsubscribe") && digest.mainText().contains(publicUrl + "courriels/desabonnement?"),
                "a notification mail carries its one-click unsubscribe address: " + digest.mainText());
        assertTrue(admin.get(link(list, "email-taken")).html().getElementById("mail-text").text().contains("Quelqu'un a essayé"));
        return digestTo;
    }

    private static List<String> kinds(Page list) {
        return list.html().select("tr.mail-row").eachAttr("data-kind");
    }

    private static String link(Page list, String kind) {
        return link(list, kind, "");
    }

    /** The first mail of this kind whose recipient contains {@code to}. */
    private static String link(Page list, String kind, String to) {
        String href = list.html().select("tr.mail-row[data-kind=" + kind + "]").stream()
                .filter(row -> row.child(1).text().contains(to)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " mail to " + to + ": " + list.mainText()))
                .selectFirst("a").attr("href");
        return href.substring(href.indexOf("/admin/courriels"));
    }

    /** Once SMTP is configured, the demo's waiting mails arrive: multipart French, public links, RFC 8058 headers. */
    private static void demoMailsAreFrenchMultipartWithPublicLinks(int port, String digestTo) throws Exception {
        String publicUrl = "http://127.0.0.1:" + port + "/";
        TestMail.Received reset = TestMail.awaitSubject("camille@demo.mare.invalid", "Choisir un nouveau mot de passe");
        assertTrue(reset.message().getContentType().startsWith("multipart/alternative"), reset.message().getContentType());
        assertEquals("fr", reset.header("Content-Language"));
        assertTrue(reset.html() != null && reset.html().contains("lang=\"fr\""), "an HTML part in French");
        assertTrue(reset.link("/nouveau-mot-de-passe").toString().startsWith(publicUrl + "nouveau-mot-de-passe?jeton="));
        assertEquals(null, reset.header("List-Unsubscribe"), "an account mail is not a notification");
        for (String[] mail : new String[][] {{"karim@demo.mare.invalid", "a répondu"}, {digestTo, "Votre résumé Mare"}}) {
            TestMail.Received notice = TestMail.await(mail[0], r -> r.subject().replace('\u00a0', ' ').contains(mail[1]));
            assertTrue(notice.message().getContentType().startsWith("multipart/alternative"));
            assertTrue(notice.header("List-Unsubscribe").startsWith("<" + publicUrl + "courriels/desabonnement?"), notice.header("List-Unsubscribe"));
            assertEquals("List-Unsubscribe=One-Click", notice.header("List-Unsubscribe-Post"));
            assertTrue(notice.text().contains(publicUrl + "compte#courriels"), notice.text());
        }
        assertTrue(TestMail.awaitSubject("thomas@demo.mare.invalid", "Confirmez votre adresse").text().contains(publicUrl + "confirmer-adresse?jeton="));
        TestMail.awaitSubject("benedicte@demo.mare.invalid", "Quelqu'un a essayé d'utiliser votre adresse");
        TestMail.awaitSubject("karim.benali@demo.mare.invalid", "Confirmez votre nouvelle adresse");
    }

    /**
     * Starts the launcher and waits for « Mare est prête ». Payara Micro 7 rarely hangs inside its
     * boot (seen here once in ~30 boots: no log line after Grizzly started); the launcher then ends
     * itself with code 1 after MARE_STARTUP_WAIT_SECONDS (R7), and a service manager starts it
     * again (docs/operations.md, Restart=on-failure). This does the same, once, and says so.
     */
    private Process launch(Map<String, String> env, Path log) throws Exception {
        Map<String, String> withWait = new java.util.HashMap<>(env);
        withWait.putIfAbsent("MARE_STARTUP_WAIT_SECONDS", "150");
        for (int attempt = 1; ; attempt++) {
            Process process = start(withWait, log);
            // The launcher's own wait, then its exit (Payara's stop hooks, at most 30 s more).
            Instant deadline = Instant.now().plus(Duration.ofSeconds(Long.parseLong(withWait.get("MARE_STARTUP_WAIT_SECONDS")) + 60));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    String output = Files.readString(log);
                    if (attempt == 1 && process.exitValue() == 1 && output.contains("MARE_STARTUP_WAIT_SECONDS")) {
                        System.err.println("LauncherIT: boot made no progress, the launcher ended itself (R7); started again as a supervisor would.");
                        break;
                    }
                    throw new AssertionError("The launcher stopped: " + output);
                }
                if (Files.exists(log) && Files.readString(log).contains("Mare est prête")) {
                    return process;
                }
                Thread.sleep(500);
            }
            if (process.isAlive()) {
                throw new AssertionError("Mare was neither ready nor stopped in time: " + Files.readString(log));
            }
        }
    }

    @Test
    void aBootThatMakesNoProgressEndsTheLauncherAndStopsItsDatabase() throws Exception {
        Path data = freshFolder("launcher-it-slow-boot");
        Path log = data.resolveSibling("launcher-it-slow-boot.log");
        // Payara's boot takes longer than 3 s here: the watchdog fires while it is still under way,
        // as it would during a boot that hangs (the wait used to start only after Payara returned).
        Process process = start(Map.of("MARE_DATA_DIR", data.toString(), "MARE_HTTP_PORT", Integer.toString(freePort()),
                "MARE_DEMO", "false", "MARE_STARTUP_WAIT_SECONDS", "3"), log);
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the launcher ends itself: " + Files.readString(log));
        assertEquals(1, process.exitValue(), Files.readString(log));
        assertTrue(Files.readString(log).contains("MARE_STARTUP_WAIT_SECONDS"), Files.readString(log));
        assertNoMariadbd(data);
    }

    /**
     * Issue #11 (ADR 0033): the README's plain command runs with Mare's JVM settings, in the same
     * process (the pid a service manager or a drill knows), with glibc's arenas capped.
     */
    private static void assertRunsWithMaresMemorySettings(Process process, Path log) throws IOException {
        assertEquals(1, occurrences(Files.readString(log), "Mare relance sa JVM avec ses réglages de mémoire"), Files.readString(log));
        String commandLine = Files.readString(Path.of("/proc/" + process.pid() + "/cmdline")).replace('\0', ' ');
        assertTrue(commandLine.contains(String.join(" ", JvmRelaunch.DEFAULTS) + " -jar "), "the same pid runs the relaunched JVM: " + commandLine);
        String environment = Files.readString(Path.of("/proc/" + process.pid() + "/environ"));
        assertTrue(environment.contains("\0MALLOC_ARENA_MAX=2\0") || environment.startsWith("MALLOC_ARENA_MAX=2\0"), "glibc's arenas capped");
    }

    /** The README's command, {@code java -jar target/mare.jar}: with Mare's own JVM settings (issue #11). */
    private Process start(Map<String, String> env, Path log, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = Path.of(System.getProperty("mare.launcherJar", "target/mare.jar"));
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
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
        assertNoMariadbd(data);
    }

    private static void assertNoMariadbd(Path data) throws InterruptedException {
        Thread.sleep(500);
        List<String> leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(data.toString())).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
        assertEquals(List.of(), leftovers, "no mariadbd left running");
    }

    private static String printed(Pattern pattern, Path log) throws IOException {
        Matcher matcher = pattern.matcher(Files.readString(log));
        assertTrue(matcher.find(), "the password is printed: " + pattern);
        return matcher.group(1);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
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
