import fr.mare.boot.EmbeddedDatabase;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Issue #17: Mare on a MariaDB primary with one replica, then the replica promoted when the
 * primary dies. Loopback only, ports 18185 to 18187, about 3 minutes. From the project's root,
 * after {@code mvn package -DskipTests}:
 * <pre>java -cp target/mare.jar docs/ops/ReplicaDrill.java</pre>
 * Both servers are Mare's embedded MariaDB binaries, started outside any Mare: the primary with
 * its binary log, the replica following it by GTID. First, Mare must refuse to migrate a
 * binary-logged primary without {@code log_bin_trust_function_creators} (error 1419 would leave a
 * migration half done), then carry on by itself once it is set. Mare runs against the primary (an external
 * database for it: {@code MARE_DB_URL}); replies are confirmed and read back on the replica; the
 * primary is killed ({@code kill -9}), the replica promoted (replication stopped,
 * {@code read_only} off) and a new Mare started against it must show every confirmed reply and
 * accept new ones. Prints one line per check (OK / ÉCHEC) and exits 1 on any failure.
 */
public class ReplicaDrill {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path WORK = ROOT.resolve("target/drill/replica");
    static final String TOPIC = "/t/5/bienvenue-sur-mare-presentez-vous";
    static boolean failed;

    public static void main(String[] args) throws Exception {
        deleteTree(WORK);
        Files.createDirectories(WORK);
        EmbeddedDatabase primary = EmbeddedDatabase.start(WORK.resolve("primaire"), 18185, "32M",
                List.of("--server-id=1", "--log-bin=mariadb-bin", "--binlog-format=ROW"));
        EmbeddedDatabase replica = EmbeddedDatabase.start(WORK.resolve("replique"), 18186, "32M",
                List.of("--server-id=2", "--relay-log=mariadb-relay"));
        Process mare = null;
        try {
            // Replication starts from the primary's position now: both servers already hold their
            // own accounts and an empty `mare` database; everything Mare does from here replicates.
            try (Connection p = root(primary); Statement s = p.createStatement()) {
                s.execute("CREATE USER 'replication'@'127.0.0.1' IDENTIFIED BY 'exercice-de-replication'");
                s.execute("GRANT REPLICATION SLAVE ON *.* TO 'replication'@'127.0.0.1'");
                String position = single(s, "SELECT @@gtid_binlog_pos");
                try (Connection r = root(replica); Statement t = r.createStatement()) {
                    // Read-only once its own start-up wrote the `mare` database: only replication writes.
                    t.execute("SET GLOBAL read_only = ON");
                    t.execute("SET GLOBAL gtid_slave_pos = '" + position + "'");
                    t.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port()
                            + ", MASTER_USER='replication', MASTER_PASSWORD='exercice-de-replication', MASTER_USE_GTID=slave_pos");
                    t.execute("START SLAVE");
                }
            }
            // A binary log refuses the migrations' triggers to a non-SUPER account (error 1419):
            // Mare must say so before it migrates anything, then go on by itself once it is set.
            long started = System.nanoTime();
            mare = launchMare(primary, "mare-primaire", 18187);
            Path log = WORK.resolve("mare-primaire.log");
            check("sans log_bin_trust_function_creators, Mare refuse de migrer et dit quoi régler",
                    awaitLog(mare, log, "log_bin_trust_function_creators = 1"));
            try (Connection p = root(primary); Statement s = p.createStatement()) {
                check("rien n'a été migré à moitié (tables de Mare : " + single(s, "SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_schema = 'mare'") + ")", single(s, "SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_schema = 'mare' AND table_name <> 'flyway_schema_history'").equals("0"));
                s.execute("SET GLOBAL log_bin_trust_function_creators = 1");
            }
            boolean ready = awaitLog(mare, log, "Mare est prête");
            check("le réglage fait, Mare migre et démarre d'elle-même, sans redémarrage (" + seconds(started) + " s en tout)", ready);
            Client camille = new Client(URI.create("http://127.0.0.1:18187/"));
            check("connexion de camille", camille.login("camille", "bienvenue-sur-mare") == 302);
            List<String> confirmed = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String text = "Réponse de l'exercice de réplique n° " + i + " " + System.nanoTime();
                if (camille.reply(TOPIC, text)) {
                    confirmed.add(text);
                }
            }
            check("5 réponses confirmées par Mare (302) : " + confirmed.size(), confirmed.size() == 5);
            long lag = waitReplicated(replica, confirmed);
            check("chaque réponse confirmée lue sur la réplique (" + (lag < 0 ? "absente après 30 s" : "en " + lag + " ms") + ")", lag >= 0);
            try (Connection r = root(replica); Statement t = r.createStatement()) {
                check("la réplique a tout le schéma de Mare (Flyway) : " + single(t, "SELECT COUNT(*) FROM mare.flyway_schema_history WHERE success = 1")
                        + " migrations", Integer.parseInt(single(t, "SELECT COUNT(*) FROM mare.flyway_schema_history WHERE success = 1")) > 20);
                List<String> noKey = column(t, "SELECT t.table_name FROM information_schema.tables t WHERE t.table_schema = 'mare'"
                        + " AND t.table_type = 'BASE TABLE' AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c"
                        + " WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY')");
                check("une clé primaire sur chaque table (Galera l'exige) : " + (noKey.isEmpty() ? "aucune table sans" : noKey), noKey.isEmpty());
                List<String> engines = column(t, "SELECT DISTINCT engine FROM information_schema.tables WHERE table_schema = 'mare'"
                        + " AND table_type = 'BASE TABLE'");
                check("toutes les tables en InnoDB (Galera ne réplique qu'InnoDB) : " + engines, engines.equals(List.of("InnoDB")));
            }

