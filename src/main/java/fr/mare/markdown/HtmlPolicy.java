package fr.mare.markdown;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * The allowlist and the rewriting that follow commonmark. commonmark already escapes raw HTML, so
 * in practice only its own markup reaches here; the allowlist is the second wall, in case a
 * commonmark extension, bug or future option lets markup through. Cleaning, rewriting and the
 * final serialisation all use the same settings so that the output is a fixed point: running it
 * through {@link #sanitize} again gives the same string (no mutation on re-parse).
 */
final class HtmlPolicy {

    /** rel of links leaving Mare: user content, not an endorsement, no window.opener. */
    static final String EXTERNAL_REL = "nofollow ugc noopener";

    private static final String[] HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"};

    private final Safelist safelist;
    private final Document.OutputSettings output;

    HtmlPolicy() {
        safelist = new Safelist()
                .addTags("p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote",
                        "ul", "ol", "li", "a", "img", "table", "thead", "tbody", "tr", "th", "td", "input")
                .addTags(HEADINGS)
                .addAttributes("ol", "start")
                .addAttributes("th", "align")
                .addAttributes("td", "align")
                // rel and loading are set by rewrite(); allowed so that the output survives its own cleaner.
                .addAttributes("a", "href", "title", "rel")
                .addAttributes("img", "src", "alt", "title", "loading", "width", "height", "decoding")
                .addAttributes("input", "type", "checked", "disabled")
                .addEnforcedAttribute("input", "type", "checkbox")
                .addEnforcedAttribute("input", "disabled", "disabled")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addProtocols("img", "src", "http", "https")
                // Without it jsoup would make relative URLs absolute on the base URI, pinning a
                // host into stored HTML and hiding which links are internal.
                .preserveRelativeLinks(true);
        for (String h : HEADINGS) {
            safelist.addAttributes(h, "id");
        }
        output = new Document.OutputSettings()
                .prettyPrint(false)
                .charset("UTF-8")
                .escapeMode(Entities.EscapeMode.base);
    }

    /** Allowlist-clean {@code html}, then rewrite links and images for {@code options}. */
    Document sanitize(String html, RenderOptions options) {
        String baseUri = "https://" + options.siteHost() + "/";
        String cleaned = Jsoup.clean(html, baseUri, safelist, output);
        // Re-parse the serialised string rather than keep the cleaner's tree: the rewriting then
        // works on exactly what a browser will parse.
        Document doc = Jsoup.parseBodyFragment(cleaned, baseUri);
        doc.outputSettings(output.clone());
        rewrite(doc.body(), options);
        return doc;
    }

    private static void rewrite(Element body, RenderOptions options) {
        String siteHost = options.siteHost();
        // One walk finds which images sit inside a link: asking each image for its ancestors
        // would cost the nesting depth per image, quadratic on « [![[![… » (the pathological corpus).
        java.util.Map<Element, Boolean> images = new java.util.LinkedHashMap<>();
        int[] openLinks = {0};
        org.jsoup.select.NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
            @Override
            public void head(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.nameIs("a")) {
                        openLinks[0]++;
                    } else if (e.nameIs("img")) {
                        images.put(e, openLinks[0] > 0);
                    }
                }
            }

            @Override
            public void tail(org.jsoup.nodes.Node node, int depth) {
                if (node instanceof Element e && e.nameIs("a")) {
                    openLinks[0]--;
                }
            }
        }, body);
        images.forEach((img, inLink) -> rewriteImage(img, inLink, options));
        for (Element a : body.select("a")) {
            String href = a.attr("href");
            if (href.isBlank() || !Urls.isSafeLink(href)) {
                // A link whose target was refused (javascript:, data:, ...) keeps only its text.
                a.unwrap();
            } else {
                // commonmark adds its own rel="nofollow" to every link: replace it, whatever it says.
                a.removeAttr("rel");
                if (!Urls.isOnSite(href, siteHost)) {
                    a.attr("rel", EXTERNAL_REL);
                }
            }
        }
        for (Element input : body.select("input")) {
            // Only commonmark's task-list checkbox, always the first child of its li.
            Element parent = input.parent();
            if (parent == null || !parent.nameIs("li") || input.elementSiblingIndex() != 0) {
                input.remove();
            }
        }
        for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) {
            if (heading.hasAttr("id") && !heading.id().startsWith(MarkdownRenderer.HEADING_ID_PREFIX)) {
                heading.removeAttr("id");
            }
        }
    }

    /**
     * An image stays an image only if it is one of Mare's own uploads ({@code /medias/…}, #15):
     * anything else would make every reader's browser contact a third party (tracking pixel, IP
     * leak) or load whatever a path of Mare answers. Any other image becomes a link to it, labelled
     * with its alt text, so the reader chooses; inside a link it becomes text, since a link cannot
     * contain a link. An upload Mare does not know becomes its alt text. A kept image gets its size
     * (no layout shift), lazy loading, and, when it is large, its reduced copy linked to the original.
     */
    private static void rewriteImage(Element img, boolean inLink, RenderOptions options) {
        String siteHost = options.siteHost();
        String src = img.attr("src");
        String alt = img.attr("alt").strip();
        String path = Urls.isSafeImage(src) ? Urls.sitePath(src, siteHost) : null;
        if (src.isBlank() || !Urls.isSafeImage(src)) {
            replaceWithText(img, alt);
        } else if (path != null && path.startsWith(LocalImages.PATH)) {
            LocalImages.Image local = options.images().find(path).orElse(null);
            if (local == null) {
                replaceWithText(img, alt);
                return;
            }
            img.attr("src", local.src()).attr("width", Integer.toString(local.width()))
                    .attr("height", Integer.toString(local.height())).attr("loading", "lazy").attr("decoding", "async");
            img.attr("alt", alt);
            if (local.original() != null && !inLink) {
                img.wrap(new Element("a").attr("href", local.original()).outerHtml());
            }
        } else if (inLink) {
            replaceWithText(img, alt.isEmpty() ? src : alt);
        } else {
            Element link = new Element("a").attr("href", src);
            String title = img.attr("title");
            if (!title.isBlank()) {
                link.attr("title", title);
            }
            link.text(alt.isEmpty() ? src : alt);
            img.replaceWith(link);
        }
    }

    private static void replaceWithText(Element element, String text) {
        if (text.isEmpty()) {
            element.remove();
        } else {
            element.replaceWith(new TextNode(text));
        }
    }

    static List<Heading> headings(Element body) {
        List<Heading> headings = new ArrayList<>();
        // Only headings with an id: the list is for a table of contents, whose entries must land.
        for (Element h : body.select("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")) {
            int level = h.normalName().charAt(1) - '0';
            headings.add(new Heading(level, h.text(), h.id()));
        }
        return headings;
    }

    static List<String> linkTargets(Element body) {
        Set<String> targets = new LinkedHashSet<>();
        for (Element a : body.select("a[href]")) {
            String href = a.attr("href");
            if (Urls.isLinkTarget(href)) {
                targets.add(href);
            }
        }
        return List.copyOf(targets);
    }
}
