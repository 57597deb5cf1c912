package fr.mare.moderation;

import fr.mare.account.Caller;
import fr.mare.directory.DirectoryService;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/** A collective's profile in the directory; its « author » is the member who created it. */
@ApplicationScoped
class CollectiveTarget implements ModerationTarget {

    @Inject
    private DirectoryService directory;

    @Override
    public String type() {
        return "collective";
    }

    @Override
    public Optional<TargetView> find(long id) {
        return directory.collective(id).map(c -> new TargetView(type(), id, c.getName(), c.getPresentationHtml(), null,
                c.getCreatedBy(), "/voisins/" + c.getSlug(), c.isHidden(), c.getHiddenReason(), false, false,
                Set.of(c.isHidden() ? ActionKind.RESTORE : ActionKind.HIDE)));
    }

    @Override
    public Change apply(Caller me, long id, ActionKind action, String reason, String parameter) {
        switch (action) {
            case HIDE -> directory.hide(me, id, reason);
            case RESTORE -> directory.restore(me, id);
            default -> throw new BusinessException("moderation.action.unsupported", null);
        }
        return Change.NONE;
    }
}
