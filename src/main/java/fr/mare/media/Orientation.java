package fr.mare.media;

/**
 * The EXIF orientation of an image (1 to 8, 1 when absent or unreadable), read from the raw file:
 * a JPEG's APP1 « Exif » segment, a PNG's {@code eXIf} chunk, a WebP's {@code EXIF} chunk. Only
 * tag 0x0112 of the first IFD is read; everything else of EXIF is dropped by the re-encoding.
 */
final class Orientation {

    private static final int TAG = 0x0112;

    private Orientation() {
    }

    static int of(ImageFiles.Type type, byte[] b) {
        try {
            int tiff = switch (type) {
                case JPEG -> jpegTiff(b);
                case PNG -> pngTiff(b);
                case WEBP -> webpTiff(b);
                case GIF -> -1;
            };
            return tiff < 0 ? 1 : fromTiff(b, tiff);
        } catch (ArrayIndexOutOfBoundsException malformed) {
            return 1;
        }
    }

    private static int jpegTiff(byte[] b) {
        int at = 2;
        while (at + 4 <= b.length && (b[at] & 0xFF) == 0xFF) {
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return -1;
            }
            int length = Structure.u16(b, at + 2);
            if (marker == 0xE1 && ImageFiles.startsWith(b, at + 4, 'E', 'x', 'i', 'f', 0, 0)) {
                return at + 10;
            }
            at += 2 + length;
        }
        return -1;
    }

    private static int pngTiff(byte[] b) {
        int at = 8;
        while (at + 8 <= b.length) {
            long length = Structure.u32(b, at);
            if (ImageFiles.startsWith(b, at + 4, 'e', 'X', 'I', 'f')) {
                return at + 8;
            }
            if (ImageFiles.startsWith(b, at + 4, 'I', 'D', 'A', 'T')) {
                return -1;
            }
            at += (int) (12 + length);
        }
        return -1;
    }

    private static int webpTiff(byte[] b) {
        int at = 12;
        while (at + 8 <= b.length) {
            long length = Structure.u32le(b, at + 4);
            if (ImageFiles.startsWith(b, at, 'E', 'X', 'I', 'F')) {
                int tiff = at + 8;
                // Some writers keep the JPEG « Exif\0\0 » prefix.
                return ImageFiles.startsWith(b, tiff, 'E', 'x', 'i', 'f', 0, 0) ? tiff + 6 : tiff;
            }
            at += (int) (8 + length + (length & 1));
        }
        return -1;
    }

    private static int fromTiff(byte[] b, int tiff) {
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long ifd = tiff + u32(b, tiff + 4, little);
        int entries = u16(b, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (u16(b, entry, little) == TAG) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int x = b[at] & 0xFF;
        int y = b[at + 1] & 0xFF;
        return little ? x | (y << 8) : (x << 8) | y;
    }

    private static long u32(byte[] b, int at, boolean little) {
        return little ? Structure.u32le(b, at) : Structure.u32(b, at);
    }
}
