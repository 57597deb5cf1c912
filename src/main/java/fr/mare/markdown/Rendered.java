package fr.mare.markdown;

import java.util.List;
import java.util.Objects;

/**
 * The result of one render. Stored next to the Markdown source: {@code version} says which
 * pipeline produced {@code html}, so a pipeline change (new allowlist, new rewriting) can find
 * and re-render every stored text instead of serving HTML made under older rules.
 *
 * @param html sanitised HTML fragment, safe to write into a page unescaped
 * @param version {@link MarkdownRenderer#VERSION} at render time
 * @param headings the headings in document order, ids matching {@code html}
 * @param links distinct link targets of {@code html} that identify a resource on their own:
 *        absolute {@code http}/{@code https} URLs and site-rooted paths ({@code /...}, {@code //host/...}),
 *        in order of first appearance. Fragment-only, query-only, page-relative and
 *        {@code mailto:} targets are left out: they cannot be resolved without the page's own URL,
 *        or name no page
 * @param linkCount every {@code <a href>} of {@code html}, duplicates and remote images turned
 *        into links included: what a reader sees as links, hence what a link limit must count
 */
public record Rendered(String html, int version, List<Heading> headings, List<String> links, int linkCount) {

    public Rendered {
        Objects.requireNonNull(html, "html");
        headings = List.copyOf(headings);
        links = List.copyOf(links);
        if (linkCount < 0) {
            throw new IllegalArgumentException("linkCount must not be negative: " + linkCount);
        }
    }
}
