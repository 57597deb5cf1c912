package fr.mare.wiki;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Internal links between tutorials: {@code [[slug]]} and {@code [[slug|texte]]} are written as
 * ordinary Markdown links to {@code /tutoriels/slug} before rendering (not inside code), and the
 * targets are read back from the rendered links, whichever way they were written.
 */
public final class WikiLinks {

    /** Addresses under /tutoriels/ that are pages of the wiki itself, never tutorials. */
    public static final Set<String> RESERVED = Set.of("nouveau", "a-revoir", "liens-casses");

    private static final Pattern WIKI_LINK = Pattern.compile("\\[\\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\\|([^\\]\\n|]+))?]]");
    private static final Pattern TUTORIAL_PATH = Pattern.compile("^/tutoriels/([a-z0-9]+(?:-[a-z0-9]+)*)/?(?:[?#].*)?$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~).*");

    private WikiLinks() {
    }

    /** The Markdown with every {@code [[slug]]} outside code turned into a link whose text is the slug. */
    public static String expand(String markdown) {
        return expand(markdown, slug -> null);
    }

    /** The slugs of the {@code [[slug]]} links written without a text (whose text is the tutorial's title). */
    public static Set<String> untitled(String markdown) {
        Set<String> slugs = new LinkedHashSet<>();
        if (markdown != null && markdown.contains("[[")) {
            Matcher m = WIKI_LINK.matcher(markdown);
            while (m.find()) {
                if (m.group(2) == null) {
                    slugs.add(m.group(1));
                }
            }
        }
        return slugs;
    }

    /**
     * The Markdown with every {@code [[slug]]} outside code turned into a link; a link without a
     * text shows {@code titleOf(slug)} (the tutorial's title, #14), or the slug when that is null.
     */
    public static String expand(String markdown, java.util.function.Function<String, String> titleOf) {
        if (markdown == null || !markdown.contains("[[")) {
            return markdown;
        }
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            Matcher f = FENCE.matcher(line);
            if (fence == null && f.matches()) {
                fence = f.group(1);
                out.append(line);
            } else if (fence != null) {
                if (line.strip().startsWith(fence)) {
                    fence = null;
                }
                out.append(line);
            } else if (line.startsWith("    ") || line.startsWith("\t")) {
                out.append(line);
            } else {
                out.append(expandOutsideCodeSpans(line, titleOf));
            }
        }
        return out.toString();
    }

    private static String expandOutsideCodeSpans(String line, java.util.function.Function<String, String> titleOf) {
        StringBuilder out = new StringBuilder(line.length());
        String[] parts = line.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('`');
            }
            boolean inCode = i % 2 == 1 && i < parts.length - 1;
            out.append(inCode ? parts[i] : WIKI_LINK.matcher(parts[i]).replaceAll(m -> {
                String title = m.group(2) == null ? titleOf.apply(m.group(1)) : null;
                String text = title != null ? escapeAll(title) : m.group(2) == null ? m.group(1)
                        : m.group(2).strip().replace("[", "\\[").replace("]", "\\]");
                return Matcher.quoteReplacement("[" + text + "](/tutoriels/" + m.group(1) + ")");
            }));
        }
        return out.toString();
    }

    /** A title as plain link text: every ASCII punctuation escaped, so no Markdown in it takes effect. */
    private static String escapeAll(String title) {
        StringBuilder out = new StringBuilder(title.length() + 8);
        for (char c : title.replace('\n', ' ').toCharArray()) {
            if (c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The tutorial slugs these rendered links point to (site-rooted or on Mare's own host). */
    public static Set<String> targets(List<String> links, String siteHost) {
        Set<String> slugs = new LinkedHashSet<>();
        for (String link : links) {
            String path = link;
            if (!link.startsWith("/") || link.startsWith("//")) {
                try {
                    URI uri = URI.create(link.startsWith("//") ? "http:" + link : link);
                    String authority = uri.getRawAuthority();
                    if (authority == null || !authority.toLowerCase(Locale.ROOT).equals(siteHost.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                } catch (IllegalArgumentException e) {
                    continue;
                }
            }
            Matcher m = TUTORIAL_PATH.matcher(path);
            if (m.matches() && !RESERVED.contains(m.group(1))) {
                slugs.add(m.group(1));
            }
        }
        return slugs;
    }
}
