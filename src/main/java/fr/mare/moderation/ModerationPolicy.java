package fr.mare.moderation;

import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;

/** Who may do what in moderation: members report, moderators and administrators review and act. */
@ApplicationScoped
public class ModerationPolicy {

    public boolean canReport(Caller caller) {
        return !caller.isAnonymous();
    }

    /** {@link Caller#moderator()}: the one definition of who moderates ({@code account.Role#moderates}). */
    public boolean canModerate(Caller caller) {
        return caller.moderator();
    }

    void requireMember(Caller caller) {
        if (caller.isAnonymous()) {
            throw new BusinessException("moderation.loginRequired", null);
        }
    }
}
