package fr.mare.directory;

import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectoryPolicyTest {

    private final DirectoryPolicy policy = new DirectoryPolicy();
    private final Caller member = new Caller(7L, "alix", false, false);
    private final Caller siteAdmin = new Caller(8L, "admin", true, true);

    private static CollectiveMember membership(String role, String status) {
        return new CollectiveMember(1L, 7L, role, status, true, Instant.EPOCH);
    }

    @Test
    void onlyActiveAdminsOfTheCollectiveEditIt() {
        assertTrue(policy.canEdit(member, Optional.of(membership(CollectiveMember.ADMIN, CollectiveMember.ACTIVE))));
        assertFalse(policy.canEdit(member, Optional.of(membership(CollectiveMember.MEMBER, CollectiveMember.ACTIVE))));
        assertFalse(policy.canEdit(member, Optional.of(membership(CollectiveMember.ADMIN, CollectiveMember.INVITED))));
        assertFalse(policy.canEdit(siteAdmin, Optional.empty()), "the site's admins are not the collective's");
        assertFalse(policy.canEdit(Caller.ANONYMOUS, Optional.empty()));
        assertThrows(BusinessException.class, () -> policy.requireCanEdit(member, Optional.empty()));
        assertThrows(BusinessException.class, () -> policy.requireMember(Caller.ANONYMOUS));
        assertDoesNotThrow(() -> policy.requireCanEdit(member, Optional.of(membership(CollectiveMember.ADMIN, CollectiveMember.ACTIVE))));
    }

    @Test
    void theLastAdminStays() {
        assertFalse(DirectoryPolicy.mayGo(membership(CollectiveMember.ADMIN, CollectiveMember.ACTIVE), 1));
        assertTrue(DirectoryPolicy.mayGo(membership(CollectiveMember.ADMIN, CollectiveMember.ACTIVE), 2));
        assertTrue(DirectoryPolicy.mayGo(membership(CollectiveMember.MEMBER, CollectiveMember.ACTIVE), 1));
        assertTrue(DirectoryPolicy.mayGo(membership(CollectiveMember.MEMBER, CollectiveMember.INVITED), 1));
    }
}
