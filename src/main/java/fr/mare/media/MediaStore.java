package fr.mare.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * The image files: {@code mare.uploads.dir}, by default {@code MARE_DATA_DIR/medias/} (outside
 * the web root; the backup command archives and restores that folder). Names are chosen by Mare
 * ({@link #NAME}); a file is written under a temporary name and moved into place, so a reader
 * never gets half an image, and an existing name is never overwritten (same name, same bytes).
 */
@ApplicationScoped
public class MediaStore {

    /** What a stored file may be called: hash, optional reduced-copy width, extension. */
    static final Pattern NAME = Pattern.compile("([0-9a-f]{32})(?:-([0-9]{2,5}))?\\.(png|jpg)");

    @Inject
    @ConfigProperty(name = "mare.uploads.dir", defaultValue = " ")
    String configuredDir;

    @Inject
    @ConfigProperty(name = "mare.data.dir", defaultValue = "data")
    String dataDir;

    private Path dir;

    /** The folder, created on first use. */
    public synchronized Path dir() {
        if (dir == null) {
            Path chosen = configuredDir == null || configuredDir.isBlank()
                    ? Path.of(dataDir).resolve("medias") : Path.of(configuredDir.strip());
            dir = chosen.toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("dossier des images " + dir, e);
            }
        }
        return dir;
    }

    Path path(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a media name: " + name);
        }
        return dir().resolve(name);
    }

    void write(String name, byte[] bytes) {
        Path target = path(name);
        if (Files.exists(target)) {
            return;
        }
        try {
            Path partial = Files.createTempFile(dir(), ".envoi-", ".part");
            try {
                Files.write(partial, bytes);
                try {
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("écriture de l'image " + name, e);
        }
    }

    void delete(String name) {
        if (name == null) {
            return;
        }
        try {
            Files.deleteIfExists(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException("effacement de l'image " + name, e);
        }
    }
}
