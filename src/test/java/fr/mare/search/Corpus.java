package fr.mare.search;

import fr.mare.markdown.Json;
import fr.mare.markdown.MarkdownRenderer;
import fr.mare.markdown.RenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared French corpus ({@code ../shared/testdata/corpus-fr}) as search documents, through
 * the same pipeline as the application (Markdown → sanitised HTML → {@link SearchSources}'s plain
 * text). Keys follow the corpus's convention: {@code q:<id>}, {@code tuto:<slug>}.
 */
final class Corpus {

    /** {@code ../shared/testdata} from the repository, or {@code -Dmare.testdata=…} (a worktree elsewhere). */
    static final Path DIR = Path.of(System.getProperty("mare.testdata", "../shared/testdata")).resolve("corpus-fr");

    private Corpus() {
    }

    static boolean present() {
        return Files.isRegularFile(DIR.resolve("questions.jsonl")) && Files.isDirectory(DIR.resolve("tutorials"));
    }

    static List<SearchDocument> documents() {
        MarkdownRenderer renderer = new MarkdownRenderer();
        RenderOptions options = RenderOptions.forHost("mare.example");
        List<SearchDocument> docs = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(DIR.resolve("questions.jsonl"), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> q = (Map<String, Object>) Json.parse(line);
                long id = ((Number) q.get("id")).longValue();
                StringBuilder body = new StringBuilder(text(renderer, options, (String) q.get("body")));
                String solution = "";
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> answers = (List<Map<String, Object>>) q.get("answers");
                for (Map<String, Object> answer : answers) {
                    String text = text(renderer, options, (String) answer.get("body"));
                    if (Boolean.TRUE.equals(answer.get("is_solution"))) {
                        solution = text;
                    } else {
                        body.append('\n').append(text);
                    }
                }
                docs.add(new SearchDocument("q:" + id, SearchType.TOPIC, (String) q.get("title"), "", solution,
                        body.toString(), "/t/" + id, (String) q.get("category"), null, !solution.isEmpty(), List.of()));
            }
            try (Stream<Path> files = Files.list(DIR.resolve("tutorials"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    Tutorial t = Tutorial.parse(Files.readString(file, StandardCharsets.UTF_8));
                    String slug = file.getFileName().toString().replaceFirst("\\.md$", "");
                    var rendered = renderer.render(t.body(), options);
                    docs.add(new SearchDocument("tuto:" + slug, SearchType.TUTORIAL, t.title(),
                            String.join("\n", rendered.headings().stream().map(h -> h.text()).toList()), "",
                            SearchSources.text(rendered.html()), "/tutoriels/" + slug, null, null, false, List.of()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    private static String text(MarkdownRenderer renderer, RenderOptions options, String markdown) {
        return SearchSources.text(renderer.render(markdown, options).html());
    }

    /** A tutorial file: front matter between {@code ---} lines (title: "…"), then Markdown. */
    record Tutorial(String title, String body) {
        static Tutorial parse(String file) {
            String title = null;
            String body = file;
            if (file.startsWith("---")) {
                int end = file.indexOf("\n---", 3);
                for (String line : file.substring(3, end).split("\n")) {
                    if (line.startsWith("title:")) {
                        title = line.substring(6).strip().replaceAll("^\"|\"$", "");
                    }
                }
                body = file.substring(file.indexOf('\n', end + 1) + 1);
            }
            return new Tutorial(title, body);
        }
    }
}
