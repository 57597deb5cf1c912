/**
 * In-app notifications (#3): a reply to your question or message, a new reply in a topic you
 * follow, a mention, your reply chosen as the solution, « merci » for your message (grouped per
 * post while unread), and the notices of other features. Owns the {@code notification} table, the unread count shown in the header
 * and the {@code /notifications} page ({@code notification.web}).
 * <p>
 * It listens: {@link fr.mare.notification.NotificationService} observes {@code forum.ForumEvent}
 * after the forum's transaction commits and writes in a transaction of its own, so a failed
 * notification never undoes or breaks a post. It reads discussions and members only through
 * {@code ForumService} and {@code AccountService} read methods, never their entities' setters.
 * <p>
 * Other features tell a member something else (an invitation, a contact message, a moderation
 * decision) by firing a {@link fr.mare.notification.Notice} event, the one type they import from
 * here; it is written after their transaction commits, like forum events. The shared header asks
 * the unread count by EL name. It never notifies anyone of their own action, and it knows no Faces
 * outside {@code notification.web}.
 */
package fr.mare.notification;
