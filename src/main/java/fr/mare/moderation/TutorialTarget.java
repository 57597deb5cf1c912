package fr.mare.moderation;

import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import fr.mare.wiki.WikiRevision;
import fr.mare.wiki.WikiModerationService;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/**
 * A tutorial: hidden, restored, or its text edited (a new revision in the moderator's name, the
 * reason as its summary). Its « author » for warnings is its first contributor.
 */
@ApplicationScoped
class TutorialTarget implements ModerationTarget {

    @Inject
    private WikiService wiki;

    @Inject
    private WikiModerationService wikiModeration;

    @Override
    public String type() {
        return "tutorial";
    }

    @Override
    public Optional<TargetView> find(long id) {
        return wiki.page(id).map(page -> {
            String html = wiki.current(page).map(WikiRevision::getBodyHtml).orElse("");
            Long author = wiki.contributors(page).stream().findFirst().map(WikiService.Contributor::accountId).orElse(null);
            String markdown = wiki.current(page).map(WikiRevision::getBodyMarkdown).orElse(null);
            return new TargetView(type(), id, page.getTitle(), html, markdown, author, "/tutoriels/" + page.getSlug(),
                    page.isHidden(), page.getHiddenReason(), false, false,
                    Set.of(page.isHidden() ? ActionKind.RESTORE : ActionKind.HIDE, ActionKind.EDIT));
        });
    }

    @Override
    public Change apply(Caller me, long id, ActionKind action, String reason, String parameter) {
        switch (action) {
            case HIDE -> wikiModeration.hide(me, id, reason);
            case RESTORE -> wikiModeration.restore(me, id);
            case EDIT -> {
                String before = wiki.page(id).flatMap(wiki::current).map(WikiRevision::getBodyMarkdown).orElse("");
                wikiModeration.moderateText(me, id, parameter == null ? "" : parameter, reason);
                return new Change(before, parameter, "");
            }
            default -> throw new BusinessException("moderation.action.unsupported", null);
        }
        return Change.NONE;
    }
}
