package fr.mare.markdown;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The content pipeline as the application uses it (#16): one bean, configured once with Mare's
 * public address ({@code mare.public-url}), injected by every service that stores Markdown.
 * Features never build a {@link MarkdownRenderer} or compute the site's host themselves.
 */
@ApplicationScoped
public class Markdown {

    private final MarkdownRenderer renderer;
    private final RenderOptions options;

    /** For CDI's proxy only. */
    protected Markdown() {
        this.renderer = null;
        this.options = null;
    }

    public Markdown(String publicUrl) {
        this(publicUrl, LocalImages.NONE);
    }

    /** {@code images}: the media feature's, when deployed; asked at each render, never cached here. */
    @Inject
    public Markdown(@ConfigProperty(name = "mare.public-url", defaultValue = "http://localhost:8080") String publicUrl,
                    jakarta.enterprise.inject.Instance<LocalImages> images) {
        this(publicUrl, path -> images.isResolvable() ? images.get().find(path) : java.util.Optional.empty());
    }

    public Markdown(String publicUrl, LocalImages images) {
        this.renderer = new MarkdownRenderer();
        this.options = RenderOptions.forPublicUrl(publicUrl).withImages(images);
    }

    /**
     * Renders {@code markdown} for pages of this site.
     *
     * @throws ContentTooLargeException above {@link MarkdownRenderer#MAX_CHARS}
     */
    public Rendered render(String markdown) {
        return renderer.render(markdown, options);
    }

    /** Mare's own authority ({@code host} or {@code host:port}), lower case. */
    public String siteHost() {
        return options.siteHost();
    }

    /** The pipeline's version now; stored HTML of an older one is re-rendered ({@link StoredHtml}). */
    public int version() {
        return MarkdownRenderer.VERSION;
    }
}
