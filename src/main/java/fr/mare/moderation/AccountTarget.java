package fr.mare.moderation;

import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/**
 * A member's account. Hiding it hides its public profile page ({@code /u/{nom}} shows the
 * reason); its posts stay, each judged on its own. Suspending is an action on the author,
 * available on every type.
 */
@ApplicationScoped
class AccountTarget implements ModerationTarget {

    @Inject
    private AccountService accounts;

    @Override
    public String type() {
        return "account";
    }

    @Override
    public Optional<TargetView> find(long id) {
        return accounts.find(id).map(a -> new TargetView(type(), id, a.getDisplayName() + " (@" + a.getUsername() + ")",
                null, null, a.getId(), "/u/" + java.net.URLEncoder.encode(a.getUsername(), java.nio.charset.StandardCharsets.UTF_8),
                a.isHidden(), a.getHiddenReason(), false, false, Set.of(a.isHidden() ? ActionKind.RESTORE : ActionKind.HIDE)));
    }

    @Override
    public Change apply(Caller me, long id, ActionKind action, String reason, String parameter) {
        switch (action) {
            case HIDE -> accounts.hideProfile(me, id, reason);
            case RESTORE -> accounts.restoreProfile(me, id);
            default -> throw new BusinessException("moderation.action.unsupported", null);
        }
        return Change.NONE;
    }
}
