package fr.mare.account;

/** What other features may know of a member: enough to show and link them, nothing private. */
public record AccountSummary(long id, String username, String displayName, Role role) {

    static AccountSummary of(Account account) {
        return new AccountSummary(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole());
    }
}
