package fr.mare.markdown;

import java.util.Locale;

/**
 * URL decisions made the way a browser reads the URL, not the way {@code java.net} does: the
 * WHATWG URL parser first strips leading/trailing C0 controls and spaces and deletes every tab,
 * CR and LF, and treats {@code \} as {@code /} in http(s) URLs. A check that skipped those steps
 * would let {@code java&#x09;script:} or {@code /\evil.example} through. Every doubt resolves
 * to the safe side: an unrecognised scheme is refused, an unrecognised host is "not Mare".
 */
final class Urls {

    private Urls() {
    }

    /** WHATWG "basic URL parser" pre-processing: trim C0 controls and space, remove tab/LF/CR. */
    static String preprocess(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The lower-cased scheme of a pre-processed URL, or null when it has none (a relative URL). */
    static String scheme(String preprocessed) {
        if (preprocessed.isEmpty() || !isAsciiLetter(preprocessed.charAt(0))) {
            return null;
        }
        for (int i = 1; i < preprocessed.length(); i++) {
            char c = preprocessed.charAt(i);
            if (c == ':') {
                return preprocessed.substring(0, i).toLowerCase(Locale.ROOT);
            }
            if (!(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
                return null;
            }
        }
        return null;
    }

    /** Whether a browser following this {@code href} stays in http(s), mailto or a relative URL. */
    static boolean isSafeLink(String raw) {
        String scheme = scheme(preprocess(raw));
        return scheme == null || scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
    }

    /** Whether a browser loading this {@code src} stays in http(s) or a relative URL. */
    static boolean isSafeImage(String raw) {
        String scheme = scheme(preprocess(raw));
        return scheme == null || scheme.equals("http") || scheme.equals("https");
    }

    /**
     * Whether a browser resolving {@code raw} against a Mare page would reach {@code siteHost}
     * itself. Only two shapes qualify: a relative reference that does not start with two slashes
     * (after {@code \} to {@code /}), and {@code http(s)://} followed by exactly {@code siteHost}
     * (no user info). Everything else, including {@code https:host} and percent-encoded hosts,
     * counts as another host.
     */
    static boolean isOnSite(String raw, String siteHost) {
        String url = preprocess(raw).replace('\\', '/');
        String scheme = scheme(url);
        String rest;
        if (scheme == null) {
            if (!url.startsWith("//")) {
                return true;
            }
            rest = url.substring(2);
        } else if (scheme.equals("http") || scheme.equals("https")) {
            String afterScheme = url.substring(scheme.length() + 1);
            if (!afterScheme.startsWith("//")) {
                return false;
            }
            rest = afterScheme.substring(2);
        } else {
            return false;
        }
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(0, end);
        return authority.indexOf('@') < 0 && authority.equalsIgnoreCase(siteHost);
    }

    /**
     * The path ({@code /…}, without query or fragment) that {@code raw} names on {@code siteHost},
     * or null when it names another host, a page-relative address or something unparsable.
     */
    static String sitePath(String raw, String siteHost) {
        if (!isOnSite(raw, siteHost)) {
            return null;
        }
        String url = preprocess(raw).replace('\\', '/');
        String scheme = scheme(url);
        String rest = url;
        if (scheme != null) {
            rest = url.substring(scheme.length() + 3);
            int slash = rest.indexOf('/');
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        if (!rest.startsWith("/") || rest.startsWith("//")) {
            return null;
        }
        int end = 0;
        while (end < rest.length() && "?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String path = rest.substring(0, end);
        // A dot segment or an encoded character could lead elsewhere than it reads: not a plain path.
        return path.contains("/.") || path.contains("%") ? null : path;
    }

    /** A target that names a resource without the page's own URL: absolute http(s) or site-rooted. */
    static boolean isLinkTarget(String raw) {
        String url = preprocess(raw);
        String scheme = scheme(url);
        if (scheme == null) {
            return url.startsWith("/");
        }
        return scheme.equals("http") || scheme.equals("https");
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
