package fr.mare.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The media folder shared by several nodes (ADR 0026): concurrent writers, partial files. */
class MediaStoreTest {

    private static final String NAME = "0123456789abcdef0123456789abcdef.png";

    private static MediaStore store(Path dir) {
        MediaStore store = new MediaStore();
        store.configuredDir = dir.toString();
        store.dataDir = "ignored";
        return store;
    }

    @Test
    void twoNodesWritingTheSameImageAtOnceLeaveOneWholeFileAndNoPartial(@TempDir Path dir) throws Exception {
        byte[] bytes = new byte[2_000_000];
        new java.util.Random(15).nextBytes(bytes);
        List<MediaStore> nodes = List.of(store(dir), store(dir));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            MediaStore node = nodes.get(i % 2);
            writes.add(pool.submit(() -> {
                start.await();
                node.write(NAME, bytes);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> write : writes) {
            write.get();
        }
        pool.shutdown();
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve(NAME)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(NAME), files.map(p -> p.getFileName().toString()).toList(), "no partial file left");
        }
    }

    @Test
    void partialFilesOfADeadWriterAreSweptButNotThoseOfAWriterAtWork(@TempDir Path dir) throws Exception {
        MediaStore store = store(dir);
        Path old = Files.write(dir.resolve(MediaStore.PARTIAL_PREFIX + "mort.part"), new byte[] {1});
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        Path fresh = Files.write(dir.resolve(MediaStore.PARTIAL_PREFIX + "en-cours.part"), new byte[] {2});
        Path image = Files.write(dir.resolve(NAME), new byte[] {3});
        Files.setLastModifiedTime(image, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        assertEquals(1, store.sweepPartials(Duration.ofHours(1)));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh));
        assertTrue(Files.exists(image), "an image is never swept");
    }
}
