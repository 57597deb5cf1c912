package fr.mare.notification.web;

import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.forum.ForumService;
import fr.mare.forum.ForumVisibility;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicLinks;
import fr.mare.notification.Notification;
import fr.mare.notification.NotificationCursor;
import fr.mare.notification.NotificationKind;
import fr.mare.notification.NotificationPage;
import fr.mare.notification.NotificationService;
import fr.mare.notification.NotificationText;
import fr.mare.web.Bundle;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code /notifications} (members only, {@code AccessFilter}): the caller's notifications, newest
 * first, 50 a page with a keyset cursor ({@code ?avant=}). Each links to its post's permalink
 * ({@code ?message=}, which finds the page and anchor) through {@link NotificationOpenServlet},
 * which marks it read on the way (#14). « Marquer comme lu » and « Tout marquer
 * comme lu » are Faces forms (POST, view state as CSRF token), then Post/Redirect/Get.
 * <p>
 * A row's form sends the notification's id in a plain field rather than relying on the row's
 * position: the list may have grown between the page and the click. The service checks the id
 * belongs to the caller.
 */
@Named
@RequestScoped
public class NotificationListBacking {

    static final int PAGE_SIZE = 50;

    @Inject
    @Param(name = "avant")
    private String beforeParameter;

    @Inject
    @Param(name = "notification")
    private String notificationParameter;

    @Inject
    private NotificationService notifications;

    @Inject
    private ForumService forum;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private AccountService accounts;

    @Inject
    private ForumVisibility visibility;

    @Inject
    private Caller caller;

    private NotificationPage page;
    private List<NotificationRow> rows;

    private void ensureLoaded() {
        if (rows != null) {
            return;
        }
        page = notifications.list(caller, getCursor(), PAGE_SIZE);
        List<Notification> found = page.notifications();
        Map<Long, AccountSummary> actors = accounts.summaries(found.stream().map(Notification::getActorId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<Long, Topic> topics = new HashMap<>();
        found.stream().map(Notification::getTopicId).filter(Objects::nonNull).distinct()
                .forEach(id -> threadReading.topicFor(caller, id).ifPresent(topic -> topics.put(id, topic)));
        // A topic that no longer exists for the reader drops its rows; a hidden one keeps them, without its title (#10).
        rows = found.stream()
                .filter(n -> n.getKind() == NotificationKind.NOTICE || topics.containsKey(n.getTopicId()))
                .map(n -> row(n, actorName(n, actors), topics.get(n.getTopicId()),
                        n.getKind() == NotificationKind.NOTICE || visibility.canRead(caller, topics.get(n.getTopicId()))))
                .toList();
    }

    private static String actorName(Notification n, Map<Long, AccountSummary> actors) {
        if (n.getActorId() == null) {
            return Bundle.text("notification.system");
        }
        AccountSummary actor = actors.get(n.getActorId());
        return actor == null ? Bundle.text("notification.someone") : actor.displayName();
    }

    private static NotificationRow row(Notification n, String actorName, Topic topic, boolean readable) {
        if (n.getKind() == NotificationKind.NOTICE) {
            NotificationText text = NotificationText.ofNotice(n.getTextKey(), actorName, n.getSubject(), n.getDetail());
            return new NotificationRow(n.getId(), n.getKind(), Bundle.text(text.key(), text.arguments()),
                    n.getLink(), n.getLastEventAt(), n.isUnread());
        }
        NotificationText text = NotificationText.of(n.getKind(), actorName, n.getActorCount(),
                readable ? topic.getTitle() : Bundle.text("moderation.hidden.topicTitle"));
        return new NotificationRow(n.getId(), n.getKind(), Bundle.text(text.key(), text.arguments()),
                TopicLinks.of(topic) + "?message=" + n.getPostId(), n.getLastEventAt(), n.isUnread());
    }

    public String markRead() {
        long id;
        try {
            id = Long.parseLong(Objects.requireNonNullElse(notificationParameter, ""));
        } catch (NumberFormatException e) {
            FormMessages.error("notification.unknown");
            return back(null);
        }
        return back(FormMessages.run(null, () -> notifications.markRead(caller, id)) ? "notification.read.done" : null);
    }

    public String markAllRead() {
        return back(FormMessages.run(null, () -> notifications.markAllRead(caller)) ? "notification.allRead.done" : null);
    }

    /**
     * Post/Redirect/Get to the same page of the list, with {@code doneKey} or the refusal already
     * added (the list holds no typed text to keep).
     */
    private String back(String doneKey) {
        if (doneKey != null) {
            FormMessages.flashInfo(doneKey);
        } else {
            FormMessages.keepForNextPage();
        }
        NotificationCursor cursor = getCursor();
        Navigation.redirect("/notifications" + (cursor == null ? "" : "?avant=" + cursor.toParameter()));
        return null;
    }

    private NotificationCursor getCursor() {
        return NotificationCursor.parse(beforeParameter).orElse(null);
    }

    public List<NotificationRow> getRows() {
        ensureLoaded();
        return rows;
    }

    public boolean isFirstPage() {
        return getCursor() == null;
    }

    /** The cursor of the next (older) page, or null on the last one. */
    public String getOlderCursor() {
        ensureLoaded();
        return page.next() == null ? null : page.next().toParameter();
    }
}
