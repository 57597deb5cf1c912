package fr.mare.markdown;

import java.net.URI;
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
 * <p>
 * The application builds one, from {@code mare.public-url}, in {@link Markdown}; tests build their
 * own. Link limits are the callers' business ({@link Rendered#linkCount()}, #16).
 *
 * @param siteHost Mare's own authority, compared case-insensitively; a different port counts as another host
 * @param images the images Mare serves under {@code /medias/}: the only ones that stay images (#15)
 */
public record RenderOptions(String siteHost, LocalImages images) {

    private static final Pattern AUTHORITY =
            Pattern.compile("(?:\\[[0-9a-f:.]+\\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::[0-9]{1,5})?");

    public RenderOptions {
        Objects.requireNonNull(siteHost, "siteHost");
        Objects.requireNonNull(images, "images");
        siteHost = siteHost.strip().toLowerCase(Locale.ROOT);
        if (!AUTHORITY.matcher(siteHost).matches()) {
            throw new IllegalArgumentException("siteHost must be host or host:port, got: " + siteHost);
        }
    }

    /** For the site served at {@code siteHost} ({@code host} or {@code host:port}), knowing no local image. */
    public static RenderOptions forHost(String siteHost) {
        return new RenderOptions(siteHost, LocalImages.NONE);
    }

    /** The same site, with {@code images} telling which local images exist (#15). */
    public RenderOptions withImages(LocalImages images) {
        return new RenderOptions(siteHost, images);
    }

    /** For the site served at {@code publicUrl} (e.g. {@code https://mare.example:8443/}). */
    public static RenderOptions forPublicUrl(String publicUrl) {
        URI uri = URI.create(publicUrl);
        return forHost(uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
    }
}
