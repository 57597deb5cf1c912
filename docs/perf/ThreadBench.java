import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of a large thread, against a running Mare on this machine (loopback only):
 *   java docs/perf/ThreadBench.java [base-url] [replies] [samples]
 * Logs in as the demo member « karim », publishes a topic, posts the replies in a random tree
 * (each answers the question or one of the 200 latest posts), then times page 1, a middle page,
 * the last page and a permalink, and prints the median and 90th percentile of each.
 */
public class ThreadBench extends BenchHttp {

    static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    static final Pattern POST = Pattern.compile("#post-(\\d+)");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int replies = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("loopback only");
        }
        submit(base, "/connexion", "login", Map.of("login:username", "karim", "login:password", "bienvenue-sur-mare"), "login:submit");
        String topic = location(submit(base, "/nouveau-sujet?categorie=vie-du-forum", "topic",
                Map.of("topic:title", "Banc d'essai : un très long fil (" + replies + " réponses)",
                        "topic:body", "Un sujet pour mesurer Mare avec un grand fil."), "topic:submit"));
        String path = topic.substring(topic.indexOf("/t/"));
        Random random = new Random(42);
        List<Long> recent = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 1; i <= replies; i++) {
            Long parent = recent.isEmpty() || random.nextInt(4) == 0 ? null : recent.get(random.nextInt(recent.size()));
            String page = parent == null ? path : path + "?repondre=" + parent;
            String form = parent == null ? "reply" : "posts:";
            HttpResponse<String> posted = replyTo(base, page, form, "Réponse " + i + " : " + "texte ".repeat(20));
            Matcher m = POST.matcher(location(posted));
            if (!m.find()) {
                throw new IllegalStateException("no anchor after reply " + i);
            }
            recent.add(Long.parseLong(m.group(1)));
            if (recent.size() > 200) {
                recent.remove(0);
            }
        }
        System.out.printf("%d replies posted in %.1f s%n", replies, (System.nanoTime() - started) / 1e9);
        int pages = (replies + 1 + 49) / 50;
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("page 1", path);
        targets.put("page " + (pages / 2), path + "?page=" + (pages / 2));
        targets.put("page " + pages + " (last)", path + "?page=" + pages);
        targets.put("permalink (302)", path + "?message=" + recent.get(recent.size() / 2));
        targets.put("chronological last page", path + "?vue=chronologique&page=" + pages);
        System.out.println("| request | median | p90 |");
        System.out.println("|---|---|---|");
        for (Map.Entry<String, String> target : targets.entrySet()) {
            double[] times = new double[samples];
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                HTTP.send(HttpRequest.newBuilder(URI.create(base + target.getValue())).build(), HttpResponse.BodyHandlers.discarding());
                times[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(times);
            System.out.printf("| %s | %.1f ms | %.1f ms |%n", target.getKey(), times[samples / 2], times[(int) (samples * 0.9)]);
        }
    }

    static HttpResponse<String> replyTo(String base, String page, String formPrefix, String body) throws Exception {
        String html = get(base + page);
        String form = formPrefix.equals("reply") ? "reply" : findFormEndingWith(html, "replyTo");
        return post(base + page, Map.of(form, form, form + ":body", body, form + ":submit", "Publier",
                "jakarta.faces.ViewState", viewState(html)));
    }

    static String findFormEndingWith(String html, String suffix) {
        Matcher m = Pattern.compile("<form id=\"([^\"]*" + suffix + ")\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no form " + suffix);
        }
        return m.group(1);
    }

    static HttpResponse<String> submit(String base, String page, String form, Map<String, String> fields, String button) throws Exception {
        String html = get(base + page);
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put(form, form);
        all.put(button, "ok");
        all.put("jakarta.faces.ViewState", viewState(html));
        if (page.contains("categorie=")) {
            all.put("topic:category", page.substring(page.indexOf("categorie=") + 10));
        }
        return post(base + page, all);
    }

    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no view state");
        }
        return m.group(1);
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "expected a redirect, got " + response.statusCode() + " (a refused form; for thousands of replies,"
                        + " start Mare with MARE_LIMITS_REPLIES_PER_MINUTE and MARE_LIMITS_REPLIES_PER_HOUR raised: docs/perf.md)"));
    }
}
