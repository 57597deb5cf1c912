/**
 * Moderation (#6): members' reports, the review queue, moderators' actions and their append-only
 * journal, automatic hiding and the approval of newcomers' first posts. It acts on other
 * features only through small public methods of their services (each checking that the caller
 * is a moderator), and finds what a report targets through one {@link fr.mare.moderation.ModerationTarget}
 * per type. No other feature imports this package.
 */
package fr.mare.moderation;
