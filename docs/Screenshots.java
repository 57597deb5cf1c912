import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screenshots of Mare's main pages for reviewers, {@code docs/screenshots.sh}: starts the built
 * {@code target/mare.jar} with its demo on a free port and a throwaway data folder
 * ({@code target/screenshots-data}), drives Debian's headless Chromium through chromedriver's W3C
 * WebDriver protocol with the JDK's own HTTP client (no dependency), writes
 * {@code <page>-<width>.png}, then stops everything.
 *
 * <p>Arguments: the output folder, then the widths (375 1280). With {@code MARE_SCREENSHOT_BASE}
 * (an address such as http://127.0.0.1:8080), an already running Mare is used instead. Each page is
 * a line {@code name role path} of {@link #PAGES}; a path {@code @/tutoriels a.x} means « the first
 * link matching {@code a.x} on /tutoriels », and a last word {@code !#x} clicks #x (where shown) before the shot ({@code MARE_SCREENSHOT_PAGES} names a file of other lines). Every shot also prints the page's
 * {@code scrollWidth}: a page wider than the window scrolls sideways (WCAG 1.4.10).
 */
public final class Screenshots {

    /** name, who looks (visitor, member, moderator), where. */
    static final String PAGES = """
            accueil visitor /
            tutoriel visitor @/tutoriels .wiki-list a
            tutoriel-historique visitor /tutoriels/partager-un-dossier-par-lien-avec-quelqu-un-qui-n-a-pas-de-compte/historique
            tutoriel-comparaison visitor /tutoriels/partager-un-dossier-par-lien-avec-quelqu-un-qui-n-a-pas-de-compte/diff?de=1&a=2
            voisins visitor /voisins
            collectif visitor /voisins/amap-du-plateau
            recherche visitor /recherche?q=nextcloud
            accessibilite visitor /accessibilite
            accueil-membre member /
            sujet member @/ a[href*='onlyoffice-ou-collabora']
            nouveau-sujet member /nouveau-sujet
            notifications member /notifications
            menu member / !#site-menu-toggle
            moderation moderator /moderation
            """;

    static final String MEMBER = "camille";
    static final String MODERATOR = "lea";
    static final String DEMO_PASSWORD = "bienvenue-sur-mare";

    /** The same search as PhoneLayoutBrowserIT's (src/test/resources/fr/mare/testing/widest.js). */
    private static final String WIDEST;

    static {
        try {
            WIDEST = Files.readString(Path.of("src/test/resources/fr/mare/testing/widest.js"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("run from Mare's folder (docs/screenshots.sh does)", e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static String driver;
    private static String session;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<Integer> widths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            widths.add(Integer.parseInt(args[i]));
        }
        Files.createDirectories(out);
        String base = System.getenv("MARE_SCREENSHOT_BASE");
        Process mare = null;
        Path data = Path.of("target", "screenshots-data").toAbsolutePath();
        if (base == null) {
            deleteTree(data);
            int port = freePort();
            base = "http://127.0.0.1:" + port;
            ProcessBuilder launch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", "target/mare.jar").redirectErrorStream(true).redirectOutput(Path.of("target", "screenshots-mare.log").toFile());
            launch.environment().put("MARE_DATA_DIR", data.toString());
            launch.environment().put("MARE_HTTP_PORT", Integer.toString(port));
            launch.environment().put("MARE_HTTP_ADDRESS", "127.0.0.1");
            System.out.println("Mare démarre avec sa démonstration sur " + base + " (journal : target/screenshots-mare.log)…");
            mare = launch.start();
        }
        base = base.replaceAll("/$", "");
        int port = freePort();
        Process chromedriver = new ProcessBuilder("/usr/bin/chromedriver", "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        driver = "http://127.0.0.1:" + port;
        Path profile = Files.createTempDirectory("mare-screenshots");
        try {
            waitForDriver();
            if (mare != null) {
                waitForMare(base, mare);
            }
            session = string(post("/session", """
                    {"capabilities":{"alwaysMatch":{"goog:chromeOptions":{"binary":"/usr/bin/chromium",
                     "args":["--headless=new","--no-sandbox","--disable-gpu","--disable-dev-shm-usage","--hide-scrollbars",
                             "--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync",
                             "--lang=fr-FR","--window-size=1280,900","--user-data-dir=%s"],
                     "prefs":{"intl.accept_languages":"fr-FR,fr"}}}}}""".formatted(profile)), "sessionId");
            String who = "";
            String pages = System.getenv("MARE_SCREENSHOT_PAGES") == null ? PAGES : Files.readString(Path.of(System.getenv("MARE_SCREENSHOT_PAGES")));
            for (String line : pages.strip().split("\n")) {
                String[] page = line.strip().split(" ", 3);
                if (!page[1].equals(who)) {
                    logIn(base, page[1]);
                    who = page[1];
                }
                String[] where = page[2].split(" !", 2);
                String path = resolve(base, where[0]);
                for (int width : widths) {
                    shoot(base + path, where.length > 1 ? where[1] : null, out.resolve(page[0] + "-" + width + ".png"), width);
                }
            }
        } finally {
            if (session != null) {
                send(HttpRequest.newBuilder(URI.create(driver + "/session/" + session)).DELETE());
            }
            chromedriver.destroy();
            chromedriver.waitFor();
            if (mare != null) {
                mare.destroy(); // SIGTERM: Payara and the embedded MariaDB stop cleanly
                if (!mare.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    mare.destroyForcibly();
                }
                deleteTree(data);
            }
            deleteTree(profile);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static void waitForMare(String base, Process mare) throws Exception {
        for (int i = 0; i < 360; i++) {
            if (!mare.isAlive()) {
                throw new IllegalStateException("Mare s'est arrêtée (code " + mare.exitValue() + ") : voir target/screenshots-mare.log");
            }
            try {
                HttpResponse<Void> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Payara is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Mare n'a pas répondu en 3 minutes : voir target/screenshots-mare.log");
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void shoot(String url, String click, Path file, int width) throws Exception {
        boolean phone = width < 600;
        int firstScreen = phone ? 812 : 800;
        metrics(width, firstScreen);
        post("/session/" + session + "/url", json("url", url));
        if (click != null && number(script("var e = document.querySelector(arguments[0]);"
                + " if (e && e.offsetParent) { e.click(); return 1; } return 0", click)) == 0) {
            System.out.printf("%-28s %5d px wide: nothing to click (%s), no shot%n", file.getFileName(), width, click);
            return;
        }
        long scrollWidth = number(script("return document.documentElement.scrollWidth"));
        long height = number(script("return document.documentElement.scrollHeight"));
        String widest = scrollWidth > width ? string(script(WIDEST.replace("arguments[0]", Integer.toString(width))), "value") : "";
        // The page down to two first screens on a phone, one and a quarter on a wide screen: enough to
        // judge the layout, and the PNGs stay light enough to be committed (docs/screenshots/).
        metrics(width, (int) Math.min(Math.max(height, firstScreen), phone ? firstScreen * 2L : firstScreen * 5L / 4));
        String png = string(post("/session/" + session + "/goog/cdp/execute",
                "{\"cmd\":\"Page.captureScreenshot\",\"params\":{\"format\":\"png\"}}"), "data");
        Files.write(file, Base64.getDecoder().decode(png));
        System.out.printf("%-28s %5d px wide, scrollWidth %5d%s%n", file.getFileName(), width, scrollWidth,
                scrollWidth > width ? "  <-- scrolls sideways: " + widest : "");
    }

    private static void metrics(int width, int height) throws Exception {
        post("/session/" + session + "/goog/cdp/execute", """
                {"cmd":"Emulation.setDeviceMetricsOverride","params":{"width":%d,"height":%d,"deviceScaleFactor":1,"mobile":%b}}"""
                .formatted(width, height, width < 600));
    }

    /** Logs in as the demo member or moderator (or out, for a visitor) through the login form. */
    private static void logIn(String base, String role) throws Exception {
        post("/session/" + session + "/url", json("url", base + "/"));
        send(HttpRequest.newBuilder(URI.create(driver + "/session/" + session + "/cookie")).DELETE());
        if (role.equals("visitor")) {
            return;
        }
        String name = role.equals("moderator") ? MODERATOR : MEMBER;
        post("/session/" + session + "/url", json("url", base + "/connexion"));
        script("document.getElementById('login:username').value = arguments[0];"
                + "document.getElementById('login:password').value = arguments[1];"
                + "document.getElementById('login:submit').click(); return 1", name, DEMO_PASSWORD);
        for (int i = 0; i < 100; i++) {
            Thread.sleep(100);
            if (!string(send(HttpRequest.newBuilder(URI.create(driver + "/session/" + session + "/url")).GET()), "value").contains("/connexion")) {
                return;
            }
        }
        throw new IllegalStateException("login of " + name + " failed (still on /connexion)");
    }

    /** A path, or {@code @page selector}: the href of the first element matching selector on page. */
    private static String resolve(String base, String path) throws Exception {
        if (!path.startsWith("@")) {
            return path;
        }
        String[] where = path.substring(1).split(" ", 2);
        post("/session/" + session + "/url", json("url", base + where[0]));
        String href = string(script("var a = document.querySelector(arguments[0]); return a ? a.getAttribute('href') : ''", where[1]), "value");
        if (href.isEmpty()) {
            throw new IllegalStateException("no " + where[1] + " on " + where[0]);
        }
        return href;
    }

    private static String script(String body, String... args) throws Exception {
        List<String> quoted = new ArrayList<>();
        for (String arg : args) {
            quoted.add(quote(arg));
        }
        return post("/session/" + session + "/execute/sync", "{\"script\":" + quote(body) + ",\"args\":[" + String.join(",", quoted) + "]}");
    }

    private static void waitForDriver() throws Exception {
        for (int i = 0; i < 100; i++) {
            try {
                if (send(HttpRequest.newBuilder(URI.create(driver + "/status")).GET()).contains("\"ready\":true")) {
                    return;
                }
            } catch (IOException notYet) {
                // chromedriver is still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromedriver did not start");
    }

    private static String post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(driver + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException("WebDriver " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String json(String key, String value) {
        return "{" + quote(key) + ":" + quote(value) + "}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** The first string value of key in a WebDriver answer (the answers are small and flat enough). */
    private static String string(String answer, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"").matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + answer);
        }
        return m.group(1).replace("\\/", "/").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static long number(String answer) {
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*(\\d+)").matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("no number in " + answer);
        }
        return Long.parseLong(m.group(1));
    }
}
