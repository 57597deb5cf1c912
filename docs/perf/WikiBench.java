import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark of a long tutorial, against a running Mare on this machine (loopback only):
 *   java docs/perf/WikiBench.java [base-url] [words] [samples]
 * Logs in as the demo member « karim », writes a tutorial of about 10,000 words (sections,
 * lists, code), saves a second revision with a few paragraphs changed, then times the tutorial
 * page (HTML rendered once at save) and the diff of the two revisions; prints median and p90.
 */
public class WikiBench extends BenchHttp {

    static final String[] WORDS = ("partage dossier agenda membres association fichier lien mot passe compte "
            + "synchronisation téléphone ordinateur espace Nextcloud calendrier contacts tâche réunion bénévoles "
            + "sauvegarde groupe quota application formulaire document tableur visio collectif").split(" ");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int words = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("loopback only");
        }
        Map<String, String> login = form(get(base + "/connexion"), "login");
        login.put("login:username", "karim");
        login.put("login:password", "bienvenue-sur-mare");
        login.put("login:submit", "ok");
        post(base + "/connexion", login);

        String first = text(words, new Random(1));
        Map<String, String> create = form(get(base + "/tutoriels/nouveau"), "wiki");
        create.put("wiki:title", "Banc d'essai : un tutoriel de " + words + " mots " + System.currentTimeMillis());
        create.put("wiki:section", "administration-de-l-espace");
        create.put("wiki:body", first);
        create.put("wiki:summary", "Première version");
        create.put("wiki:submit", "ok");
        String location = post(base + "/tutoriels/nouveau", create).headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("tutorial not created"));
        String page = location.substring(location.indexOf("/tutoriels/"));

        String second = first.replaceFirst("(?m)^Paragraphe 3 .*$", "Paragraphe 3 réécrit entièrement pour la deuxième version.")
                .replaceFirst("(?m)^Paragraphe 40 .*$", "Paragraphe 40, corrigé : une phrase plus courte.")
                + "\n\n## Annexe ajoutée\n\nUn dernier paragraphe.\n";
        Map<String, String> edit = form(get(base + page + "/modifier"), "wiki");
        edit.put("wiki:body", second);
        edit.put("wiki:summary", "Quelques corrections");
        edit.put("wiki:submit", "ok");
        int status = post(base + page + "/modifier", edit).statusCode();
        if (status != 302) {
            throw new IllegalStateException("second revision not saved: " + status);
        }
        System.out.printf("tutorial %s: %d words, %d characters%n", page, words, first.length());
        System.out.println("| request | median | p90 |");
        System.out.println("|---|---|---|");
        for (String[] target : new String[][] {{"tutorial page", page}, {"diff of revisions 1 and 2", page + "/diff?de=1&a=2"}}) {
            double[] times = new double[samples];
            for (int i = 0; i < samples; i++) {
                long t0 = System.nanoTime();
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + target[1])).build(), HttpResponse.BodyHandlers.discarding());
                times[i] = (System.nanoTime() - t0) / 1e6;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(target[1] + " answered " + r.statusCode());
                }
            }
            Arrays.sort(times);
            System.out.printf("| %s | %.1f ms | %.1f ms |%n", target[0], times[samples / 2], times[(int) (samples * 0.9)]);
        }
    }

    static String text(int words, Random random) {
        StringBuilder text = new StringBuilder("Un tutoriel très long, pour mesurer Mare.\n\n");
        int written = 0;
        for (int paragraph = 1; written < words; paragraph++) {
            if (paragraph % 10 == 1) {
                text.append("## Partie ").append(paragraph / 10 + 1).append("\n\n");
            }
            text.append("Paragraphe ").append(paragraph).append(' ');
            for (int i = 0; i < 60 && written < words; i++, written++) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(i % 12 == 11 ? ". " : " ");
            }
            text.append("\n\n");
            if (paragraph % 15 == 0) {
                text.append("- une étape\n- une autre étape\n\n```\nocc files:scan --all\n```\n\n");
            }
        }
        return text.toString();
    }
}
