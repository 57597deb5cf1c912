package fr.mare.directory.web;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagingTest {

    private static final List<Integer> HUNDRED_AND_ONE = IntStream.rangeClosed(1, 101).boxed().toList();

    @Test
    void pagesCutTheListInOrder() {
        Paging first = Paging.of(null, 101, 50);
        assertEquals(3, first.pageCount());
        assertEquals(IntStream.rangeClosed(1, 50).boxed().toList(), first.slice(HUNDRED_AND_ONE));
        assertFalse(first.hasPrevious());
        assertTrue(first.hasNext());
        Paging last = Paging.of("3", 101, 50);
        assertEquals(List.of(101), last.slice(HUNDRED_AND_ONE));
        assertTrue(last.hasPrevious());
        assertFalse(last.hasNext());
    }

    @Test
    void aTypedOrStalePageNeverShowsAnEmptyPage() {
        assertEquals(3, Paging.of("999", 101, 50).page(), "past the end: the last page");
        assertEquals(1, Paging.of("0", 101, 50).page());
        assertEquals(1, Paging.of("-4", 101, 50).page());
        assertEquals(1, Paging.of("deux", 101, 50).page());
        assertEquals(1, Paging.of(" 1 ", 101, 50).page());
        assertEquals(2, Paging.of(" 2 ", 101, 50).page());
    }

    @Test
    void noResultIsOneEmptyPage() {
        Paging none = Paging.of("2", 0, 50);
        assertEquals(1, none.page());
        assertEquals(1, none.pageCount());
        assertEquals(List.of(), none.slice(List.of()));
        assertFalse(none.hasNext());
    }

    @Test
    void exactlyFullPagesHaveNoEmptyLastOne() {
        assertEquals(2, Paging.of(null, 100, 50).pageCount());
    }
}
