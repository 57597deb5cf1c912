package fr.mare.forum;

import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code @nom} in a rendered post into a link to that member's profile, when the member
 * exists. Runs on the sanitized HTML, after the content pipeline, on text outside links and
 * code; the only markup it adds is {@code <a class="mention" href="/u/…">}, built by jsoup.
 */
@ApplicationScoped
class Mentions {

    /** A mention starts after a space, a line start or an opening bracket, never inside a word or an e-mail. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{Nd}_@.])@([\\p{L}\\p{M}\\p{Nd}_.'’-]{3,30})");

    @Inject
    private AccountService accounts;

    String link(String html) {
        if (!html.contains("@")) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        List<TextNode> texts = new ArrayList<>();
        document.body().traverse((node, depth) -> {
            if (node instanceof TextNode text && !insideLinkOrCode(text)) {
                texts.add(text);
            }
        });
        boolean changed = false;
        for (TextNode text : texts) {
            changed |= linkMentions(text);
        }
        return changed ? document.body().html() : html;
    }

    /** The members linked by {@link #link} in this HTML. */
    Set<Long> mentionedIn(String html) {
        if (!html.contains("class=\"mention\"")) {
            return Set.of();
        }
        Set<Long> ids = new HashSet<>();
        for (Element link : Jsoup.parseBodyFragment(html).select("a.mention[href^=/u/]")) {
            String username = java.net.URLDecoder.decode(link.attr("href").substring(3), StandardCharsets.UTF_8);
            accounts.summary(username).ifPresent(member -> ids.add(member.id()));
        }
        return ids;
    }

    private boolean linkMentions(TextNode text) {
        String value = text.getWholeText();
        Matcher matcher = MENTION.matcher(value);
        List<Node> replacement = new ArrayList<>();
        int last = 0;
        while (matcher.find()) {
            String typed = matcher.group(1);
            Optional<AccountSummary> member = find(typed);
            String trimmed = typed;
            while (member.isEmpty() && !trimmed.isEmpty() && ".'’-".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
                member = find(trimmed);
            }
            if (member.isEmpty()) {
                continue;
            }
            replacement.add(new TextNode(value.substring(last, matcher.start())));
            Element link = new Element("a")
                    .attr("href", "/u/" + URLEncoder.encode(member.get().username(), StandardCharsets.UTF_8))
                    .addClass("mention")
                    .text("@" + trimmed);
            replacement.add(link);
            last = matcher.start() + 1 + trimmed.length();
        }
        if (replacement.isEmpty()) {
            return false;
        }
        replacement.add(new TextNode(value.substring(last)));
        for (Node node : replacement) {
            text.before(node);
        }
        text.remove();
        return true;
    }

    private Optional<AccountSummary> find(String typed) {
        return typed.length() < 3 ? Optional.empty() : accounts.summary(typed);
    }

    private static boolean insideLinkOrCode(Node node) {
        for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
            String name = parent.nodeName();
            if (name.equals("a") || name.equals("code") || name.equals("pre")) {
                return true;
            }
        }
        return false;
    }
}
