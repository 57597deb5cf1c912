import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the directory (issue #5: 2,000 collectives, three facets, median ≤ 30 ms), against
 * a running Mare on this machine (loopback only):
 *   java docs/perf/DirectoryBench.java [base-url] [collectives-to-add] [samples] [warm-up]
 * Logs in as the demo member « karim » and presents {@code collectives-to-add} generated
 * collectives through the ordinary form (names, kinds, regions, apps and expertise drawn from a
 * fixed seed: associations, collectifs and coopératives of every region, 2 to 6 apps, 1 to 5 areas
 * each). Pass 0 to measure an already seeded instance. Then, after the warm-up requests, times
 * each directory view and prints median and p90 of the time to the response's headers (Faces buffers
 * the page: they leave when it is ready, which is the server time plus loopback) and of the
 * complete response (HTML read).
 */
public class DirectoryBench extends BenchHttp {

    static final String[] KIND = {"ASSOCIATION", "ASSOCIATION", "ASSOCIATION", "COLLECTIF", "COLLECTIF", "COOPERATIVE", "AUTRE"};
    static final String[] FIRST = {"Les Amis", "Association", "Collectif", "Coopérative", "Atelier", "Maison", "Réseau", "Union",
            "Comité", "Foyer", "Jardin", "Bibliothèque", "Chorale", "Amap", "Recyclerie", "Café associatif", "Épicerie solidaire",
            "Ressourcerie", "Fablab", "Club", "Compagnie", "Radio", "Université populaire", "Centre social"};
    static final String[] OF = {"du", "de la", "des", "de l'"};
    static final String[] THING = {"vélo", "partage", "quartier", "rivière", "solidarité", "bocage", "numérique libre", "vallée",
            "théâtre", "lecture", "semences", "jeunesse", "marais", "plateau", "écoute", "entraide", "montagne", "port", "bourg",
            "sentiers", "cinéma", "musique", "voisinage", "transition", "soupe", "cirque", "monde", "potagers", "estuaire", "causse"};
    static final String[] PLACE = {"Rennes", "Brest", "Lyon", "Lille", "Nantes", "Die", "Bayonne", "Tulle", "Alès", "Millau", "Namur",
            "Liège", "Genève", "Lausanne", "Montréal", "Québec", "Redon", "Morlaix", "Aurillac", "Figeac", "Dijon", "Besançon",
            "Poitiers", "Limoges", "Pau", "Tarbes", "Annecy", "Chambéry", "Grenoble", "Valence", "Arles", "Nîmes", "Sète", "Bastia"};
    static final String[] DOES = {"Nous animons des ateliers ouverts à toutes et tous", "Nous gérons un lieu partagé",
            "Nous accompagnons des bénévoles", "Nous organisons des chantiers participatifs", "Nous tenons une permanence chaque semaine",
            "Nous publions une lettre mensuelle", "Nous prêtons du matériel", "Nous réparons ensemble"};
    static final String[] USE = {"Nos **agendas** et nos **dossiers** sont sur Nextcloud depuis deux ans.",
            "Nous avons quitté Google Drive l'an dernier.", "Le bureau se réunit en visio sur **Talk**.",
            "Nos comptes rendus s'écrivent à plusieurs dans l'éditeur en ligne.", "Les inscriptions passent par un formulaire.",
            "Nous cherchons à mieux former les nouveaux bénévoles."};
    static final String[] NOTE = {"", "", "", "Nous l'avons fait l'an dernier", "Deux bénévoles s'y connaissent", "Un guide écrit, à partager",
            "Nous débutons", "Nous avons besoin d'un coup de main"};

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int add = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("loopback only");
        }
        if (add > 0) {
            Map<String, String> login = form(get(base + "/connexion"), "login");
            login.put("login:username", "karim");
            login.put("login:password", "bienvenue-sur-mare");
            login.put("login:submit", "ok");
            post(base + "/connexion", login);
            seed(base, add);
        }
        String[][] views = {
                {"all collectives, no filter", "/voisins"},
                {"three facets: aide=sauvegardes, app=talk, type=ASSOCIATION", "/voisins?aide=sauvegardes&app=talk&type=ASSOCIATION"},
                {"three facets: region=35, app=deck, besoin=migration-google", "/voisins?region=35&app=deck&besoin=migration-google"},
                {"three facets and a text search", "/voisins?q=atelier&aide=formation&app=fichiers&type=COLLECTIF"},
                {"(reference: a member's profile)", "/u/karim"},
        };
        System.out.println("| view | results | first byte: median / p90 | complete: median / p90 |");
        System.out.println("|---|---|---|---|");
        for (String[] view : views) {
            for (int i = 0; i < warmUp; i++) {
                time(base + view[1]);
            }
            double[] times = new double[samples];
            double[] firstByte = new double[samples];
            String body = null;
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                long[] headers = new long[1];
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + view[1])).build(), info -> {
                    headers[0] = System.nanoTime();
                    return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
                });
                times[i] = (System.nanoTime() - t0) / 1e6;
                firstByte[i] = (headers[0] - t0) / 1e6;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(view[1] + " answered " + r.statusCode());
                }
                body = r.body();
            }
            Arrays.sort(times);
            Arrays.sort(firstByte);
            Matcher count = Pattern.compile("<p id=\"results-count\">([^<]*)</p>").matcher(body);
            System.out.printf("| %s | %s | %.1f / %.1f ms | %.1f / %.1f ms |%n", view[0], count.find() ? count.group(1).strip() : "—",
                    firstByte[samples / 2], firstByte[(int) (samples * 0.9)], times[samples / 2], times[(int) (samples * 0.9)]);
        }
    }

    static String time(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    static void seed(String base, int count) throws Exception {
        String page = get(base + "/voisins/nouveau");
        List<String> regions = options(page, "collective:region");
        List<String> apps = names(page, "<input type=\"checkbox\" name=\"(app-[a-z0-9-]+)\"");
        List<String> areas = names(page, "<select id=\"area-[a-z0-9-]+\" name=\"(area-[a-z0-9-]+)\"");
        String[] sizes = {"1-10", "1-10", "11-50", "11-50", "11-50", "51-200", "200+"};
        Random random = new Random(5);
        long run = System.currentTimeMillis() % 100_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Map<String, String> f = form(i == 0 ? page : get(base + "/voisins/nouveau"), "collective");
            String place = pick(random, PLACE);
            String name = pick(random, FIRST) + " " + pick(random, OF) + (random.nextBoolean() ? "" : " ") + pick(random, THING) + " de " + place;
            f.put("collective:name", name.replace("de l' ", "de l'") + " " + run + "-" + i);
            f.put("collective:kind", pick(random, KIND));
            // most collectives in French départements, some in Belgium, Switzerland, Québec
            f.put("collective:region", regions.get(random.nextInt(regions.size())));
            f.put("collective:size", pick(random, sizes));
            f.put("collective:presentation", pick(random, DOES) + " à " + place + ".\n\n" + pick(random, USE) + " " + pick(random, USE));
            if (random.nextInt(3) == 0) {
                f.put("collective:website", "https://collectif-" + run + "-" + i + ".example.org");
            }
            for (String app : pickSome(random, apps, 2 + random.nextInt(5))) {
                f.put(app, "on");
            }
            for (String area : pickSome(random, areas, 1 + random.nextInt(5))) {
                f.put(area, random.nextInt(5) < 3 ? "CAN_HELP" : "SEEKS_HELP");
                f.put("note-" + area.substring("area-".length()), pick(random, NOTE));
            }
            f.put("collective:submit", "ok");
            HttpResponse<String> r = post(base + "/voisins/nouveau", f);
            if (r.statusCode() != 302) {
                throw new IllegalStateException("collective " + i + " not created: " + r.statusCode());
            }
            if ((i + 1) % 250 == 0) {
                System.out.printf("%d collectives added (%.0f s)%n", i + 1, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    static List<String> pickSome(Random random, List<String> values, int n) {
        List<String> copy = new ArrayList<>(values);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    static List<String> options(String html, String selectName) {
        Matcher select = Pattern.compile("<select[^>]*name=\"" + Pattern.quote(selectName) + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
        if (!select.find()) {
            throw new IllegalStateException("no select " + selectName);
        }
        List<String> values = new ArrayList<>();
        Matcher option = Pattern.compile("<option[^>]*value=\"([^\"]+)\"").matcher(select.group(1));
        while (option.find()) {
            values.add(option.group(1));
        }
        return values;
    }

    static List<String> names(String html, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("nothing matches " + regex);
        }
        return found;
    }
}
