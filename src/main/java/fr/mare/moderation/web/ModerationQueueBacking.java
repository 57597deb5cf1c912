package fr.mare.moderation.web;

import fr.mare.account.Caller;
import fr.mare.moderation.ModerationService;
import fr.mare.moderation.QueueEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** {@code /moderation}: the open items, oldest first, each with its content, author, reports and action form. */
@Named
@RequestScoped
public class ModerationQueueBacking {

    static final int LIMIT = 100;

    @Inject
    private ModerationService moderation;

    @Inject
    private Caller caller;

    private List<QueueEntry> entries;

    public List<QueueEntry> getEntries() {
        if (entries == null) {
            entries = moderation.queue(caller, LIMIT);
        }
        return entries;
    }
}
