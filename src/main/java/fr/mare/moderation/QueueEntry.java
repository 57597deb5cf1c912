package fr.mare.moderation;

import fr.mare.account.AccountSummary;

import java.util.List;

/**
 * One target as the queue shows it: the open item (null when a moderator looks at a target with
 * none), the content as it is now, its author's history, and every report on it.
 */
public record QueueEntry(ModerationItem item, TargetView target, AuthorHistory author, List<ReportLine> reports) {

    /** A report and who made it. */
    public record ReportLine(Report report, AccountSummary reporter) {
    }

    /**
     * The actions a moderator may choose here: dismissing (when there is an item), the target's
     * own actions, then those on its author (warn, suspend or lift a suspension).
     */
    public List<ActionKind> getAvailableActions() {
        List<ActionKind> actions = new java.util.ArrayList<>();
        if (item != null && !item.isFirstPost()) {
            actions.add(ActionKind.DISMISS);
        }
        for (ActionKind kind : ActionKind.values()) {
            if (target.actions().contains(kind)) {
                actions.add(kind);
            }
        }
        if (author != null) {
            actions.add(ActionKind.WARN);
            actions.add(author.suspension() == null ? ActionKind.SUSPEND : ActionKind.LIFT_SUSPENSION);
        }
        return List.copyOf(actions);
    }

    public boolean isFirstPost() {
        return item != null && item.isFirstPost();
    }
}
