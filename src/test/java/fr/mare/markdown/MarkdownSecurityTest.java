package fr.mare.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every payload of the shared security corpus goes through the real pipeline, one dynamic test per
 * payload, and its output must pass {@link HtmlOracle}. The output must also be a fixed point of
 * the pipeline's own sanitising (so a browser re-parsing it cannot mutate it into something else).
 * Pathological inputs must finish within {@link #BOUND_NANOS} of CPU time or be refused by size.
 */
class MarkdownSecurityTest {

    private static final Path SECURITY = Path.of(System.getProperty("user.dir"))
            .resolve("../shared/testdata/security");

    /** commonmark-java's own PathologicalTest budget; generous for a 2-core CI machine. */
    private static final long BOUND_NANOS = 2_000_000_000L;

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();
    private static final RenderOptions OPTIONS = RenderOptions.forHost(HtmlOracle.SITE_HOST);

    private static Map<String, String> categories = Map.of();
    private static Set<String> eventHandlerNames = Set.of();

    @BeforeAll
    static void loadHelpers() throws IOException {
        Path index = SECURITY.resolve("index.tsv");
        if (Files.isRegularFile(index)) {
            Map<String, String> byKey = new HashMap<>();
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                byKey.put(cols[0] + ":" + cols[1], cols[3]);
            }
            categories = byKey;
        }
        Path handlers = SECURITY.resolve("xss/event-handler-names.txt");
        if (Files.isRegularFile(handlers)) {
            Set<String> names = new HashSet<>();
            for (String name : Files.readAllLines(handlers, StandardCharsets.UTF_8)) {
                if (!name.isBlank()) {
                    names.add(name.strip().toLowerCase(Locale.ROOT));
                }
            }
            eventHandlerNames = Set.copyOf(names);
        }
    }

    @TestFactory
    Stream<DynamicTest> markdownXss() throws IOException {
        return lineFile("markdown/markdown-xss.txt");
    }

    @TestFactory
    Stream<DynamicTest> markdownXssMultiline() throws IOException {
        return jsonFile("markdown/markdown-xss-multiline.json");
    }

    @TestFactory
    Stream<DynamicTest> htmlXss() throws IOException {
        return lineFile("xss/html-xss-payloads.txt");
    }

    @TestFactory
    Stream<DynamicTest> htmlXssMultiline() throws IOException {
        return jsonFile("xss/html-xss-multiline.json");
    }

    @TestFactory
    Stream<DynamicTest> dompurifyFixtures() throws IOException {
        return jsonFile("xss/sanitizer-fixtures-dompurify.json");
    }

    /** The oracle helper list must be there and usable, or the attribute check above is only "on*". */
    @TestFactory
    Stream<DynamicTest> eventHandlerListIsLoaded() {
        Path file = SECURITY.resolve("xss/event-handler-names.txt");
        Assumptions.assumeTrue(Files.isRegularFile(file), () -> "no shared corpus at " + file);
        return Stream.of(DynamicTest.dynamicTest("event-handler-names.txt gives " + eventHandlerNames.size()
                + " names", () -> {
                    assertTrue(eventHandlerNames.size() > 100, "too few names: " + eventHandlerNames.size());
                    assertTrue(eventHandlerNames.contains("onerror"));
                }));
    }

    /**
     * Negative controls: legitimate Markdown must keep working. Besides the oracle, every word and
     * every non-ASCII character (accents, typography, emoji) of the source must still be readable
     * in the output's text or URLs, and a link or image must keep its target.
     */
    @TestFactory
    Stream<DynamicTest> benignControls() throws IOException {
        Path file = requireFile("markdown/markdown-benign-controls.json");
        List<Map<String, Object>> items = items(file);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            String payload = (String) item.get("payload");
            String note = String.valueOf(item.get("note"));
            tests.add(DynamicTest.dynamicTest("benign #" + i + " " + shown(payload), () -> {
                String html = renderSafely(payload);
                if (note.startsWith("policy-dependent")) {
                    return; // allowed or dropped: the oracle above is the whole requirement
                }
                Element body = Jsoup.parseBodyFragment(html).body();
                StringBuilder visible = new StringBuilder(body.text());
                for (Element el : body.select("[href], [src], [alt], [title]")) {
                    visible.append(' ').append(el.attr("href")).append(' ').append(el.attr("src"))
                            .append(' ').append(el.attr("alt")).append(' ').append(el.attr("title"));
                }
                for (String expected : survivingParts(payload)) {
                    assertTrue(visible.toString().contains(expected),
                            () -> "'" + expected + "' lost from " + shown(payload) + "\noutput: " + html);
                }
                if (note.contains("href/src") || note.contains("link")) {
                    assertFalse(body.select("a[href], img[src]").isEmpty(),
                            () -> "no working link or image left: " + html);
                }
            }));
        }
        return tests.stream();
    }

    /**
     * Each case is expanded as the file describes. Within the size limit it must render within the
     * bound; over it, it must be refused (which is bounded too) and its first {@code MAX_CHARS}
     * characters, which a user can submit, must then render within the bound.
     */
    @TestFactory
    Stream<DynamicTest> pathological() throws IOException {
        Path file = requireFile("markdown/markdown-pathological.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cases = (List<Map<String, Object>>) root.get("cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(
                c.get("id") + " (" + ((Double) c.get("input_chars")).longValue() + " chars)", () -> {
                    String input = expand(c);
                    assertEquals(((Double) c.get("input_chars")).longValue(), input.codePointCount(0, input.length()),
                            "expansion of " + c.get("id"));
                    if (input.length() > MarkdownRenderer.MAX_CHARS) {
                        long start = cpuNanos();
                        ContentTooLargeException e = assertThrows(ContentTooLargeException.class,
                                () -> RENDERER.render(input, OPTIONS));
                        assertWithinBound(start, "refusal");
                        assertEquals(MarkdownRenderer.MAX_CHARS, e.limit());
                        assertEquals(input.length(), e.length());
                        renderWithinBound(prefix(input, MarkdownRenderer.MAX_CHARS));
                    } else {
                        renderWithinBound(input);
                    }
                }));
    }

    /**
     * Shapes found while building the pipeline that are quadratic or recursive in commonmark-java
     * 0.25.1 and that the shared corpus does not contain (see {@code BoundedInlineParser} and
     * {@code Nesting}). They need no shared data, so they always run.
     */
    @TestFactory
    Stream<DynamicTest> authoredPathological() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("emphasis, closers a multiple of 3", "a**b" + "c* ".repeat(33_000));
        cases.put("emphasis nested 7000 levels", "*a **a ".repeat(7000) + "b" + " a** a*".repeat(7000));
        cases.put("emphasis nested in one run", "*".repeat(49_000) + "a" + "*".repeat(49_000));
        cases.put("processing instructions never closed", "a" + "<?".repeat(49_999));
        cases.put("declarations never closed", "a" + "<!D ".repeat(24_999));
        cases.put("CDATA never closed", "a" + "<![CDATA[".repeat(11_000));
        cases.put("comments never closed", "a" + "<!--".repeat(24_999));
        cases.put("comments never closed, > between", "a" + "<!-- >".repeat(16_000));
        cases.put("angle brackets never closed", "<x ".repeat(33_000));
        cases.put("link text with parenthesised title never closed", "[ (](".repeat(20_000));
        cases.put("images with empty destinations", "![[]()".repeat(16_000));
        cases.put("paragraph of bracket lines", "[\n".repeat(50_000));
        cases.put("paragraph of pipe lines", "|\n".repeat(50_000));
        cases.put("paragraph interleaved with empty list items", "a\n- \n".repeat(25_000));
        StringBuilder lists = new StringBuilder();
        for (int depth = 0; lists.length() < MarkdownRenderer.MAX_CHARS; depth += 32) {
            lists.append("  ".repeat(depth)).append("- ".repeat(32)).append("a\n");
        }
        cases.put("lists nested by indentation, 32 markers a line", lists.toString());
        cases.put("links inside images inside links", "[![".repeat(14_000) + "a" + "](x)".repeat(14_000));
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(),
                () -> renderWithinBound(prefix(c.getValue(), Math.min(c.getValue().length(), MarkdownRenderer.MAX_CHARS)))));
    }

    private static void renderWithinBound(String input) {
        long start = cpuNanos();
        Rendered rendered;
        try {
            rendered = RENDERER.render(input, OPTIONS);
        } catch (StackOverflowError e) {
            fail("stack overflow");
            return;
        }
        assertWithinBound(start, "render");
        assertSafe(rendered.html(), input);
    }

    private static void assertWithinBound(long start, String what) {
        long elapsed = cpuNanos() - start;
        assertTrue(elapsed < BOUND_NANOS, () -> what + " took " + elapsed / 1_000_000 + " ms of CPU");
    }

    /**
     * This thread's CPU time: the bound is on the work a payload costs, which a busy shared machine
     * does not change (wall time grew past the bound under load while the work stayed the same).
     */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static String prefix(String s, int length) {
        int end = Character.isHighSurrogate(s.charAt(length - 1)) ? length - 1 : length;
        return s.substring(0, end);
    }

    private static String expand(Map<String, Object> spec) {
        StringBuilder sb = new StringBuilder();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parts = (List<Map<String, Object>>) spec.get("parts");
        for (Map<String, Object> part : parts) {
            if (part.containsKey("text")) {
                int repeat = part.containsKey("repeat") ? ((Double) part.get("repeat")).intValue() : 1;
                sb.append(((String) part.get("text")).repeat(repeat));
            } else {
                @SuppressWarnings("unchecked")
                List<Double> range = (List<Double>) part.get("range");
                String template = (String) part.get("template");
                String unit = part.containsKey("unit") ? (String) part.get("unit") : "";
                for (int i = range.get(0).intValue(); i < range.get(1).intValue(); i++) {
                    sb.append(template.replace("{i}", Integer.toString(i)).replace("{u}", unit.repeat(i)));
                }
            }
        }
        return sb.toString();
    }

    private Stream<DynamicTest> lineFile(String name) throws IOException {
        Path file = requireFile(name);
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = content.split("\n", -1);
        int count = content.endsWith("\n") ? lines.length - 1 : lines.length;
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String payload = lines[i];
            String key = name + ":" + (i + 1);
            tests.add(DynamicTest.dynamicTest(testName(key, payload), () -> renderSafely(payload)));
        }
        return tests.stream();
    }

    private Stream<DynamicTest> jsonFile(String name) throws IOException {
        Path file = requireFile(name);
        return items(file).stream().map(item -> {
            String payload = (String) item.get("payload");
            String key = name + ":" + item.get("id");
            return DynamicTest.dynamicTest(testName(key, payload), () -> renderSafely(payload));
        });
    }

    /** Renders, applies the oracle to the output and to its re-sanitised form, and checks they are equal. */
    private static String renderSafely(String payload) {
        String html = RENDERER.render(payload, OPTIONS).html();
        assertSafe(html, payload);
        return html;
    }

    private static void assertSafe(String html, String payload) {
        List<String> problems = HtmlOracle.violations(html, eventHandlerNames);
        assertTrue(problems.isEmpty(), () -> problems + "\npayload: " + shown(payload) + "\noutput: " + shown(html));
        String again = RENDERER.sanitizeHtml(html, OPTIONS);
        List<String> problemsAgain = HtmlOracle.violations(again, eventHandlerNames);
        assertTrue(problemsAgain.isEmpty(), () -> "after re-sanitising: " + problemsAgain + "\noutput: " + shown(again));
        assertEquals(html, again, () -> "output is not a fixed point of its own sanitising; payload: " + shown(payload));
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern FENCE_INFO = Pattern.compile("(?m)^( {0,3}(?:`{3,}|~{3,}))[^\\n]*");
    private static final Pattern TASK_MARKER = Pattern.compile("(?m)^(\\s*(?:[-*+]|\\d{1,9}[.)])\\s+)\\[[ xX]\\]");

    /**
     * Words and non-ASCII characters a reader must still find. Two kinds of syntax are left out:
     * a fence's info string (Mare drops the code language on purpose, see {@link
     * MarkdownRenderer}) and a task marker's {@code x} (it becomes the checkbox's state).
     */
    private static List<String> survivingParts(String payload) {
        String source = FENCE_INFO.matcher(payload).replaceAll("$1");
        source = TASK_MARKER.matcher(source).replaceAll("$1");
        List<String> parts = new ArrayList<>();
        Matcher words = WORD.matcher(source);
        while (words.find()) {
            parts.add(words.group());
        }
        source.codePoints().filter(cp -> cp > 0x7f).forEach(cp -> parts.add(Character.toString(cp)));
        return parts;
    }

    private static Path requireFile(String name) {
        Path file = SECURITY.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                () -> "no shared corpus at " + file + " (the ../shared checkout sits next to the project)");
        return file;
    }

    private static List<Map<String, Object>> items(Path file) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) root.get("items");
        assertFalse(items.isEmpty(), "no items in " + file);
        return items;
    }

    private static String testName(String key, String payload) {
        String category = categories.get(key);
        return key + (category == null ? "" : " [" + category + "]") + " " + shown(payload);
    }

    /** Payload as readable one-line text: control characters made visible, long ones cut. */
    private static String shown(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(90).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                sb.append(cp == '\n' ? "\\n" : String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return s.codePointCount(0, s.length()) > 90 ? sb + "…" : sb.toString();
    }
}
