package fr.mare.media;

import fr.mare.account.Caller;

/**
 * A feature whose content shows images (forum posts, tutorials, collective profiles): it tells
 * whether a reader may see one of its items, by its own visibility rule (ADR 0013), so that an
 * image is shown to exactly the readers of some content that shows it. The media feature finds
 * every implementation through CDI and depends on none.
 */
public interface MediaHolder {

    /** The kind stored in {@code media_use.holder_kind}: {@code post}, {@code tutorial}, {@code collective}. */
    String kind();

    /** Whether {@code reader} may read item {@code id} as it is (not hidden, deleted, pending for them). */
    boolean canSee(Caller reader, long id);
}
