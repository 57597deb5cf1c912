package fr.mare.media;

import fr.mare.platform.BusinessException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;

/**
 * What Mare does with an uploaded file before anything is stored (issue #15): no CDI, no
 * database, bytes in, bytes out, so every rule is tested without a server.
 * <ol>
 *   <li>the size, then the type, decided by the file's first bytes only (PNG, JPEG, WebP, GIF;
 *       never the name or the declared type): SVG and everything else are refused;</li>
 *   <li>the file must end where its format says it ends, and carry no markup: a « polyglot »
 *       (an image that is also HTML, a script or an archive) is refused;</li>
 *   <li>the dimensions are read from the header alone ({@link ImageReader#getWidth}), and more
 *       than {@code maxPixels} is refused before a single pixel is decoded (pixel flood,
 *       decompression bomb);</li>
 *   <li>the first frame is decoded, turned by its EXIF orientation, and drawn into a fresh image,
 *       which is encoded anew: EXIF, XMP, GPS, comments and every other chunk are left behind;</li>
 *   <li>an image wider than {@link #DISPLAY_WIDTH} also gets a reduced copy for pages, when that
 *       copy weighs less than the original.</li>
 * </ol>
 * Refusals are {@link BusinessException}s on the {@code image} field, told in French.
 */
final class ImageFiles {

    /** Widest image shown as is in a page; wider ones get a reduced copy and a link to the original. */
    static final int DISPLAY_WIDTH = 1200;

    /** Above this size an image without transparency is also tried as JPEG, kept if much smaller. */
    private static final int PNG_TRY_JPEG_BYTES = 1024 * 1024;

    private static final float JPEG_QUALITY = 0.88f;

    /** Markup that has nothing to do in an image: its presence means the file is also something else. */
    private static final String[] MARKUP = {"<script", "<html", "<svg", "<?php", "<iframe", "<body", "<?xml", "<!doctype"};

    private static final String FIELD = "image";

    enum Type {
        PNG("png"), JPEG("jpg", "jpeg", "jpe", "jfif"), WEBP("webp"), GIF("gif");

        final java.util.Set<String> extensions;

        Type(String... extensions) {
            this.extensions = java.util.Set.of(extensions);
        }
    }

    /** One encoded image: its bytes, its format ({@code png} or {@code jpg}) and size. */
    record Encoded(byte[] bytes, String extension, int width, int height) {
    }

    /** The result: the re-encoded original and, for a large one, the reduced copy (else null). */
    record Processed(Encoded original, Encoded display) {
    }

    private ImageFiles() {
    }

