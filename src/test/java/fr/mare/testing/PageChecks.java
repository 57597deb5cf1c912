package fr.mare.testing;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of a rendered page that hold on every page (#14): dates in {@code <time>}, unique ids, banners' markup. */
public final class PageChecks {

    /** The dates Mare writes (web.Dates): « 3 mars 2026 », « il y a 5 minutes », « à l'instant ». */
    private static final Pattern DATE = Pattern.compile(
            "\\b\\d{1,2}(?:er)? (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \\d{4}\\b"
                    + "|il y a (?:une|un|\\d+) (?:minute|heure|jour)s?|à l'instant");

    private PageChecks() {
    }

    /**
     * The dates printed outside a {@code <time datetime>} element, with their context; texts that
     * people wrote (posts, tutorials, form fields) are not Mare's dates and are skipped.
     */
    public static List<String> datesOutsideTime(Document page) {
        List<String> found = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode text && !text.isBlank()) {
                Element parent = (Element) text.parent();
                if (parent.closest("time[datetime]") == null
                        && parent.closest(".post-body, .wiki-body, textarea, script, .diff, q, blockquote") == null) {
                    Matcher m = DATE.matcher(text.text());
                    if (m.find()) {
                        found.add("« " + m.group() + " » in <" + parent.tagName() + (parent.id().isEmpty() ? "" : " id=" + parent.id())
                                + " class=" + parent.className() + ">: " + text.text().strip());
                    }
                }
            }
        }, page.body());
        return found;
    }

    /** The ids that more than one element of the page carries. */
    public static Set<String> repeatedIds(Document page) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (Element element : page.select("[id]")) {
            if (!seen.add(element.id())) {
                repeated.add(element.id());
            }
        }
        return repeated;
    }
}
