package fr.mare.markdown;

import java.util.Optional;

/**
 * The images Mare itself serves ({@code /medias/…}, issue #15), as the pipeline needs them: only
 * those stay images in rendered HTML, with their size (so a page does not jump as they load),
 * and a large one is shown by its reduced copy, linked to the original. The media feature
 * provides the implementation; this package knows no feature.
 */
@FunctionalInterface
public interface LocalImages {

    /** The path every local image starts with. */
    String PATH = "/medias/";

    /**
     * How to show an image.
     *
     * @param src what the page loads (the image itself, or its reduced copy)
     * @param width the width of {@code src}, in pixels
     * @param height its height
     * @param original the full-size image to link to when {@code src} is a reduced copy, else null
     */
    record Image(String src, int width, int height, String original) {
    }

    /** Knows none: every local image becomes its alternative text. */
    LocalImages NONE = path -> Optional.empty();

    /** The image at a site path ({@code /medias/<name>}), if Mare has it. */
    Optional<Image> find(String path);
}
