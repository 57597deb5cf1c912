package fr.mare.moderation;

/**
 * The journal's filters, each optional: an action, a moderator (username; « systeme » for the
 * automatic actions), a target ({@code type:id}).
 */
public record JournalFilter(ActionKind action, String moderator, TargetKey target) {

    public static final JournalFilter NONE = new JournalFilter(null, null, null);
    public static final String SYSTEM = "systeme";
}
