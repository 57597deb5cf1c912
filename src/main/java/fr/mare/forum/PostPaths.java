package fr.mare.forum;

/**
 * Materialized paths of posts: fixed-width base-36 segments joined by dots, e.g.
 * {@code 00001.0000a}. Fixed width makes string order equal tree order (a parent sorts before
 * its children, siblings by arrival). Five base-36 digits allow 60 million replies per post;
 * {@link #MAX_DEPTH} keeps paths within the 700-character column.
 */
final class PostPaths {

    static final int SEGMENT_WIDTH = 5;
    /** Replies deeper than this attach to their parent's parent: the tree stays storable. */
    static final int MAX_DEPTH = 100;
    static final String ROOT = segment(1);

    private PostPaths() {
    }

    static String child(String parentPath, int childNumber) {
        return parentPath + "." + segment(childNumber);
    }

    static String segment(int number) {
        if (number < 1 || number >= 60_466_176) {
            throw new IllegalArgumentException("segment out of range: " + number);
        }
        String digits = Integer.toString(number, 36);
        return "0".repeat(SEGMENT_WIDTH - digits.length()) + digits;
    }

    static int depth(String path) {
        return (path.length() + 1) / (SEGMENT_WIDTH + 1) - 1;
    }
}
