package fr.mare.demo;

import fr.mare.account.Account;
import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.account.RateLimits;
import fr.mare.account.Role;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.ForumService;
import fr.mare.forum.Post;
import fr.mare.forum.Topic;
import fr.mare.platform.DatabaseReady;
import fr.mare.wiki.WikiDraft;
import fr.mare.wiki.WikiService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code MARE_IMPORT_CORPUS=<dir>} (#12): imports a corpus in the format of
 * {@code ../shared/testdata/corpus-fr} — {@code questions.jsonl} as topics with their answers as
 * replies (nested by {@code parent_index}, the solution marked), {@code tutorials/*.md} as
 * tutorials with their licence's attribution — once, in one transaction, attributed to the
 * dedicated account {@value #USERNAME}; categories are created as needed. Idempotent: a later
 * start finds the account and imports nothing.
 */
@ApplicationScoped
public class CorpusImport {

    static final String USERNAME = "corpus-fr";
    private static final Logger LOG = Logger.getLogger(CorpusImport.class.getName());
    private static final String TUTORIAL_SECTION = "manuel-nextcloud";

    @Inject
    @ConfigProperty(name = "mare.import.corpus", defaultValue = " ")
    String corpus;

    @Inject
    private AccountService accounts;

    @Inject
    private ForumService forum;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private WikiService wiki;

    @Inject
    private Clock clock;

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Transactional
    void onDatabaseReady(@Observes @Priority(300) DatabaseReady ready) {
        if (corpus == null || corpus.isBlank()) {
            return;
        }
        Path dir = Path.of(corpus.strip());
        // One node at a time (#17): a second one waits, then finds the account.
        ImportLock.hold(em, "corpus");
        if (accounts.findByUsername(USERNAME).isPresent()) {
            LOG.info(() -> "MARE_IMPORT_CORPUS : le corpus est déjà importé (compte « " + USERNAME + " »), rien à faire.");
            return;
        }
        if (!Files.isRegularFile(dir.resolve("questions.jsonl")) || !Files.isDirectory(dir.resolve("tutorials"))) {
            LOG.warning(() -> "MARE_IMPORT_CORPUS : " + dir + " n'a ni questions.jsonl ni tutorials/ ; rien d'importé.");
            return;
        }
        Account account = accounts.createWithRole(USERNAME, USERNAME + "@import.mare.invalid", accounts.unguessablePassword(DemoPasswords.random()),
                Role.MEMBER, "Corpus de démonstration");
        // An established account whose posts need no approval: the corpus is Mare's own import.
        em.createNativeQuery("UPDATE account SET created_at = ?, posts_to_approve = 0 WHERE id = ?")
                .setParameter(1, clock.instant().minus(Duration.ofDays(90))).setParameter(2, account.getId()).executeUpdate();
        Caller author = new Caller(account.getId(), USERNAME, false, false);
        // Categories are created by the import itself (no administrator is at the keyboard).
        Caller setup = new Caller(account.getId(), USERNAME, false, true);
        int[] counts = new int[3];
        RateLimits.exempt(() -> {
            counts[0] = questions(dir.resolve("questions.jsonl"), author, setup, counts);
            counts[2] = tutorials(dir.resolve("tutorials"), author, setup);
        });
        LOG.info(() -> "MARE_IMPORT_CORPUS : " + counts[0] + " questions, " + counts[1] + " réponses et "
                + counts[2] + " tutoriels importés depuis " + dir);
    }

    private int questions(Path file, Caller author, Caller setup, int[] counts) {
        int topics = 0;
        for (String line : lines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject q = Json.createReader(new StringReader(line)).readObject();
            String category = ensureCategory(setup, q.getString("category"));
            Topic topic = forum.createTopic(author, category, q.getString("title"), q.getString("body"));
            List<Post> answers = new ArrayList<>();
            Post solution = null;
            for (JsonValue value : q.getJsonArray("answers")) {
                JsonObject a = value.asJsonObject();
                Long parent = a.containsKey("parent_index") ? answers.get(a.getInt("parent_index")).getId() : null;
                Post reply = forum.reply(author, topic.getId(), parent, a.getString("body"));
                answers.add(reply);
                if (a.getBoolean("is_solution", false)) {
                    solution = reply;
                }
                counts[1]++;
            }
            if (solution != null) {
                forum.markSolution(author, topic.getId(), solution.getId());
            }
            topics++;
        }
        return topics;
    }

    private int tutorials(Path folder, Caller author, Caller setup) {
        String section = ensureCategory(setup, TUTORIAL_SECTION);
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String text = read(file);
            String title = frontMatter(text, "title");
            String body = text.startsWith("---") ? text.substring(text.indexOf('\n', text.indexOf("\n---", 3) + 1) + 1) : text;
            String sourceUrl = frontMatter(text, "source_url");
            String license = frontMatter(text, "license");
            body = body.strip() + "\n\n---\n\n*Tutoriel adapté du manuel utilisateur Nextcloud (traduction française), "
                    + (license == null ? "CC BY 3.0 — Nextcloud documentation contributors" : license)
                    + " (https://creativecommons.org/licenses/by/3.0/)"
                    + (sourceUrl == null ? "" : ". Source : " + sourceUrl) + ".*\n";
            wiki.create(author, new WikiDraft(title == null ? file.getFileName().toString() : title, section, "debutant",
                    "MEMBRE", null, null, body, "Import du corpus"));
        }
        return files.size();
    }

    /** The category with this slug, created (named after the slug) when missing. */
    private String ensureCategory(Caller setup, String slug) {
        if (forumCategories.category(slug).isEmpty()) {
            String name = Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
            forumCategories.createCategory(setup, name, slug, "Catégorie créée par l'import du corpus.", null);
        }
        return slug;
    }

    private static String frontMatter(String text, String key) {
        if (!text.startsWith("---")) {
            return null;
        }
        for (String line : text.substring(3, text.indexOf("\n---", 3)).split("\n")) {
            if (line.startsWith(key + ":")) {
                return line.substring(key.length() + 1).strip().replaceAll("^\"|\"$", "");
            }
        }
        return null;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
