package fr.mare.account;

import java.util.Objects;

/**
 * A username that passed {@link Usernames#parse(String)}, in the four forms Mare needs.
 *
 * <p>Only {@link Usernames#parse(String)} should build these: the record does not
 * re-validate, and the four fields are only meaningful when derived together from the same
 * typed text. Storing all four (rather than recomputing) lets the database enforce
 * uniqueness on {@code canonical} and index both skeletons for look-alike searches; if the
 * Unicode or ICU version changes, the stored forms must be recomputed from {@code display}.
 *
 * @param display     what the member typed, NFC-normalized, typographic apostrophe folded
 *                    to ASCII; case and accents are kept because this is how the name is
 *                    shown
 * @param canonical   NFKC_Casefold form; two accounts with equal canonical forms are the
 *                    same identity (log-in and uniqueness use this)
 * @param skeleton    UTS #39 skeleton of {@code canonical}; catches look-alikes that survive
 *                    case folding ({@code rn} / {@code m}, Cyrillic {@code а} / Latin
 *                    {@code a}, ...)
 * @param rawSkeleton UTS #39 skeleton of {@code display}; needed as well because case
 *                    folding destroys some confusions (capital {@code I} looks like
 *                    {@code l}, but folds to {@code i}, which does not)
 */
public record Username(String display, String canonical, String skeleton, String rawSkeleton) {

    public Username {
        Objects.requireNonNull(display, "display");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(skeleton, "skeleton");
        Objects.requireNonNull(rawSkeleton, "rawSkeleton");
    }

    /** Same identity: the canonical forms are equal (the member would log in as either). */
    public boolean sameIdentityAs(Username other) {
        return canonical.equals(other.canonical);
    }

    /**
     * Look-alike: some skeleton of this name equals some skeleton of the other. Every pair is
     * compared because each skeleton misses confusions the other one sees.
     */
    public boolean confusableWith(Username other) {
        return skeleton.equals(other.skeleton)
                || skeleton.equals(other.rawSkeleton)
                || rawSkeleton.equals(other.skeleton)
                || rawSkeleton.equals(other.rawSkeleton);
    }
}
