package fr.mare.moderation;

import java.util.Set;

/**
 * What a moderator (or the system) can do. {@link #closes()}: whether the action settles the
 * review item (the others — warning, suspending, locking, moving — go with a decision, so the
 * item stays open for it). Labels in the bundle ({@code ActionKind.HIDE}…).
 */
public enum ActionKind {
    DISMISS, HIDE, RESTORE, EDIT, DELETE, LOCK, UNLOCK, MOVE, WARN, SUSPEND, LIFT_SUSPENSION, APPROVE, REJECT, AUTO_HIDE;

    private static final Set<ActionKind> CLOSING = Set.of(DISMISS, HIDE, RESTORE, EDIT, DELETE, APPROVE, REJECT);

    public boolean closes() {
        return CLOSING.contains(this);
    }
}