            // The primary dies; the replica is promoted and a new Mare points at it.
            stopMare(mare);
            mare = null;
            long kill = System.nanoTime();
            String datadir = "--datadir=" + WORK.resolve("primaire").resolve("mariadb");
            ProcessHandle.allProcesses().filter(h -> h.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(datadir)).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
            try (Connection r = root(replica); Statement t = r.createStatement()) {
                t.execute("STOP SLAVE");
                t.execute("RESET SLAVE ALL");
                t.execute("SET GLOBAL read_only = OFF");
            }
            mare = launchMare(replica, "mare-replique", 18187);
            boolean promoted = awaitLog(mare, WORK.resolve("mare-replique.log"), "Mare est prête");
            check("Mare redémarrée sur la réplique promue, prête " + seconds(kill) + " s après l'arrêt de la primaire", promoted);
            Client reader = new Client(URI.create("http://127.0.0.1:18187/"));
            String thread = reader.get(TOPIC);
            long present = confirmed.stream().filter(thread::contains).count();
            check("les réponses confirmées sur la primaire, lues par la nouvelle Mare : " + present + " sur " + confirmed.size(),
                    present == confirmed.size());
            Client karim = new Client(URI.create("http://127.0.0.1:18187/"));
            check("connexion de karim sur la réplique promue", karim.login("karim", "bienvenue-sur-mare") == 302);
            check("une nouvelle réponse acceptée par la réplique promue", karim.reply(TOPIC, "Après la bascule " + System.nanoTime()));
        } finally {
            if (mare != null) {
                stopMare(mare);
            }
            replica.close();
            primary.close();
        }
        System.out.println(failed ? "ÉCHEC de l'exercice" : "Exercice réussi");
        System.exit(failed ? 1 : 0);
    }

    static void check(String what, boolean ok) {
        System.out.println((ok ? "OK    " : "ÉCHEC ") + what);
        failed |= !ok;
    }

    static String seconds(long since) {
        return String.format("%.1f", (System.nanoTime() - since) / 1e9);
    }

    /** Milliseconds until every text is in the replica's forum_post, or -1 after 30 s. */
    static long waitReplicated(EmbeddedDatabase replica, List<String> texts) throws Exception {
        long start = System.nanoTime();
        try (Connection r = root(replica); Statement t = r.createStatement()) {
            while (System.nanoTime() - start < 30_000_000_000L) {
                long found = 0;
                for (String text : texts) {
                    try (ResultSet rows = t.executeQuery("SELECT COUNT(*) FROM mare.forum_post WHERE body_markdown = '"
                            + text.replace("'", "''") + "'")) {
                        rows.next();
                        found += rows.getLong(1);
                    }
                }
                if (found == texts.size()) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
                Thread.sleep(50);
            }
        }
        return -1;
    }

    static Connection root(EmbeddedDatabase db) throws Exception {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.port() + "/", "root", db.rootPassword());
    }

    static String single(Statement s, String sql) throws Exception {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static List<String> column(Statement s, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** {@code java -jar target/mare.jar} against that server as an external database, its output in {@code <name>.log}. */
    static Process launchMare(EmbeddedDatabase db, String name, int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                ROOT.resolve("target/mare.jar").toString()).redirectErrorStream(true).redirectOutput(WORK.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("MARE_"));
        builder.environment().putAll(Map.of("MARE_DATA_DIR", WORK.resolve(name).toString(), "MARE_HTTP_PORT", Integer.toString(port),
                "MARE_DB_URL", db.jdbcUrl(), "MARE_DB_USER", EmbeddedDatabase.USER, "MARE_DB_PASSWORD", db.password(),
                "MARE_DEMO", "true"));
        return builder.start();
    }

    /** Whether the log says {@code text} within 4 minutes (its last lines are printed when not). */
    static boolean awaitLog(Process mare, Path log, String text) throws Exception {
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline && mare.isAlive()) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return true;
            }
            Thread.sleep(500);
        }
        List<String> lines = Files.readAllLines(log);
        System.out.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        return false;
    }

    static void stopMare(Process mare) throws Exception {
        mare.destroy();
        if (!mare.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            mare.destroyForcibly();
        }
    }

    static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A browser without JavaScript: cookies, no redirects followed, forms read by patterns (jsoup is in the war, not beside the launcher). */
    static final class Client {
        final URI base;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).connectTimeout(Duration.ofSeconds(10)).build();

        Client(URI base) {
            this.base = base;
        }

        String get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        int login(String name, String password) throws Exception {
            return submit("/connexion", "login", Map.of("login:username", name, "login:password", password), "login:submit").statusCode();
        }

        boolean reply(String topic, String text) throws Exception {
            HttpResponse<String> sent = submit(topic, "reply", Map.of("reply:body", text), "reply:submit");
            return sent.statusCode() == 302 && sent.headers().firstValue("Location").orElse("").contains("#post-");
        }

        HttpResponse<String> submit(String path, String formId, Map<String, String> values, String button) throws Exception {
            String page = get(path);
            java.util.regex.Matcher formTag = java.util.regex.Pattern.compile("<form\\b[^>]*\\bid=\"" + formId + "\"[^>]*>").matcher(page);
            if (!formTag.find()) {
                throw new IllegalStateException("pas de formulaire " + formId + " sur " + path);
            }
            String tag = formTag.group();
            String form = page.substring(formTag.end(), page.indexOf("</form>", formTag.end()));
            Map<String, String> fields = new LinkedHashMap<>();
            java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input\\b[^>]*>").matcher(form);
            while (input.find()) {
                String type = attribute(input.group(), "type");
                String name = attribute(input.group(), "name");
                if (name != null && !"submit".equals(type) && !"button".equals(type) && !"file".equals(type)
                        && !"checkbox".equals(type) && !"radio".equals(type)) {
                    fields.put(name, unescape(java.util.Objects.requireNonNullElse(attribute(input.group(), "value"), "")));
                }
            }
            java.util.regex.Matcher area = java.util.regex.Pattern.compile("<textarea\\b[^>]*name=\"([^\"]*)\"[^>]*>([^<]*)</textarea>").matcher(form);
            while (area.find()) {
                fields.put(area.group(1), unescape(area.group(2)));
            }
            fields.putAll(values);
            fields.put(button, "x");
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            boolean multipart = "multipart/form-data".equalsIgnoreCase(attribute(tag, "enctype"));
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1)).resolve(unescape(attribute(tag, "action"))))
                    .timeout(Duration.ofSeconds(30));
            if (multipart) {
                String boundary = "----exercice" + System.nanoTime();
                StringBuilder parts = new StringBuilder();
                fields.forEach((k, v) -> parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                        .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
                parts.append("--").append(boundary).append("--\r\n");
                request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(parts.toString(), StandardCharsets.UTF_8));
            } else {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        static String attribute(String tag, String name) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
            return m.find() ? m.group(1) : null;
        }

        static String unescape(String html) {
            return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        }
    }
}
