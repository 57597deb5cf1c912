package fr.mare.media;

import fr.mare.account.Caller;
import fr.mare.account.RateLimits;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images in posts, tutorials and collective profiles (issue #15, ADR 0020).
 * <p>
 * Lifecycle: a member uploads ({@link #upload}: quota, checks and re-encoding of
 * {@link ImageFiles}, files then row); the image is theirs alone (only they and moderation can
 * fetch it) until some content that shows it is saved ({@link #used}); from then on a reader may
 * fetch it when they may read one of the contents that show it ({@link MediaHolder}) — so hiding
 * or deleting a post hides its images from the others. An image never used is purged a day after
 * its upload ({@link #purgeUnused}). Moderation may also hide one image wherever it appears
 * ({@link #hide}); the same bytes uploaded again stay hidden (same name).
 * <p>
 * At most one image is decoded at a time in this process: a 40-megapixel image takes 160 MB
 * while it is turned and re-encoded, and two at once would not fit the default heap.
 */
@ApplicationScoped
public class MediaService {

    private static final Logger LOG = Logger.getLogger(MediaService.class.getName());

    /** {@code /medias/<name>} in stored HTML or Markdown: the hash is what identifies the image. */
    static final Pattern REFERENCE = Pattern.compile("/medias/([0-9a-f]{32})(?:-[0-9]{2,5})?\\.(?:png|jpg)");

    /** The public address of every image, before its file name. */
    public static final String PATH = "/medias/";

    private static final Semaphore DECODING = new Semaphore(1, true);

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private RateLimits limits;

    @Inject
    private MediaStore store;

    @Inject
    @Any
    private Instance<MediaHolder> holders;

    @Inject
    @ConfigProperty(name = "mare.uploads.max-bytes", defaultValue = "8000000")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "mare.uploads.max-pixels", defaultValue = "40000000")
    long maxPixels;

    @Inject
    @ConfigProperty(name = "mare.uploads.unused-hours", defaultValue = "24")
    long unusedHours;

    /** What {@code /medias/<name>} answers with, once the caller may see it. */
    public record Served(Path file, String contentType, String etag, boolean forEveryone) {
    }

    /** What a running Mare keeps in its heap besides one image being decoded (docs/perf.md, « Mémoire »). */
    static final long HEAP_KEPT_FOR_THE_REST = 120L * 1024 * 1024;

    /** A decoded image costs about four bytes a pixel (one int per pixel, measured: 40 Mpx, ~160 MB). */
    static final long BYTES_PER_DECODED_PIXEL = 4;

    /**
     * The most pixels an image may have on this JVM: {@code mare.uploads.max-pixels}, lowered to
     * what the heap can decode beside the rest of Mare (issue #11: the launcher's default heap of
     * 200 MB decodes about 19 Mpx, more than a phone's 12 Mpx photo), so that a large image is
     * refused with its reason instead of ending in an OutOfMemoryError.
     */
    long maxPixels(long maxHeap) {
        long decodable = Math.max(1_000_000, (maxHeap - HEAP_KEPT_FOR_THE_REST) / BYTES_PER_DECODED_PIXEL);
        return Math.min(maxPixels, decodable);
    }

    /** The most bytes an uploaded file may have ({@code mare.uploads.max-bytes}). */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores an image sent by {@code me} and returns it; the same content sent again (by anyone)
     * gives the image already stored, without counting against the quota.
     *
     * @throws BusinessException on the {@code image} field: not logged in, quota reached
     *         ({@link fr.mare.platform.RateLimitedException}), or the file refused by {@link ImageFiles}
     */
    @Transactional
    public MediaImage upload(Caller me, byte[] bytes, String fileName) {
        if (me.isAnonymous()) {
            throw new BusinessException("media.loginFirst", "image");
        }
        limits.check(me.accountId(), limits.uploads(me.accountId()), since -> em.createNamedQuery("MediaImage.countSince", Long.class)
                .setParameter("owner", me.accountId()).setParameter("since", since).getSingleResult(), "image");
        ImageFiles.Processed processed = decodeOneAtATime(bytes, fileName);
        String hash = hash(processed.original().bytes());
        Optional<MediaImage> known = byHash(hash);
        if (known.isPresent()) {
            if (known.get().isHidden()) {
                throw new BusinessException("media.hidden", "image");
            }
            return known.get();
        }
        MediaImage image = new MediaImage(hash, me.accountId(), processed, bytes.length, clock.instant());
        store.write(image.getName(), processed.original().bytes());
        if (processed.display() != null) {
            store.write(image.getDisplayName(), processed.display().bytes());
        }
        em.persist(image);
        try {
            em.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            // The same bytes sent at the same instant through another node (a shared folder, ADR 0026):
            // the unique hash decided; the files are the same. Sent again, it finds that image.
            throw new BusinessException("media.busy", "image");
        }
        return image;
    }

    private ImageFiles.Processed decodeOneAtATime(byte[] bytes, String fileName) {
        boolean acquired = false;
        try {
            acquired = DECODING.tryAcquire(30, TimeUnit.SECONDS);
            if (!acquired) {
                throw new BusinessException("media.busy", "image");
            }
            return ImageFiles.process(bytes, fileName, maxBytes, maxPixels(Runtime.getRuntime().maxMemory()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusinessException("media.busy", "image");
        } finally {
            if (acquired) {
                DECODING.release();
            }
        }
    }

    /** The Markdown that shows {@code image} with {@code alt}: brackets and backslashes escaped, one line. */
    public static String markdown(MediaImage image, String alt) {
        String text = alt.strip().replaceAll("\\s+", " ").replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
        return "![" + text + "](" + PATH + image.getName() + ")";
    }

    /**
     * Records that content {@code kind}/{@code id} shows the images named in {@code html} (its
     * stored, sanitised HTML). Rows are only added: an older revision may still show an image.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void used(String kind, long id, String html) {
        Set<String> hashes = referencedHashes(html);
        if (hashes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (String hash : hashes) {
            byHash(hash).ifPresent(image -> {
                image.used(now);
                em.createNativeQuery("INSERT IGNORE INTO media_use (media_id, holder_kind, holder_id, created_at) VALUES (?, ?, ?, ?)")
                        .setParameter(1, image.getId()).setParameter(2, kind).setParameter(3, id)
                        .setParameter(4, java.sql.Timestamp.from(now)).executeUpdate();
            });
        }
    }

    static Set<String> referencedHashes(String text) {
        Set<String> hashes = new LinkedHashSet<>();
        if (text == null) {
            return hashes;
        }
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            hashes.add(m.group(1));
        }
        return hashes;
    }

    /**
     * The file behind {@code /medias/<name>} if {@code reader} may see it: moderation always; the
     * uploader while it is used nowhere; else whoever may read one of the contents that show it,
     * unless moderation hid the image itself.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Served> open(Caller reader, String name) {
        Matcher m = MediaStore.NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        MediaImage image = byHash(m.group(1)).orElse(null);
        if (image == null || !image.getName().endsWith("." + m.group(3))
                || (m.group(2) != null && !name.equals(image.getDisplayName()))) {
            return Optional.empty();
        }
        boolean forEveryone = !image.isHidden() && visibleTo(Caller.ANONYMOUS, image);
        boolean allowed = forEveryone || reader.moderator() || (!image.isHidden() && !reader.isAnonymous()
                && (uses(image).isEmpty() ? reader.is(image.getOwnerId()) : visibleTo(reader, image)));
        if (!allowed) {
            return Optional.empty();
        }
        return Optional.of(new Served(store.path(name), image.getContentType(), "\"" + name + "\"", forEveryone));
    }

    private boolean visibleTo(Caller reader, MediaImage image) {
        for (Object[] use : uses(image)) {
            String kind = (String) use[0];
            long id = ((Number) use[1]).longValue();
            for (MediaHolder holder : holders) {
                if (holder.kind().equals(kind) && holder.canSee(reader, id)) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> uses(MediaImage image) {
        return em.createNativeQuery("SELECT holder_kind, holder_id FROM media_use WHERE media_id = ? ORDER BY created_at DESC")
                .setParameter(1, image.getId()).setMaxResults(20).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaImage> byHash(String hash) {
        return em.createNamedQuery("MediaImage.byHash", MediaImage.class).setParameter("hash", hash)
                .getResultStream().findFirst();
    }

    /** The image an address {@code /medias/<name>} (original or reduced copy) names, if Mare has it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaImage> byPath(String path) {
        if (path == null || !path.startsWith(PATH)) {
            return Optional.empty();
        }
        Matcher m = MediaStore.NAME.matcher(path.substring(PATH.length()));
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(0);
        return byHash(m.group(1)).filter(i -> name.equals(i.getName()) || name.equals(i.getDisplayName()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MediaImage> byId(long id) {
        return Optional.ofNullable(em.find(MediaImage.class, id));
    }

    /** The images Mare stores that {@code html} (a content's stored HTML) shows, in order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MediaImage> shownIn(String html) {
        return referencedHashes(html).stream().map(this::byHash).flatMap(Optional::stream).toList();
    }

    /**
     * Moderation hides one image wherever it appears (the {@code image} target of the moderation
     * feature, whose journal records it); the same bytes sent again stay refused.
     */
    @Transactional
    public void hide(Caller me, long id, String reason) {
        me.requireModerator();
        byId(id).orElseThrow(() -> new BusinessException("media.notFound", null)).hide(me.accountId(), reason, clock.instant());
    }

    /** Undoes {@link #hide}. */
    @Transactional
    public void restore(Caller me, long id) {
        me.requireModerator();
        byId(id).orElseThrow(() -> new BusinessException("media.notFound", null)).restore();
    }

    /** Deletes the images never used and uploaded more than {@code mare.uploads.unused-hours} ago; returns how many. */
    @Transactional
    public int purgeUnused() {
        List<MediaImage> unused = em.createNamedQuery("MediaImage.unusedBefore", MediaImage.class)
                .setParameter("before", clock.instant().minus(Duration.ofHours(unusedHours))).setMaxResults(500).getResultList();
        unused.forEach(this::erase);
        // Left by a writer that died between its temporary file and the rename (any node of a shared folder).
        store.sweepPartials(Duration.ofHours(1));
        if (!unused.isEmpty()) {
            LOG.info(() -> unused.size() + " image(s) jamais utilisée(s) effacée(s).");
        }
        return unused.size();
    }

    /**
     * For the erasure of an account: deletes its images that no content shows any more (used
     * nowhere, or only by contents that no reader may see); returns how many.
     */
    @Transactional
    public int eraseOwnedBy(long accountId) {
        List<MediaImage> owned = em.createQuery("SELECT m FROM MediaImage m WHERE m.ownerId = :owner", MediaImage.class)
                .setParameter("owner", accountId).getResultList();
        int erased = 0;
        for (MediaImage image : owned) {
            if (!visibleTo(Caller.ANONYMOUS, image)) {
                erase(image);
                erased++;
            }
        }
        return erased;
    }

    private void erase(MediaImage image) {
        em.remove(image);
        em.flush();
        store.delete(image.getName());
        store.delete(image.getDisplayName());
    }

    /** {@code bytes} in whole megabytes, as the messages say it (« 8 Mo »). */
    public static String megabytes(long bytes) {
        return String.format(java.util.Locale.FRANCE, "%.0f", bytes / 1_000_000.0);
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
