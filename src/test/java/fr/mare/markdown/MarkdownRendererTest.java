package fr.mare.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden input → HTML for each supported construct, then each rewriting rule and limit. */
class MarkdownRendererTest {

    private static final String REL = "rel=\"nofollow ugc noopener\"";

    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final RenderOptions options = RenderOptions.forHost("mare.example");

    private String html(String markdown) {
        return renderer.render(markdown, options).html();
    }

    // --- golden output -----------------------------------------------------------------------

    @Test
    void paragraphsAndEmphasis() {
        assertEquals("<p>Bonjour <em>tout</em> le <strong>monde</strong> !</p>\n<p>Un autre.</p>\n",
                html("Bonjour *tout* le **monde** !\n\nUn autre."));
    }

    @Test
    void headingCarriesPrefixedAnchor() {
        assertEquals("<h2 id=\"h-installer-nextcloud\">Installer <em>Nextcloud</em></h2>\n",
                html("## Installer *Nextcloud*"));
    }

    @Test
    void gfmTableKeepsAlignment() {
        assertEquals("<table>\n<thead>\n<tr>\n<th align=\"left\">Nom</th>\n<th align=\"center\">Rôle</th>\n"
                + "</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">Zoé</td>\n<td align=\"center\">trésorière</td>\n"
                + "</tr>\n</tbody>\n</table>\n",
                html("| Nom | Rôle |\n|:----|:----:|\n| Zoé | trésorière |"));
    }

    @Test
    void strikethrough() {
        assertEquals("<p><del>barré</del> et <del>aussi</del></p>\n", html("~~barré~~ et ~aussi~"));
    }

    @Test
    void bareUrlsAndEmailsBecomeLinks() {
        assertEquals("<p>Voir <a href=\"https://exemple.org/page\" " + REL + ">https://exemple.org/page</a> ou "
                + "<a href=\"mailto:contact@exemple.org\" " + REL + ">contact@exemple.org</a></p>\n",
                html("Voir https://exemple.org/page ou contact@exemple.org"));
    }

    @Test
    void taskListHasDisabledCheckboxes() {
        assertEquals("<ul>\n<li><input type=\"checkbox\" disabled checked> ordre du jour</li>\n"
                + "<li><input type=\"checkbox\" disabled> compte rendu</li>\n</ul>\n",
                html("- [x] ordre du jour\n- [ ] compte rendu"));
    }

    @Test
    void fencedCodeIsEscapedVerbatimWithoutLanguageClass() {
        assertEquals("<pre><code>if (a &lt; b &amp;&amp; c &gt; d) { return \"&lt;b&gt;\"; }\n</code></pre>\n",
                html("```java\nif (a < b && c > d) { return \"<b>\"; }\n```"));
    }

    @Test
    void nestedBlockquote() {
        assertEquals("<blockquote>\n<p>Citation</p>\n<blockquote>\n<p>citation imbriquée</p>\n</blockquote>\n"
                + "</blockquote>\n", html("> Citation\n>\n> > citation imbriquée"));
    }

    @Test
    void nestedListsAndOrderedStart() {
        assertEquals("<ul>\n<li>un\n<ul>\n<li>deux\n<ul>\n<li>trois</li>\n</ul>\n</li>\n</ul>\n</li>\n<li>quatre</li>\n"
                + "</ul>\n<ol start=\"3\">\n<li>trois</li>\n<li>quatre</li>\n</ol>\n",
                html("- un\n  - deux\n    - trois\n- quatre\n\n3. trois\n4. quatre"));
    }

    @Test
    void thematicBreakHardBreakAndInlineCode() {
        assertEquals("<hr>\n<p>ligne<br>\ndure <code>&lt;b&gt;</code> &amp;</p>\n",
                html("---\n\nligne  \ndure `<b>` &amp;"));
    }

    @Test
    void frenchTypographyAndEmojiRoundTrip() {
        String text = "Réunion « Les Tilleuls » — jeudi à 18 h ! Ça marche 🎉👩‍👩‍👧 🇫🇷";
        assertEquals("<p>" + text + "</p>\n", html(text));
    }

    // --- raw HTML and dangerous URLs --------------------------------------------------------

    @Test
    void rawHtmlIsShownAsText() {
        String out = html("<script>alert(1)</script>\n\nTexte <img src=x onerror=alert(1)>");
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>Texte &lt;img src=x onerror=alert(1)&gt;</p>\n", out);
        assertTrue(Jsoup.parseBodyFragment(out).select("script, img").isEmpty());
    }

