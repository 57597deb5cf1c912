package fr.mare.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The safety oracle of {@code shared/testdata/security/SOURCES.md}, written independently of the
 * pipeline's own URL code (a shared bug must not hide itself): parse the output as a browser
 * would, then list every element, attribute or URL that Mare's allowlist does not permit, plus
 * Mare's privacy rule (images only from Mare itself) and its link rule (rel on external links).
 */
final class HtmlOracle {

    static final String SITE_HOST = "mare.example";

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("p", Set.of()), Map.entry("br", Set.of()), Map.entry("hr", Set.of()),
            Map.entry("h1", Set.of("id")), Map.entry("h2", Set.of("id")), Map.entry("h3", Set.of("id")),
            Map.entry("h4", Set.of("id")), Map.entry("h5", Set.of("id")), Map.entry("h6", Set.of("id")),
            Map.entry("strong", Set.of()), Map.entry("em", Set.of()), Map.entry("del", Set.of()),
            Map.entry("s", Set.of()), Map.entry("code", Set.of()), Map.entry("pre", Set.of()),
            Map.entry("blockquote", Set.of()), Map.entry("ul", Set.of()), Map.entry("ol", Set.of("start")),
            Map.entry("li", Set.of()), Map.entry("a", Set.of("href", "title", "rel")),
            Map.entry("img", Set.of("src", "alt", "title", "loading", "width", "height", "decoding")),
            Map.entry("table", Set.of()), Map.entry("thead", Set.of()), Map.entry("tbody", Set.of()),
            Map.entry("tr", Set.of()), Map.entry("th", Set.of("align")), Map.entry("td", Set.of("align")),
            Map.entry("input", Set.of("type", "checked", "disabled")));

    /** Named separately so a failure says "script element" rather than only "not allowed". */
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "style", "iframe", "frame",
            "object", "embed", "form", "button", "svg", "math", "base", "meta", "link", "template");

    private static final Set<String> FORBIDDEN_ATTRIBUTES = Set.of("style", "srcdoc", "formaction", "xlink:href");

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    private HtmlOracle() {
    }

    /** Every violation found in {@code html}; empty when the fragment is safe to serve. */
    static List<String> violations(String html, Set<String> eventHandlerNames) {
        List<String> problems = new ArrayList<>();
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element el : body.getAllElements()) {
            if (el == body) {
                continue;
            }
            String tag = el.normalName();
            if (FORBIDDEN_ELEMENTS.contains(tag)) {
                problems.add("forbidden element <" + tag + ">");
            } else if (!ALLOWED.containsKey(tag)) {
                problems.add("element not on the allowlist <" + tag + ">");
            }
            Set<String> allowedAttributes = ALLOWED.getOrDefault(tag, Set.of());
            for (Attribute attribute : el.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    problems.add("event handler attribute " + name + " on <" + tag + ">");
                }
                if (eventHandlerNames.contains(name)) {
                    problems.add("attribute from the event-handler list " + name + " on <" + tag + ">");
                }
                if (FORBIDDEN_ATTRIBUTES.contains(name)) {
                    problems.add("forbidden attribute " + name + " on <" + tag + ">");
                }
                if (!allowedAttributes.contains(name)) {
                    problems.add("attribute not on the allowlist " + name + " on <" + tag + ">");
                }
            }
            checkUrls(el, tag, problems);
            if (tag.equals("input") && !(el.attr("type").equals("checkbox") && el.hasAttr("disabled")
                    && el.parent() != null && el.parent().normalName().equals("li"))) {
                problems.add("input that is not a disabled task-list checkbox: " + el.outerHtml());
            }
        }
        return problems;
    }

    private static void checkUrls(Element el, String tag, List<String> problems) {
        if (el.hasAttr("href")) {
            String scheme = scheme(el.attr("href"));
            if (scheme != null && !Set.of("http", "https", "mailto").contains(scheme)) {
                problems.add("href with scheme " + scheme + ": " + el.attr("href"));
            }
            if (tag.equals("a") && !isOnSite(el.attr("href"))
                    && !Set.of(el.attr("rel").split(" ")).containsAll(Set.of("nofollow", "ugc", "noopener"))) {
                problems.add("external link without rel=\"nofollow ugc noopener\": " + el.outerHtml());
            }
        }
        if (el.hasAttr("src")) {
            String src = el.attr("src");
            String scheme = scheme(src);
            if (scheme != null && !Set.of("http", "https").contains(scheme)) {
                problems.add("src with scheme " + scheme + ": " + src);
            }
            if (!isOnSite(src)) {
                problems.add("image loaded from another host (privacy): " + src);
            }
        }
    }

    /** WHATWG pre-processing, then the scheme, lower-cased; null for a relative URL. */
    static String scheme(String raw) {
        var matcher = SCHEME.matcher(preprocess(raw));
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String preprocess(String raw) {
        String trimmed = raw.replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
        return trimmed.replaceAll("[\\t\\n\\r]", "");
    }

    /** Whether a browser on a Mare page would fetch this URL from Mare itself. */
    static boolean isOnSite(String raw) {
        String url = preprocess(raw).replace('\\', '/');
        String scheme = scheme(url);
        String afterScheme = scheme == null ? url : url.substring(scheme.length() + 1);
        if (scheme == null && !afterScheme.startsWith("//")) {
            return true;
        }
        if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        if (!afterScheme.startsWith("//")) {
            return false;
        }
        String authority = afterScheme.substring(2).split("[/?#]", 2)[0];
        return authority.equalsIgnoreCase(SITE_HOST);
    }
}
