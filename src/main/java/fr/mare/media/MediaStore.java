package fr.mare.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * The image files: {@code mare.uploads.dir}, by default {@code MARE_DATA_DIR/medias/} (outside
 * the web root; the backup command archives and restores that folder). Names are chosen by Mare
 * ({@link #NAME}); a file is written under a temporary name ({@value #PARTIAL_PREFIX}…, unique
 * per writer), forced to disk, then moved into place in one rename, so a reader never gets half an
 * image, and an existing name is never overwritten (same name, same bytes).
 * <p>
 * Several nodes may share the folder (a network volume, ADR 0026): names are content hashes, so two
 * nodes writing the same name write the same bytes and whichever rename comes last changes nothing;
 * temporary names never collide; a writer that died mid-way leaves only a partial file, which
 * {@link #sweepPartials} removes later and the backup ignores.
 */
@ApplicationScoped
public class MediaStore {

    /** What a stored file may be called: hash, optional reduced-copy width, extension. */
    static final Pattern NAME = Pattern.compile("([0-9a-f]{32})(?:-([0-9]{2,5}))?\\.(png|jpg)");

    /** How temporary files start: never a served name, skipped by the backup. */
    public static final String PARTIAL_PREFIX = ".envoi-";

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
            Path partial = Files.createTempFile(dir(), PARTIAL_PREFIX, ".part");
            try {
                try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    while (buffer.hasRemaining()) {
                        out.write(buffer);
                    }
                    // On disk before the rename: after a crash, the name holds all of the image or nothing.
                    out.force(true);
                }
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

    /** Deletes the partial files older than {@code age} (a writer on some node died mid-way); returns how many. */
    int sweepPartials(Duration age) {
        Instant before = Instant.now().minus(age);
        int swept = 0;
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(dir(), PARTIAL_PREFIX + "*")) {
            for (Path partial : partials) {
                try {
                    if (Files.getLastModifiedTime(partial).toInstant().isBefore(before) && Files.deleteIfExists(partial)) {
                        swept++;
                    }
                } catch (NoSuchFileException e) {
                    // Another node swept it, or its writer finished: nothing to do.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("nettoyage du dossier des images " + dir(), e);
        }
        return swept;
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
