package fr.mare.media;

/**
 * Where an image file ends by its own format, to find what was glued after it (a GIF followed by
 * a zip, a PNG followed by HTML: the classic polyglots). Walks the container only (PNG chunks,
 * JPEG segments, GIF blocks, the RIFF size), never the compressed pixels. A structure that runs
 * past the end of the bytes counts as the file's end: a truncated image is the decoder's problem.
 */
final class Structure {

    private Structure() {
    }

    /**
     * How many bytes follow the end of the image, zero bytes (padding some tools add) not
     * counted.
     */
    static int trailingBytes(ImageFiles.Type type, byte[] b) {
        int end = switch (type) {
            case PNG -> pngEnd(b);
            case JPEG -> jpegEnd(b);
            case GIF -> gifEnd(b);
            case WEBP -> webpEnd(b);
        };
        int trailing = 0;
        for (int i = Math.max(0, end); i < b.length; i++) {
            if (b[i] != 0) {
                trailing++;
            }
        }
        return trailing;
    }

    private static int pngEnd(byte[] b) {
        int at = 8;
        while (at + 8 <= b.length) {
            long length = u32(b, at);
            boolean iend = b[at + 4] == 'I' && b[at + 5] == 'E' && b[at + 6] == 'N' && b[at + 7] == 'D';
            long next = at + 12 + length;
            if (next > b.length) {
                return b.length;
            }
            at = (int) next;
            if (iend) {
                return at;
            }
        }
        return b.length;
    }

    private static int jpegEnd(byte[] b) {
        int at = 2;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return b.length;
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0xD9) {
                return at + 2;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                at += 2;
                continue;
            }
            int length = u16(b, at + 2);
            at += 2 + length;
            if (marker == 0xDA) {
                // Entropy-coded data: ends at the first marker that is neither a stuffed 0xFF00 nor a restart.
                while (at + 1 < b.length) {
                    if ((b[at] & 0xFF) == 0xFF) {
                        int m = b[at + 1] & 0xFF;
                        if (m != 0x00 && !(m >= 0xD0 && m <= 0xD7) && m != 0xFF) {
                            break;
                        }
                    }
                    at++;
                }
            }
        }
        return b.length;
    }

    private static int gifEnd(byte[] b) {
        if (b.length < 13) {
            return b.length;
        }
        int at = 13;
        int flags = b[10] & 0xFF;
        if ((flags & 0x80) != 0) {
            at += 3 * (1 << ((flags & 0x07) + 1));
        }
        while (at < b.length) {
            int block = b[at] & 0xFF;
            if (block == 0x3B) {
                return at + 1;
            }
            if (block == 0x21) {
                at = subBlocks(b, at + 2);
            } else if (block == 0x2C) {
                if (at + 10 > b.length) {
                    return b.length;
                }
                int local = b[at + 9] & 0xFF;
                at += 10;
                if ((local & 0x80) != 0) {
                    at += 3 * (1 << ((local & 0x07) + 1));
                }
                at = subBlocks(b, at + 1); // after the LZW minimum code size
            } else {
                return b.length;
            }
        }
        return b.length;
    }

    private static int subBlocks(byte[] b, int at) {
        while (at < b.length) {
            int size = b[at] & 0xFF;
            at += 1 + size;
            if (size == 0) {
                return at;
            }
        }
        return b.length;
    }

    private static int webpEnd(byte[] b) {
        long size = u32le(b, 4) + 8;
        return size > b.length ? b.length : (int) size;
    }

    static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static int u16(byte[] b, int at) {
        return at + 1 < b.length ? ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF) : 0;
    }

    static long u32le(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | ((b[at + 2] & 0xFF) << 16) | ((long) (b[at + 3] & 0xFF) << 24);
    }
}
