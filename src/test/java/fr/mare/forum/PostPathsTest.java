package fr.mare.forum;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostPathsTest {

    @Test
    void stringOrderIsTreeOrder() {
        String root = PostPaths.ROOT;
        String first = PostPaths.child(root, 1);
        String firstChild = PostPaths.child(first, 1);
        String tenth = PostPaths.child(root, 10);
        String second = PostPaths.child(root, 2);
        List<String> paths = new ArrayList<>(List.of(tenth, firstChild, second, root, first));
        paths.sort(String::compareTo);
        assertEquals(List.of(root, first, firstChild, second, tenth), paths, "parent before children, siblings by arrival");
    }

    @Test
    void segmentsHaveAFixedWidth() {
        assertEquals("00001", PostPaths.segment(1));
        assertEquals("0000a", PostPaths.segment(10));
        assertEquals("zzzzz", PostPaths.segment(60_466_175));
        assertThrows(IllegalArgumentException.class, () -> PostPaths.segment(0));
        assertThrows(IllegalArgumentException.class, () -> PostPaths.segment(60_466_176));
    }

    @Test
    void depthIsTheNumberOfSegmentsMinusOne() {
        assertEquals(0, PostPaths.depth(PostPaths.ROOT));
        assertEquals(2, PostPaths.depth(PostPaths.child(PostPaths.child(PostPaths.ROOT, 3), 4)));
    }

    @Test
    void theDeepestPathFitsItsColumn() {
        String path = PostPaths.ROOT;
        for (int depth = 1; depth <= PostPaths.MAX_DEPTH; depth++) {
            path = PostPaths.child(path, 60_466_175);
        }
        assertEquals(PostPaths.MAX_DEPTH, PostPaths.depth(path));
        assertEquals(true, path.length() <= 700, "forum_post.path is VARCHAR(700): " + path.length());
    }
}