    @Test
    void javascriptLinkKeepsOnlyItsText() {
        assertEquals("<p>x</p>\n", html("[x](javascript:alert(1))"));
    }

    @Test
    void obfuscatedSchemesKeepOnlyTheirText() {
        assertEquals("<p>a b c d e f g</p>\n", html("[a](java&#x09;script:alert(1)) [b](JaVaScRiPt:alert(1)) "
                + "[c](&#106;avascript:alert(1)) [d]( javascript:alert(1)) [e](vbscript:msgbox(1)) "
                + "[f](data:text/html;base64,PHNjcmlwdD4=) [g](<java\u000bscript:alert(1)>)"));
    }

    /** The allowlist layer alone, on HTML commonmark would never produce: whitespace inside the scheme. */
    @ParameterizedTest
    @ValueSource(strings = {"java\tscript:alert(1)", "java\nscript:alert(1)", "\u0001javascript:alert(1)",
            " javascript:alert(1)", "javascript&#x3A;alert(1)", "jav&#x09;ascript:alert(1)", "data:text/html,x",
            "vbscript:x", "JAVASCRIPT:alert(1)"})
    void sanitiserDropsObfuscatedSchemes(String href) {
        String out = renderer.sanitizeHtml("<p><a href=\"" + href + "\">x</a><img src=\"" + href + "\" alt=\"i\"></p>", options);
        assertEquals("<p>xi</p>", out, href);
    }

    @Test
    void sanitiserDropsWhatTheAllowlistDoesNotName() {
        String out = renderer.sanitizeHtml("<p style=\"color:red\" class=\"x\" onclick=\"alert(1)\">a</p>"
                + "<svg><script>alert(1)</script></svg><iframe src=\"https://x\"></iframe><input type=\"text\">"
                + "<h2 id=\"menu\">t</h2>", options);
        assertEquals("<p>a</p><h2>t</h2>", out);
    }

    // --- links and images --------------------------------------------------------------------

    @Test
    void externalLinksGetRelInternalOnesDoNot() {
        Rendered r = renderer.render("[interne](/wiki/accueil) [absolu](https://mare.example/wiki) "
                + "[externe](https://exemple.org/) [courriel](mailto:a@exemple.org) [ancre](#h-titre) "
                + "[autre port](https://mare.example:8443/) [tiers](//tiers.exemple/)", options);
        assertEquals("<p><a href=\"/wiki/accueil\">interne</a> <a href=\"https://mare.example/wiki\">absolu</a> "
                + "<a href=\"https://exemple.org/\" " + REL + ">externe</a> "
                + "<a href=\"mailto:a@exemple.org\" " + REL + ">courriel</a> <a href=\"#h-titre\">ancre</a> "
                + "<a href=\"https://mare.example:8443/\" " + REL + ">autre port</a> "
                + "<a href=\"//tiers.exemple/\" " + REL + ">tiers</a></p>\n", r.html());
    }

    @Test
    void externalImageBecomesALinkWithAltAsText() {
        assertEquals("<p><a href=\"https://images.exemple/chat.png\" title=\"Un chat\" " + REL + ">chat</a></p>\n",
                html("![chat](https://images.exemple/chat.png \"Un chat\")"));
    }

    @Test
    void externalImageWithoutAltShowsItsUrl() {
        assertEquals("<p><a href=\"//pixel.exemple/p.gif\" " + REL + ">//pixel.exemple/p.gif</a></p>\n",
                html("![](//pixel.exemple/p.gif)"));
    }

    /** Two uploads Mare knows (#15): a small one, and a large one with its reduced copy. */
    static final LocalImages UPLOADS = path -> switch (path) {
        case "/medias/0123456789abcdef0123456789abcdef.png" ->
                java.util.Optional.of(new LocalImages.Image(path, 640, 480, null));
        case "/medias/fedcba9876543210fedcba9876543210.jpg" -> java.util.Optional.of(new LocalImages.Image(
                "/medias/fedcba9876543210fedcba9876543210-1200.jpg", 1200, 800, path));
        case "/medias/fedcba9876543210fedcba9876543210-1200.jpg" ->
                java.util.Optional.of(new LocalImages.Image(path, 1200, 800, null));
        default -> java.util.Optional.empty();
    };

