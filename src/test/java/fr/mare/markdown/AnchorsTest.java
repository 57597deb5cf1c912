package fr.mare.markdown;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heading anchors stay unique across the posts of one page (#14), and a post's links to its own headings still work. */
class AnchorsTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private String render(String markdown) {
        return renderer.render(markdown, RenderOptions.forHost("mare.example")).html();
    }

    @Test
    void twoPostsWithTheSameHeadingsGetDistinctAnchors() {
        String text = "## Installation\n\nVoir [plus bas](#h-installation-1).\n\n## Installation\n\nEncore.";
        Document page = Jsoup.parse(Anchors.scoped(render(text), "p12") + Anchors.scoped(render(text), "p15"));
        List<String> ids = page.select("[id]").eachAttr("id");
        assertEquals(4, ids.size(), ids.toString());
        assertEquals(4, new HashSet<>(ids).size(), "unique on the page: " + ids);
        assertTrue(ids.contains("h-p12-installation") && ids.contains("h-p15-installation-1"), ids.toString());
        Set<String> targets = new HashSet<>(page.select("a[href^=#]").eachAttr("href"));
        assertEquals(Set.of("#h-p12-installation-1", "#h-p15-installation-1"), targets, "each post's link points at its own heading");
    }

    @Test
    void textWithoutHeadingsIsUnchanged() {
        String html = render("Bonjour [lien](https://h-exemple.org/h-page).");
        assertEquals(html, Anchors.scoped(html, "p3"));
    }
}
