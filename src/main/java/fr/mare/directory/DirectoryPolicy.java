package fr.mare.directory;

import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * Who may do what in the directory. Any logged-in member may present a collective; only its
 * active admins edit it and manage its members; a collective always keeps one active admin.
 * {@link DirectoryService} checks these rules (the check that counts); pages ask only to hide buttons.
 */
@ApplicationScoped
public class DirectoryPolicy {

    public boolean canEdit(Caller caller, Optional<CollectiveMember> membership) {
        return !caller.isAnonymous() && membership.map(CollectiveMember::isAdmin).orElse(false);
    }

    /** Whether {@code member} may go (leave or be removed) when the collective has {@code activeAdmins}. */
    public static boolean mayGo(CollectiveMember member, long activeAdmins) {
        return !member.isAdmin() || activeAdmins > 1;
    }

    void requireMember(Caller caller) {
        if (caller.isAnonymous()) {
            throw new BusinessException("directory.loginRequired", null);
        }
    }

    /** The expertise vocabulary is the administrators' ({@code /admin/domaines}). */
    public boolean canManageVocabulary(Caller caller) {
        return !caller.isAnonymous() && caller.admin();
    }

    void requireAdmin(Caller caller) {
        if (!canManageVocabulary(caller)) {
            throw new BusinessException("directory.area.adminOnly", null);
        }
    }

    void requireCanEdit(Caller caller, Optional<CollectiveMember> membership) {
        requireMember(caller);
        if (!canEdit(caller, membership)) {
            throw new BusinessException("directory.edit.forbidden", null);
        }
    }
}
