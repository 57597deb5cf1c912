package fr.mare.moderation.web;

import fr.mare.account.Caller;
import fr.mare.moderation.JournalEntry;
import fr.mare.moderation.JournalFilter;
import fr.mare.moderation.ModerationService;
import fr.mare.moderation.QueueEntry;
import fr.mare.moderation.TargetKey;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.List;

/**
 * {@code /moderation/cible?cible={type}:{id}}: one target for moderators, reported or not — its
 * open item if any, and its journal. Restoring hidden content or lifting a suspension starts here.
 */
@Named
@RequestScoped
public class ModerationTargetBacking {

    @Inject
    @Param(name = "cible")
    private String cible;

    @Inject
    private ModerationService moderation;

    @Inject
    private Caller caller;

    private QueueEntry entry;
    private boolean looked;
    private List<JournalEntry> journal;

    public void load() {
        if (getEntry() == null) {
            Pages.notFound("Cible inconnue");
        }
    }

    /** The target and its open item, read once per request (a postback's page is drawn without load()). */
    public QueueEntry getEntry() {
        if (!looked) {
            entry = moderation.entry(caller, cible).orElse(null);
            looked = true;
        }
        return entry;
    }

    @Inject
    private fr.mare.media.MediaService media;

    /** The uploaded images the content shows (#15), each its own target ({@code image:id}). */
    public List<fr.mare.media.MediaImage> getImages() {
        QueueEntry shown = getEntry();
        if (shown == null || shown.target().type().equals("image") || shown.target().html() == null) {
            return List.of();
        }
        return media.shownIn(shown.target().html());
    }

    public List<JournalEntry> getJournal() {
        if (journal == null) {
            QueueEntry shown = getEntry();
            journal = shown == null ? List.of()
                    : moderation.journal(caller, new JournalFilter(null, null, new TargetKey(shown.target().type(), shown.target().id())), 100);
        }
        return journal;
    }
}
