package fr.mare.testing;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Chromium asked of the network, from its performance log (a browser started with
 * {@code Chromium.start(true)}): DevTools' {@code Network.requestWillBeSent} events, so every
 * request counts — documents, redirects, styles, scripts, images, fonts, icons, prefetches —
 * not only those the page's Resource Timing lists. Mare's values (#14, PRODUCT.md): no page asks
 * anything of another host.
 */
public final class NetworkLog {

    /** The loopback names Mare is tested on. */
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    /** Scheme, then the authority when there is one. */
    private static final Pattern URL = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(?://([^/?#]*))?");

    private NetworkLog() {
    }

    /** The addresses of the requests sent since the last call (the log empties as it is read). */
    @SuppressWarnings("unchecked")
    public static List<String> requests(ChromeDriver browser) {
        Json json = new Json();
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get("performance")) {
            Map<String, Object> logged = json.toType(entry.getMessage(), Map.class);
            Map<String, Object> message = (Map<String, Object>) logged.get("message");
            if (message != null && "Network.requestWillBeSent".equals(message.get("method"))) {
                Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) message.get("params")).get("request");
                urls.add(String.valueOf(request.get("url")));
            }
        }
        return urls;
    }

    /**
     * Of {@code urls}, those to a host other than the loopback. {@code data:}, {@code blob:} and
     * {@code about:} ask no host; {@code chrome:} is the browser's own pages (its new tab, before
     * the first address), never the network.
     */
    public static List<String> elsewhere(List<String> urls) {
        List<String> other = new ArrayList<>();
        for (String url : urls) {
            Matcher m = URL.matcher(url);
            if (!m.find()) {
                other.add(url);
                continue;
            }
            String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (Set.of("data", "blob", "about", "chrome").contains(scheme)) {
                continue;
            }
            String authority = m.group(2) == null ? "" : m.group(2).substring(m.group(2).lastIndexOf('@') + 1);
            String host = authority.startsWith("[") ? authority.substring(0, authority.indexOf(']') + 1)
                    : authority.replaceFirst(":.*$", "");
            if (!LOOPBACK.contains(host.toLowerCase(java.util.Locale.ROOT))) {
                other.add(url);
            }
        }
        return other;
    }
}
