package fr.mare.markdown;

import java.util.List;
import java.util.Objects;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns user Markdown into HTML that may be written into a Mare page unescaped.
 * <p>
 * Invariants, each tested against the shared XSS and pathological corpora:
 * <ul>
 * <li>raw HTML written in the Markdown is shown as text, never interpreted (commonmark escapes
 * it, and the jsoup allowlist would drop it anyway);</li>
 * <li>every {@code href} is http, https, mailto or relative, every {@code src} http, https or
 * relative, judged as a browser parses URLs;</li>
 * <li>only images on Mare itself are loaded by readers' browsers; remote ones become links;</li>
 * <li>links leaving Mare carry {@code rel="nofollow ugc noopener"}; links within Mare carry no
 * {@code rel}, so crawlers do follow the wiki's own cross-references;</li>
 * <li>work is bounded: the source is refused above {@link #MAX_CHARS}, and nesting is capped
 * before and after parsing, so no input costs seconds or a stack overflow;</li>
 * <li>fenced code keeps its content but not its language: no {@code class} attribute exists in
 * the output, so user text can never pick up one of Mare's own CSS classes. A future syntax
 * highlighter would add a checked {@code language-*} class and bump {@link #VERSION}.</li>
 * </ul>
 * One instance serves every thread: commonmark's parser and renderer and the jsoup allowlist are
 * immutable once built, and each call works on its own document.
 */
public final class MarkdownRenderer {

    /**
     * Version of this pipeline, stored with the HTML it produced. Bump it on any change that
     * alters output (allowlist, rewriting, extensions, library upgrade) so stored HTML can be
     * found and re-rendered.
     */
    public static final int VERSION = 2; // 2: only Mare's own uploads stay images, with their size (#15)

    /**
     * Longest accepted source, in UTF-16 code units (what {@link String#length()} and an HTML
     * {@code maxlength} count). Well above a long tutorial, well below what makes rendering slow.
     */
    public static final int MAX_CHARS = 100_000;

    /** Most container markers (quotes, list items) kept at the start of one line. */
    static final int MAX_LINE_NESTING = 32;

    /** Deepest syntax tree level rendered as structure; deeper content is kept as plain text. */
    static final int MAX_TREE_DEPTH = 64;

    /** Most consecutive non-blank lines, hence most lines in one paragraph (see {@link Nesting}). */
    static final int MAX_RUN_LINES = 2000;

    /** Prefix of every heading id, so no heading can take the id of an element of Mare's page. */
    static final String HEADING_ID_PREFIX = "h-";

    private final Parser parser;
    private final HtmlRenderer htmlRenderer;
    private final HtmlPolicy policy;

    public MarkdownRenderer() {
        List<Extension> extensions = List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                AutolinkExtension.create(),
                TaskListItemsExtension.create(),
                HeadingAnchorExtension.builder().idPrefix(HEADING_ID_PREFIX).defaultId("section").build());
        parser = Parser.builder()
                // Registered before the extensions so that it runs before their recursive visitors.
                .postProcessor(document -> {
                    Nesting.capTreeDepth(document, MAX_TREE_DEPTH);
                    return document;
                })
                .extensions(extensions)
                .inlineParserFactory(BoundedInlineParser.FACTORY)
                .build();
        htmlRenderer = HtmlRenderer.builder()
                .extensions(extensions)
                .escapeHtml(true)
                .sanitizeUrls(true)
                .percentEncodeUrls(true)
                .attributeProviderFactory(context -> NO_CODE_LANGUAGE)
                .build();
        policy = new HtmlPolicy();
    }

    /** Drops the {@code language-*} class commonmark puts on fenced code (see class comment). */
    private static final AttributeProvider NO_CODE_LANGUAGE = (node, tagName, attributes) -> {
        if (node instanceof FencedCodeBlock && tagName.equals("code")) {
            attributes.remove("class");
        }
    };

    /**
     * Renders {@code markdown} for a page served from {@code options.siteHost()}.
     *
     * @throws ContentTooLargeException if {@code markdown} is longer than {@link #MAX_CHARS},
     *         before any parsing
     */
    public Rendered render(String markdown, RenderOptions options) {
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(options, "options");
        if (markdown.length() > MAX_CHARS) {
            throw new ContentTooLargeException(MAX_CHARS, markdown.length());
        }
        String source = Nesting.boundLines(BoundedInlineParser.clean(markdown), MAX_LINE_NESTING, MAX_RUN_LINES);
        Node document = parser.parse(source);
        String html = htmlRenderer.render(document);

        Element body = policy.sanitize(html, options).body();
        List<Heading> headings = HtmlPolicy.headings(body);
        List<String> links = HtmlPolicy.linkTargets(body);
        int linkCount = body.select("a[href]").size();
        return new Rendered(body.html(), VERSION, headings, links, linkCount);
    }

    /**
     * Steps 3 and 4 alone (allowlist, link and image rewriting) on HTML, for tests that check
     * the output is a fixed point of its own sanitising.
     */
    String sanitizeHtml(String html, RenderOptions options) {
        Document doc = policy.sanitize(html, options);
        return doc.body().html();
    }
}
