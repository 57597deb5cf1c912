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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    private ModerationActionsBacking actions;

    @Inject
    private Caller caller;

    private QueueEntry entry;
    private List<JournalEntry> journal;

    public void load() {
        entry = moderation.entry(caller, cible).orElse(null);
        if (entry == null) {
            Pages.notFound("Cible inconnue");
            return;
        }
        actions.handle("/moderation/cible?cible=" + URLEncoder.encode(entry.target().getKey(), StandardCharsets.UTF_8));
    }

    public QueueEntry getEntry() {
        return entry;
    }

    @Inject
    private fr.mare.media.MediaService media;

    /** The uploaded images the content shows (#15), each its own target ({@code image:id}). */
    public List<fr.mare.media.MediaImage> getImages() {
        if (entry == null || entry.target().type().equals("image") || entry.target().html() == null) {
            return List.of();
        }
        return media.shownIn(entry.target().html());
    }

    public List<JournalEntry> getJournal() {
        if (journal == null) {
            journal = entry == null ? List.of()
                    : moderation.journal(caller, new JournalFilter(null, null, new TargetKey(entry.target().type(), entry.target().id())), 100);
        }
        return journal;
    }
}
