package fr.mare.media;

import fr.mare.platform.BusinessException;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #15: what an upload must be to be kept, and what Mare keeps of it. Test images are made here, with ImageIO. */
class ImageFilesTest {

    static final long MAX_BYTES = 8_000_000;
    static final long MAX_PIXELS = 40_000_000;

    @Test
    void aJpegWithExifGpsComesOutWithoutAnyMetadataAndTurnedUpright() throws IOException {
        BufferedImage source = new BufferedImage(80, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = source.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 80, 40);
        g.setColor(Color.RED);
        g.fillRect(0, 0, 20, 20); // top-left corner as stored
        g.dispose();
        byte[] jpeg = withExif(encode(source, "jpeg"), 6);
        assertTrue(contains(jpeg, "Exif".getBytes(StandardCharsets.US_ASCII)), "the test file carries EXIF");
        assertTrue(contains(jpeg, "GPSMARE".getBytes(StandardCharsets.US_ASCII)), "and GPS data");

        ImageFiles.Processed out = ImageFiles.process(jpeg, "photo.jpg", MAX_BYTES, MAX_PIXELS);

        byte[] kept = out.original().bytes();
        assertEquals("jpg", out.original().extension());
        assertFalse(contains(kept, "Exif".getBytes(StandardCharsets.US_ASCII)), "no EXIF left");
        assertFalse(contains(kept, "GPSMARE".getBytes(StandardCharsets.US_ASCII)), "no GPS left");
        assertFalse(contains(kept, new byte[] {(byte) 0xFF, (byte) 0xE1}), "no APP1 segment left");
        // Orientation 6 (a quarter clockwise) applied before the metadata went: 40 × 80, red top-right.
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(kept));
        assertEquals(40, read.getWidth());
        assertEquals(80, read.getHeight());
        assertEquals(40, out.original().width());
        assertTrue(reddish(read.getRGB(30, 10)), "the stored top-left is now top-right");
        assertFalse(reddish(read.getRGB(10, 70)), "and not bottom-left");
        assertNull(out.display(), "a small image has no reduced copy");
    }

    @Test
    void aPngComesOutAsPngAndAGifAsItsFirstFrame() throws IOException {
        BufferedImage source = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB);
        source.setRGB(3, 4, 0xFF00FF00);
        ImageFiles.Processed png = ImageFiles.process(encode(source, "png"), "capture.PNG", MAX_BYTES, MAX_PIXELS);
        assertEquals("png", png.original().extension());
        assertEquals(0xFF00FF00, ImageIO.read(new ByteArrayInputStream(png.original().bytes())).getRGB(3, 4));

        BufferedImage frame = new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB);
        ImageFiles.Processed gif = ImageFiles.process(encode(frame, "gif"), "anim.gif", MAX_BYTES, MAX_PIXELS);
        assertEquals("png", gif.original().extension());
        assertEquals(12, gif.original().width());
    }

    @Test
    void aWebpIsReadByTwelveMonkeys() {
        // The smallest lossless WebP: one transparent pixel.
        byte[] webp = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
        assertEquals(ImageFiles.Type.WEBP, ImageFiles.detect(webp));
        ImageFiles.Processed out = ImageFiles.process(webp, "pixel.webp", MAX_BYTES, MAX_PIXELS);
        assertEquals("png", out.original().extension());
        assertEquals(1, out.original().width());
    }

    @Test
    void aReducedCopyThatWouldWeighMoreThanTheOriginalIsNotKept() {
        ImageFiles.Encoded original = new ImageFiles.Encoded(new byte[31_898], "png", 1600, 1000);
        assertNull(ImageFiles.lighterOrNull(new ImageFiles.Encoded(new byte[37_941], "png", 1200, 750), original),
                "the measured screenshot: a heavier copy is not kept");
        assertNull(ImageFiles.lighterOrNull(new ImageFiles.Encoded(new byte[31_898], "png", 1200, 750), original));
        ImageFiles.Encoded lighter = new ImageFiles.Encoded(new byte[12_000], "png", 1200, 750);
        assertEquals(lighter, ImageFiles.lighterOrNull(lighter, original));
    }

    @Test
    void aLargeImageGetsAReducedCopyAndKeepsItsSize() throws IOException {
        BufferedImage wide = new BufferedImage(3000, 1000, BufferedImage.TYPE_INT_RGB);
        ImageFiles.Processed out = ImageFiles.process(encode(wide, "png"), null, MAX_BYTES, MAX_PIXELS);
        assertEquals(3000, out.original().width());
        assertNotNull(out.display());
        assertEquals(ImageFiles.DISPLAY_WIDTH, out.display().width());
        assertEquals(400, out.display().height());
    }

    @Test
    void theNameNeverDecidesButAMismatchIsRefused() throws IOException {
        byte[] png = encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png");
        assertRefused("media.mismatch", png, "capture.jpg");
        assertRefused("media.mismatch", png, "dessin.svg");
        assertEquals("png", ImageFiles.process(png, "sans-extension", MAX_BYTES, MAX_PIXELS).original().extension());
        assertEquals("png", ImageFiles.process(png, "image.png", MAX_BYTES, MAX_PIXELS).original().extension());
    }

    @Test
    void svgAndAnythingElseAreRefused() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        assertRefused("media.type", svg, "logo.png");
        assertRefused("media.type", "<?xml version=\"1.0\"?><svg/>".getBytes(StandardCharsets.UTF_8), "logo.png");
        assertRefused("media.type", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "doc.png");
        assertRefused("media.type", new byte[] {'B', 'M', 0, 0, 0, 0}, "image.bmp");
        assertRefused("media.empty", new byte[0], "vide.png");
    }

    @Test
    void polyglotsAreRefused() throws IOException {
        byte[] png = encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png");
        assertRefused("media.polyglot", concat(png, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII)), "x.png");
        byte[] gif = encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "gif");
        // A GIFAR: a zip (a jar) glued after the GIF trailer.
        assertRefused("media.polyglot", concat(gif, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}), "x.gif");
        byte[] jpeg = encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg");
        // Markup hidden in a JPEG comment segment, within the image's own structure.
        byte[] comment = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.US_ASCII);
        byte[] com = concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, (byte) (comment.length + 2)}, comment);
        assertRefused("media.polyglot", concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, concat(com, slice(jpeg, 2))), "x.jpg");
        // Zero padding after the end is not a polyglot.
        assertEquals("png", ImageFiles.process(concat(png, new byte[16]), "x.png", MAX_BYTES, MAX_PIXELS).original().extension());
    }

    @Test
    void aHeaderOfTwentyThousandSquaredIsRefusedBeforeDecoding() throws IOException {
        // A PNG that claims 20,000 × 20,000 but carries ten bytes of pixels: decoding would fail
        // differently; the refusal is the pixel count, read from the header alone.
        byte[] png = png(20_000, 20_000, new byte[10]);
        BusinessException refused = assertRefused("media.tooManyPixels", png, "flood.png");
        assertEquals("20000 × 20000", refused.arguments()[0]);
        // A JPEG whose frame header was patched to 50,000 × 50,000.
        byte[] jpeg = encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg");
        int sof = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xC0});
        jpeg[sof + 5] = (byte) (50_000 >> 8);
        jpeg[sof + 6] = (byte) (50_000 & 0xFF);
        jpeg[sof + 7] = (byte) (50_000 >> 8);
        jpeg[sof + 8] = (byte) (50_000 & 0xFF);
        assertRefused("media.tooManyPixels", jpeg, "flood.jpg");
    }

    @Test
    void aDecompressionBombIsRefusedWithoutExhaustingMemory() throws IOException {
        // 30,000 × 30,000 grey pixels, all zero: under a megabyte compressed, 900 MB (3.6 GB as
        // ARGB) decoded, far above this JVM's heap. Refused from the header, in well under a second.
        ByteArrayOutputStream zeros = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(zeros, new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED))) {
            byte[] row = new byte[30_001]; // filter byte + 30,000 grey samples
            for (int y = 0; y < 30_000; y++) {
                deflate.write(row);
            }
        }
        byte[] bomb = png(30_000, 30_000, zeros.toByteArray(), 0);
        assertTrue(bomb.length < MAX_BYTES, "the bomb fits the byte limit: " + bomb.length);
        long before = System.nanoTime();
        assertRefused("media.tooManyPixels", bomb, "bombe.png");
        assertTrue(System.nanoTime() - before < 2_000_000_000L, "refused without decoding");
    }

    @Test
    void tooManyBytesAreRefused() throws IOException {
        byte[] png = encode(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), "png");
        assertRefused("media.tooLarge", png, "x.png", png.length - 1, MAX_PIXELS);
        assertRefused("media.tooManyPixels", png, "x.png", MAX_BYTES, 1_599);
    }

    @Test
    void aCorruptImageIsRefusedAsUnreadable() throws IOException {
        byte[] png = png(10, 10, new byte[] {1, 2, 3, 4, 5});
        assertRefused("media.unreadable", png, "x.png");
    }

    @Test
    void exifOrientationIsReadFromTheFile() throws IOException {
        byte[] jpeg = encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg");
        for (int o = 1; o <= 8; o++) {
            assertEquals(o, Orientation.of(ImageFiles.Type.JPEG, withExif(jpeg, o)));
        }
        assertEquals(1, Orientation.of(ImageFiles.Type.JPEG, jpeg));
        for (int o = 2; o <= 8; o++) {
            BufferedImage turned = ImageFiles.upright(new BufferedImage(6, 2, BufferedImage.TYPE_INT_RGB), o);
            assertEquals(o >= 5 ? 2 : 6, turned.getWidth(), "orientation " + o);
        }
    }

    // ------------------------------------------------------------------ helpers

    @Test
    void thePixelLimitIsLoweredToWhatTheHeapCanDecode() {
        MediaService service = new MediaService();
        service.maxPixels = 40_000_000;
        long mb = 1024 * 1024;

        assertEquals(40_000_000, service.maxPixels(1024 * mb), "a large heap keeps the configured limit");
        // The launcher's default heap (-Xmx200m, ~193 MB usable with the serial collector).
        long underDefaultHeap = service.maxPixels(193 * mb);
        assertTrue(underDefaultHeap > 12_000_000 && underDefaultHeap < 20_000_000, "a phone's 12 Mpx photo fits: " + underDefaultHeap);
        assertEquals(1_000_000, service.maxPixels(100 * mb), "never below a million pixels");
    }

    private static BusinessException assertRefused(String key, byte[] bytes, String name) {
        return assertRefused(key, bytes, name, MAX_BYTES, MAX_PIXELS);
    }

    private static BusinessException assertRefused(String key, byte[] bytes, String name, long maxBytes, long maxPixels) {
        BusinessException e = assertThrows(BusinessException.class, () -> ImageFiles.process(bytes, name, maxBytes, maxPixels));
        assertEquals(key, e.messageKey());
        assertEquals("image", e.field());
        return e;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), format);
        return out.toByteArray();
    }

    private static boolean reddish(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        return r > 180 && g < 90;
    }

    /**
     * {@code jpeg} with an APP1 « Exif » segment right after SOI: IFD0 holds the orientation and
     * a pointer to a GPS IFD (latitude reference « N », and an ASCII tag « GPSMARE » to find).
     */
    static byte[] withExif(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        // IFD0 at 8: two entries, then next-IFD 0.
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        // GPS IFD at 38: GPSLatitudeRef "N", GPSProcessingMethod-like ASCII "GPSMARE".
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x001B).putShort((short) 2).putInt(8).putInt(68);
        tiff.putInt(0);
        tiff.position(68);
        tiff.put("GPSMARE\0".getBytes(StandardCharsets.US_ASCII));
        byte[] tiffBytes = new byte[76];
        tiff.rewind();
        tiff.get(tiffBytes);
        byte[] payload = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiffBytes);
        int length = payload.length + 2;
        byte[] app1 = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, payload);
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, concat(app1, slice(jpeg, 2)));
    }

    /** An 8-bit RGB PNG of this size whose IDAT is {@code data} (whatever it holds). */
    static byte[] png(int width, int height, byte[] data) throws IOException {
        return png(width, height, data, 2);
    }

    private static byte[] png(int width, int height, byte[] data, int colourType) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) colourType)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", data);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] slice(byte[] a, int from) {
        byte[] c = new byte[a.length - from];
        System.arraycopy(a, from, c, 0, c.length);
        return c;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        return indexOf(haystack, needle) >= 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
