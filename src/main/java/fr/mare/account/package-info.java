/**
 * Accounts: registration, the rules for usernames (canonical form, look-alike skeletons) and
 * passwords (length, common-password list, PBKDF2 hashing), the identity store behind Jakarta
 * Security, login throttling, public profiles and the configured administrator.
 * <p>
 * Other features identify people through {@link fr.mare.account.AccountService} and
 * {@link fr.mare.account.CurrentAccount}, never through {@code Account}'s setters.
 */
package fr.mare.account;