    @Test
    void uploadsStayImagesWithTheirSizeAndLazyLoading() {
        RenderOptions withUploads = options.withImages(UPLOADS);
        String out = renderer.render("![Réglages de partage](/medias/0123456789abcdef0123456789abcdef.png \"Partage\") "
                + "![grand](https://mare.example/medias/fedcba9876543210fedcba9876543210.jpg)", withUploads).html();
        assertEquals("<p><img src=\"/medias/0123456789abcdef0123456789abcdef.png\" alt=\"Réglages de partage\" title=\"Partage\" "
                + "width=\"640\" height=\"480\" loading=\"lazy\" decoding=\"async\"> "
                + "<a href=\"/medias/fedcba9876543210fedcba9876543210.jpg\"><img src=\"/medias/fedcba9876543210fedcba9876543210-1200.jpg\" "
                + "alt=\"grand\" width=\"1200\" height=\"800\" loading=\"lazy\" decoding=\"async\"></a></p>\n", out);
        assertEquals(out.strip(), renderer.sanitizeHtml(out, withUploads).strip(), "a fixed point of its own sanitising");
    }

    @Test
    void onlyUploadsStayImages() {
        // Any other path of Mare could answer anything (a page, a logout): a link, as for other hosts.
        assertEquals("<p><a href=\"/televersements/logo.png\" title=\"Logo\">logo</a> "
                + "<a href=\"https://mare.example/a.png\">a</a></p>\n",
                html("![logo](/televersements/logo.png \"Logo\") ![a](https://mare.example/a.png)"));
        // An upload Mare does not know keeps its description only; a path dressed as one is a link.
        RenderOptions withUploads = options.withImages(UPLOADS);
        assertEquals("<p>inconnue <a href=\"/medias/../compte\">détour</a></p>\n", renderer.render(
                "![inconnue](/medias/00000000000000000000000000000000.png) ![détour](/medias/../compte)", withUploads).html());
        assertEquals("<p>connue</p>\n", html("![connue](/medias/0123456789abcdef0123456789abcdef.png)"));
    }

    @Test
    void sameHostComparisonIgnoresCaseAndRespectsThePort() {
        RenderOptions local = RenderOptions.forHost("LocalHost:8080").withImages(UPLOADS);
        assertEquals("<p><img src=\"/medias/0123456789abcdef0123456789abcdef.png\" alt=\"a\" width=\"640\" height=\"480\" "
                + "loading=\"lazy\" decoding=\"async\"> "
                + "<a href=\"http://localhost/medias/0123456789abcdef0123456789abcdef.png\" " + REL + ">b</a></p>\n",
                renderer.render("![a](http://localhost:8080/medias/0123456789abcdef0123456789abcdef.png) "
                        + "![b](http://localhost/medias/0123456789abcdef0123456789abcdef.png)", local).html());
    }

    @Test
    void externalImageInsideALinkBecomesText() {
        assertEquals("<p><a href=\"/wiki\">alt</a></p>\n", html("[![alt](https://tiers.exemple/i.png)](/wiki)"));
    }

