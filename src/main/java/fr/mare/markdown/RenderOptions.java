package fr.mare.markdown;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a render needs to know about where its HTML will be served.
 * <p>
 * {@code siteHost} is Mare's own authority ({@code host} or {@code host:port}, e.g.
 * {@code mare.example} or {@code localhost:8080}). It decides which images may stay images: only
 * relative ones and those on exactly this authority are loaded by readers' browsers; anything else
 * becomes a link so that no third party learns a reader's address. It is validated here because a
 * malformed value would silently make the internal/external decision wrong.
 *
 * @param siteHost Mare's own authority, compared case-insensitively; a different port counts as another host
 * @param maxLinks 0 for no limit; otherwise the largest number of links the caller accepts. The
 *        renderer never refuses on it (a text is rendered whatever its links, so a moderator can read
 *        it): the caller asks {@link #linkLimitExceeded(Rendered)} and decides
 */
public record RenderOptions(String siteHost, int maxLinks) {

    private static final Pattern AUTHORITY =
            Pattern.compile("(?:\\[[0-9a-f:.]+\\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::[0-9]{1,5})?");

    public RenderOptions {
        Objects.requireNonNull(siteHost, "siteHost");
        siteHost = siteHost.strip().toLowerCase(Locale.ROOT);
        if (!AUTHORITY.matcher(siteHost).matches()) {
            throw new IllegalArgumentException("siteHost must be host or host:port, got: " + siteHost);
        }
        if (maxLinks < 0) {
            throw new IllegalArgumentException("maxLinks must be 0 (no limit) or positive: " + maxLinks);
        }
    }

    /** No link limit: wiki tutorials legitimately carry many links; forum callers pass their own limit. */
    public static RenderOptions defaults(String siteHost) {
        return new RenderOptions(siteHost, 0);
    }

    /** No link limit, for the site served at {@code publicUrl} (e.g. {@code https://mare.example:8443/}). */
    public static RenderOptions forPublicUrl(String publicUrl) {
        java.net.URI uri = java.net.URI.create(publicUrl);
        return defaults(uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
    }

    /** Whether {@code rendered} has more links than this limit allows; always false without a limit. */
    public boolean linkLimitExceeded(Rendered rendered) {
        return maxLinks > 0 && rendered.linkCount() > maxLinks;
    }
}
