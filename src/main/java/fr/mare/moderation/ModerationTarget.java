package fr.mare.moderation;

import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;

import java.util.Optional;

/**
 * One kind of reportable thing ({@code /signaler?cible={type}:{id}}): how to find it and how to
 * apply moderation's actions to it, through its feature's service. One CDI bean per type, found
 * by {@link #type()}; a new type (the contact messages, {@code message}) is one more class.
 * Actions on the author (warn, suspend) are the same for every type and live in
 * {@link ModerationService}.
 */
public interface ModerationTarget {

    /** The type as written in {@code cible} (lower case ASCII). */
    String type();

    Optional<TargetView> find(long id);

    /**
     * Whether a member may read the thing (hence report it). Public things are readable by all;
     * a contact message only by the two sides of its conversation. Moderation reads everything.
     */
    default boolean readableBy(Caller me, long id) {
        return true;
    }

    /**
     * Applies a content action ({@link TargetView#actions()}); the feature's service checks that
     * {@code me} is a moderator. {@code parameter}: the new text of an edit, the category of a move.
     */
    default Change apply(Caller me, long id, ActionKind action, String reason, String parameter) {
        throw new BusinessException("moderation.action.unsupported", null);
    }

    /** What an action changed, for the journal: texts before and after an edit, or a detail (« vers … »). */
    record Change(String before, String after, String detail) {

        public static final Change NONE = new Change(null, null, "");

        public static Change detail(String detail) {
            return new Change(null, null, detail);
        }
    }
}
