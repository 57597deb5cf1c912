import fr.mare.boot.EmbeddedDatabase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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
 * its binary log, the replica following it by GTID. Mare runs against the primary (an external
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
                List.of("--server-id=2", "--read-only=ON", "--relay-log=mariadb-relay"));
        Process mare = null;
        try {
            // Replication starts from the primary's position now: both servers already hold their
            // own accounts and an empty `mare` database; everything Mare does from here replicates.
            try (Connection p = root(primary); Statement s = p.createStatement()) {
                s.execute("CREATE USER 'replication'@'127.0.0.1' IDENTIFIED BY 'exercice-de-replication'");
                s.execute("GRANT REPLICATION SLAVE ON *.* TO 'replication'@'127.0.0.1'");
                String position = single(s, "SELECT @@gtid_binlog_pos");
                try (Connection r = root(replica); Statement t = r.createStatement()) {
                    t.execute("SET GLOBAL gtid_slave_pos = '" + position + "'");
                    t.execute("CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=" + primary.port()
                            + ", MASTER_USER='replication', MASTER_PASSWORD='exercice-de-replication', MASTER_USE_GTID=slave_pos");
                    t.execute("START SLAVE");
                }
            }
            long started = System.nanoTime();
            mare = startMare(primary, "mare-primaire", 18187);
            check("Mare démarrée sur la primaire (schéma et démo importés) en " + seconds(started) + " s", mare != null);
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
            mare = startMare(replica, "mare-replique", 18187);
            check("Mare redémarrée sur la réplique promue en " + seconds(kill) + " s", mare != null);
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

    /** {@code java -jar target/mare.jar} against that server as an external database; null when not ready in 4 minutes. */
    static Process startMare(EmbeddedDatabase db, String name, int port) throws Exception {
        Path log = WORK.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                ROOT.resolve("target/mare.jar").toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("MARE_"));
        builder.environment().putAll(Map.of("MARE_DATA_DIR", WORK.resolve(name).toString(), "MARE_HTTP_PORT", Integer.toString(port),
                "MARE_DB_URL", db.jdbcUrl(), "MARE_DB_USER", EmbeddedDatabase.USER, "MARE_DB_PASSWORD", db.password(),
                "MARE_DEMO", "true"));
        Process process = builder.start();
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.readString(log).contains("Mare est prête")) {
                return process;
            }
            Thread.sleep(500);
        }
        System.out.println(Files.readString(log).lines().skip(Math.max(0, Files.readString(log).lines().count() - 30))
                .collect(Collectors.joining("\n")));
        process.destroyForcibly();
        return null;
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

    /** A browser without JavaScript: cookies, no redirects followed, forms filled from the page. */
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
            Document page = Jsoup.parse(get(path), base.resolve(path.substring(1)).toString());
            Element form = page.getElementById(formId);
            if (form == null) {
                throw new IllegalStateException("pas de formulaire " + formId + " sur " + path);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Element input : form.select("input[name], textarea[name]")) {
                String type = input.attr("type");
                if (!type.equals("submit") && !type.equals("button") && !type.equals("file")) {
                    fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.wholeText() : input.val());
                }
            }
            fields.putAll(values);
            fields.put(button, "x");
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            boolean multipart = form.attr("enctype").equalsIgnoreCase("multipart/form-data");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(form.absUrl("action"))).timeout(Duration.ofSeconds(30));
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
    }
}
