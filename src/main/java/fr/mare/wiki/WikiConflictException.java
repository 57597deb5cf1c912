package fr.mare.wiki;

import fr.mare.platform.BusinessException;

/**
 * Someone saved the page since the editor was opened from revision {@link #base()}: nothing is
 * overwritten; the page shows what changed since then and keeps the text being written.
 */
public class WikiConflictException extends BusinessException {

    private final int base;
    private final int current;

    WikiConflictException(int base, int current) {
        super("wiki.edit.conflict", "body", current);
        this.base = base;
        this.current = current;
    }

    public int base() {
        return base;
    }

    public int current() {
        return current;
    }
}
