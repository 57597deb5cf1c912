package fr.mare.platform;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that changes after every committed write of this node (ADR 0019), and when another
 * node's or an outside change is learnt from the database ({@link ContentVersionSync}). Whatever
 * is kept because it was computed from the database (the visitors' page cache) is valid only for
 * the version it was computed at: a reader that starts after a write's commit sees a new number,
 * so never a page from before it.
 * <p>
 * Static, because EclipseLink creates {@link ContentChangeListener} itself, outside CDI.
 */
public final class ContentVersion {

    private static final AtomicLong VERSION = new AtomicLong();
    private static final AtomicBoolean UNPUBLISHED = new AtomicBoolean();

    private ContentVersion() {
    }

    /** The version now: read it before reading the database for something that will be kept. */
    public static long current() {
        return VERSION.get();
    }

    /** This node committed a write: a new version at once, told to the other nodes shortly. */
    public static void changed() {
        VERSION.incrementAndGet();
        UNPUBLISHED.set(true);
    }

    /** Something written elsewhere was learnt from the database: a new version, nothing to tell. */
    static void changedElsewhere() {
        VERSION.incrementAndGet();
    }

    /** True, once, when this node has changes the database does not know of yet. */
    static boolean takeUnpublished() {
        return UNPUBLISHED.getAndSet(false);
    }

    /** Gives back what {@link #takeUnpublished()} took, when telling the database failed. */
    static void keepUnpublished() {
        UNPUBLISHED.set(true);
    }
}