    @Test
    void refusedImageKeepsItsAltText() {
        assertEquals("<p>pixel</p>\n", html("![pixel](data:image/gif;base64,R0lGODlhAQABAAAAACw=)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/\\tiers.exemple/p.png", "\\\\tiers.exemple/p.png", "https:tiers.exemple/p.png",
            "https://mare.example@tiers.exemple/p.png", "https://mare.example.tiers.exemple/p.png"})
    void imageUrlsABrowserWouldSendElsewhereAreNotLoaded(String src) {
        String out = renderer.sanitizeHtml("<p><img src=\"" + src + "\" alt=\"x\"></p>", options);
        assertTrue(Jsoup.parseBodyFragment(out).select("img").isEmpty(), out);
    }

    // --- headings, links, counts -------------------------------------------------------------

    @Test
    void headingsAreListedInOrderWithUniqueAnchors() {
        Rendered r = renderer.render("# Titre\n\n## Titre\n\n### Sous *titre* `code`\n\n#### !!!", options);
        assertEquals(List.of(new Heading(1, "Titre", "h-titre"), new Heading(2, "Titre", "h-titre-1"),
                new Heading(3, "Sous titre code", "h-sous-titre-code"), new Heading(4, "!!!", "h-section")),
                r.headings());
        Element body = Jsoup.parseBodyFragment(r.html()).body();
        for (Heading h : r.headings()) {
            assertEquals("h" + h.level(), body.getElementById(h.anchor()).normalName());
        }
    }

    @Test
    void linksListsDistinctAbsoluteAndSiteRootedTargets() {
        Rendered r = renderer.render("[a](/wiki/a) [b](/wiki/a) [c](https://exemple.org/) [d](#ancre) [e](page) "
                + "[f](?q=1) [g](mailto:a@exemple.org) ![h](https://images.exemple/h.png) [i](javascript:x)\n\n"
                + "[r]: https://exemple.org/ref\n\n[ref][r]", options);
        assertEquals(List.of("/wiki/a", "https://exemple.org/", "https://images.exemple/h.png",
                "https://exemple.org/ref"), r.links());
        assertEquals(9, r.linkCount());
        assertEquals(MarkdownRenderer.VERSION, r.version());
    }

    @Test
    void linksAreCountedNeverRefused() {
        // Link limits are the callers' (contact and forum rate limits read linkCount).
        Rendered r = renderer.render("[a](/a) [b](/b) [c](/c)", options);
        assertEquals(3, r.linkCount());
        assertEquals(3, Jsoup.parseBodyFragment(r.html()).select("a[href]").size());
    }

    @Test
    void theApplicationBeanRendersForThePublicUrlsHost() {
        Markdown markdown = new Markdown("https://Mare.Example:8443/", UPLOADS);
        assertEquals("mare.example:8443", markdown.siteHost());
        assertEquals(MarkdownRenderer.VERSION, markdown.version());
        Rendered r = markdown.render("![ici](https://mare.example:8443/medias/0123456789abcdef0123456789abcdef.png) "
                + "![ailleurs](https://mare.example/medias/0123456789abcdef0123456789abcdef.png)");
        assertEquals(1, Jsoup.parseBodyFragment(r.html()).select("img").size(), "only the public URL's host keeps images");
    }

    // --- limits ------------------------------------------------------------------------------

    @Test
    void sourceOverTheLimitIsRefusedBeforeParsing() {
        String atLimit = "a".repeat(MarkdownRenderer.MAX_CHARS);
        assertEquals("<p>" + atLimit + "</p>\n", html(atLimit));
        ContentTooLargeException e = assertThrows(ContentTooLargeException.class, () -> html(atLimit + "b"));
        assertEquals(100_000, e.limit());
        assertEquals(100_001, e.length());
    }

    @Test
    void quoteNestingIsCappedAndTheTextKept() {
        Rendered r = renderer.render("> ".repeat(1000) + "fond", options);
        Element body = Jsoup.parseBodyFragment(r.html()).body();
        assertEquals(MarkdownRenderer.MAX_LINE_NESTING, body.select("blockquote").size());
        assertEquals("fond", body.text());
    }

    @Test
    void deepTreesAreFlattenedToText() {
        // 300 list levels by indentation: no line has many markers, only the tree cap applies.
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            md.append("  ".repeat(i)).append("- n").append(i).append('\n');
        }
        Element body = Jsoup.parseBodyFragment(html(md.toString())).body();
        int depth = 0;
        for (Element e = body.select("li").last(); e != body; e = e.parent()) {
            depth++;
        }
        assertTrue(depth <= MarkdownRenderer.MAX_TREE_DEPTH + 2, "depth " + depth);
        assertTrue(body.text().contains("n0") && body.text().contains("n299"), body.text());
    }

    @Test
    void bracketsBeyondTheBudgetStayLiteralEvenInCode() {
        String links = "[x](/y) ".repeat(BoundedInlineParser.MAX_OPENERS);
        Element body = Jsoup.parseBodyFragment(html(links + "[z](/w) `[code]`")).body();
        assertEquals(BoundedInlineParser.MAX_OPENERS, body.select("a").size());
        assertTrue(body.text().endsWith("[z](/w) [code]"), body.text());
        assertEquals("[code]", body.select("code").text());
    }

    @Test
    void placeholderNoncharactersFromTheUserAreReplaced() {
        assertEquals("<p>a\uFFFDb\uFFFDc</p>\n", html("a\uFDD0b\uFDD4c"));
    }

    @Test
    void rendererIsSafeToShareBetweenThreads() throws Exception {
        String md = "# Titre\n\n[a](https://exemple.org/) ![i](https://images.exemple/i.png) *x* `y`\n\n- [ ] t\n";
        String expected = html(md);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(() -> renderer.render(md, options).html());
            }
            for (Future<String> f : pool.invokeAll(calls)) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void optionsRejectAMalformedHost() {
        for (String bad : List.of("", "https://mare.example", "mare.example/", "a b", "mare.example:port")) {
            assertThrows(IllegalArgumentException.class, () -> RenderOptions.forHost(bad), bad);
        }
        assertEquals("mare.example", RenderOptions.forHost(" Mare.Example ").siteHost());
        assertEquals(Set.of("[::1]:8080"), Set.of(RenderOptions.forHost("[::1]:8080").siteHost()));
    }
}
