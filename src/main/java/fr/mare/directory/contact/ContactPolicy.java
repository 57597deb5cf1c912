package fr.mare.directory.contact;

import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may do what with contact conversations. A conversation has two sides: its sender, and the
 * collective's current active admins; nobody else reads it (moderators only through the
 * moderation feature, which works on one reported message). Any logged-in member may contact a
 * collective they do not administer. {@link ContactService} calls the {@code require…} methods.
 */
@ApplicationScoped
public class ContactPolicy {

    /** Whether the caller is a party: the sender, or an active admin of the collective now. */
    public boolean isParty(Caller caller, Conversation conversation, boolean callerAdminsCollective) {
        return !caller.isAnonymous() && (caller.is(conversation.getSenderId()) || callerAdminsCollective);
    }

    /** Whether the caller may start a conversation with a collective (not their own). */
    public boolean canContact(Caller caller, boolean callerAdminsCollective) {
        return !caller.isAnonymous() && !callerAdminsCollective;
    }

    void requireMember(Caller caller) {
        if (caller.isAnonymous()) {
            throw new BusinessException("contact.loginRequired", null);
        }
    }

    void requireCanContact(Caller caller, boolean callerAdminsCollective) {
        requireMember(caller);
        if (!canContact(caller, callerAdminsCollective)) {
            throw new BusinessException("contact.ownCollective", null);
        }
    }

    void requireParty(Caller caller, Conversation conversation, boolean callerAdminsCollective) {
        requireMember(caller);
        if (!isParty(caller, conversation, callerAdminsCollective)) {
            throw new BusinessException("contact.unknown", null);
        }
    }
}
