package fr.mare.account;

import fr.mare.platform.BusinessException;

/**
 * Who is calling a service, as the server knows it (from the authenticated principal, never from
 * a form field). Pages inject it (it is produced per injection from the request) and pass it to
 * each service method, which checks it.
 */
public record Caller(Long accountId, String username, boolean moderator, boolean admin) {

    public static final Caller ANONYMOUS = new Caller(null, null, false, false);

    /** The caller a member would be (demo content acts as its members). */
    public static Caller of(AccountSummary member) {
        return new Caller(member.id(), member.username(), member.role().moderates(), member.role() == Role.ADMIN);
    }

    public boolean isAnonymous() {
        return accountId == null;
    }

    public boolean is(long account) {
        return accountId != null && accountId == account;
    }

    /**
     * The one check every feature's moderation write makes (#16): refuses anyone but moderation
     * with {@code moderation.notAllowed}.
     */
    public void requireModerator() {
        requireModerator("moderation.notAllowed");
    }

    /** The same check, refused with the feature's own message key. */
    public void requireModerator(String refusalKey) {
        if (!moderator) {
            throw new BusinessException(refusalKey, null);
        }
    }
}