    /** The type told by the first bytes, or null for anything Mare does not accept. */
    static Type detect(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Type.PNG;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Type.JPEG;
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8') && b.length > 5 && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return Type.GIF;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Type.WEBP;
        }
        return null;
    }

    /**
     * Checks and re-encodes {@code bytes}.
     *
     * @throws BusinessException {@code media.tooLarge}, {@code media.type}, {@code media.polyglot},
     *         {@code media.tooManyPixels} or {@code media.unreadable}, all on the {@code image} field
     */
    static Processed process(byte[] bytes, String fileName, long maxBytes, long maxPixels) {
        if (bytes.length == 0) {
            throw new BusinessException("media.empty", FIELD);
        }
        if (bytes.length > maxBytes) {
            throw new BusinessException("media.tooLarge", FIELD, MediaService.megabytes(maxBytes));
        }
        Type type = detect(bytes);
        if (type == null) {
            throw new BusinessException("media.type", FIELD);
        }
        String extension = extension(fileName);
        if (extension != null && !type.extensions.contains(extension)) {
            // The name never makes a file acceptable; a name that says otherwise than the content
            // (a PNG called .jpg, an image called .svg or .html) is a trick or a mistake: refused.
            throw new BusinessException("media.mismatch", FIELD, type.name(), "." + extension);
        }
        if (containsMarkup(bytes) || Structure.trailingBytes(type, bytes) > 0) {
            throw new BusinessException("media.polyglot", FIELD);
        }
        BufferedImage decoded = decode(type, bytes, maxPixels);
        BufferedImage upright = upright(decoded, Orientation.of(type, bytes));
        boolean alpha = upright.getColorModel().hasAlpha();
        boolean photo = type == Type.JPEG;
        Encoded original = encode(upright, alpha, photo);
        Encoded display = null;
        if (upright.getWidth() > DISPLAY_WIDTH) {
            int height = Math.max(1, (int) Math.round((double) upright.getHeight() * DISPLAY_WIDTH / upright.getWidth()));
            display = lighterOrNull(encode(scaled(upright, DISPLAY_WIDTH, height, alpha), alpha, original.extension().equals("jpg")),
                    original);
        }
        return new Processed(original, display);
    }

    /**
     * The reduced copy when it weighs less than the original, else null. A screenshot of text in
     * flat colours can compress better at full size than resampled (smoothing adds colours):
     * measured, a 1,600-pixel screenshot of 31.9 KB gave a 1,200-pixel copy of 37.9 KB. Such a copy
     * is no saving: the page shows the original, scaled by the browser (docs/perf.md).
     */
    static Encoded lighterOrNull(Encoded display, Encoded original) {
        return display.bytes().length < original.bytes().length ? display : null;
    }

    /** The lower-cased extension of a file name, or null when it has none. */
    static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? null : name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }

    private static BufferedImage decode(Type type, byte[] bytes, long maxPixels) {
        ImageReader reader = reader(type);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            // Header only: no pixel is decoded before the size is known to be acceptable.
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new BusinessException("media.unreadable", FIELD);
            }
            if (width * height > maxPixels) {
                throw new BusinessException("media.tooManyPixels", FIELD, width + " × " + height,
                        MediaService.megabytes(maxPixels));
            }
            ImageReadParam param = reader.getDefaultReadParam();
            BufferedImage image = reader.read(0, param);
            if (image == null || image.getWidth() != width || image.getHeight() != height) {
                throw new BusinessException("media.unreadable", FIELD);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException refusal) {
                throw refusal;
            }
            // A corrupt or unsupported stream (CMYK JPEG, truncated data, a decoder's own bug).
            throw new BusinessException("media.unreadable", FIELD);
        } finally {
            reader.dispose();
        }
    }

    /** The JDK's own reader for PNG, JPEG and GIF, TwelveMonkeys' for WebP: chosen, never looked up by content. */
    private static ImageReader reader(Type type) {
        if (type == Type.WEBP) {
            ImageReaderSpi spi = new com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi();
            try {
                return spi.createReaderInstance();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        String name = type.name().toLowerCase(Locale.ROOT);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
        ImageReader fallback = null;
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (candidate.getClass().getName().startsWith("com.sun.imageio.")) {
                return candidate;
            }
            fallback = fallback == null ? candidate : fallback;
        }
        if (fallback == null) {
            throw new IllegalStateException("no ImageIO reader for " + name);
        }
        return fallback;
    }

    /** The image turned as its EXIF orientation says, in a fresh RGB or ARGB raster (no metadata can follow). */
    static BufferedImage upright(BufferedImage source, int orientation) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean swap = orientation >= 5 && orientation <= 8;
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(swap ? h : w, swap ? w : h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        // Where a source pixel (x, y) lands: x' = m00·x + m01·y + m02, y' = m10·x + m11·y + m12.
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);    // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);   // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);    // mirrored vertically
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);     // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);    // turned a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);   // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);    // turned a quarter anticlockwise
            default -> new AffineTransform();
        };
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(source, t, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static BufferedImage scaled(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage current = source;
        // Halving steps, then one bilinear step: text in screenshots stays legible.
        while (current.getWidth() / 2 >= width) {
            current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2), alpha);
        }
        return draw(current, width, height, alpha);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * PNG (lossless: screenshots stay sharp), JPEG for photos; a large PNG without transparency
     * becomes JPEG when that halves it (a photo sent as PNG or WebP).
     */
    private static Encoded encode(BufferedImage image, boolean alpha, boolean photo) {
        if (photo && !alpha) {
            return new Encoded(jpeg(image), "jpg", image.getWidth(), image.getHeight());
        }
        byte[] png = png(image);
        if (!alpha && png.length > PNG_TRY_JPEG_BYTES) {
            byte[] jpeg = jpeg(image);
            if (jpeg.length * 2 < png.length) {
                return new Encoded(jpeg, "jpg", image.getWidth(), image.getHeight());
            }
        }
        return new Encoded(png, "png", image.getWidth(), image.getHeight());
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static boolean containsMarkup(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '<') {
                continue;
            }
            for (String m : MARKUP) {
                if (regionMatchesIgnoreCase(bytes, i, m)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean regionMatchesIgnoreCase(byte[] bytes, int at, String ascii) {
        if (at + ascii.length() > bytes.length) {
            return false;
        }
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int k = 0; k < expected.length; k++) {
            int c = bytes[at + k];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != expected[k]) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
