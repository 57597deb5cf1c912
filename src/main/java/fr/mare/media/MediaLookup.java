package fr.mare.media;

import fr.mare.markdown.LocalImages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/**
 * The content pipeline's view of the uploads ({@link LocalImages}): an image Mare stores is shown
 * at its size; a large one by its reduced copy, linked to the original (#15). Who may fetch the
 * file is decided when it is fetched ({@link MediaService#open}), not here: the HTML is the same
 * for every reader.
 */
@ApplicationScoped
public class MediaLookup implements LocalImages {

    @Inject
    private MediaService media;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Image> find(String path) {
        return media.byPath(path).map(image -> {
            String requested = path.substring(MediaService.PATH.length());
            if (image.getDisplayName() == null) {
                return new Image(MediaService.PATH + image.getName(), image.getWidth(), image.getHeight(), null);
            }
            String display = MediaService.PATH + image.getDisplayName();
            // The reduced copy named in HTML already rendered once: same image, already linked.
            String original = requested.equals(image.getDisplayName()) ? null : MediaService.PATH + image.getName();
            return new Image(display, image.getDisplayWidth(), image.getDisplayHeight(), original);
        });
    }
}
