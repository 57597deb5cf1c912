package fr.mare.directory.web;

import java.util.List;

/**
 * One page of a list held in memory (the directory's listings): {@code page} from 1, clamped to
 * the pages that exist, so a stale or typed {@code ?page=} never shows an empty page. Pure, so
 * it is unit-tested.
 */
record Paging(int page, int pageCount, int size) {

    /** The page asked for ({@code typed}, maybe absent or not a number) over {@code total} items. */
    static Paging of(String typed, int total, int size) {
        int count = Math.max(1, (total + size - 1) / size);
        int asked;
        try {
            asked = typed == null ? 1 : Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            asked = 1;
        }
        return new Paging(Math.min(Math.max(asked, 1), count), count, size);
    }

    <T> List<T> slice(List<T> all) {
        int from = (page - 1) * size;
        return all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
    }

    boolean hasPrevious() {
        return page > 1;
    }

    boolean hasNext() {
        return page < pageCount;
    }
}
