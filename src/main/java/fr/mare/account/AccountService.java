package fr.mare.account;

import fr.mare.platform.Retryable;
import fr.mare.platform.BusinessException;
import fr.mare.platform.BusinessExceptions;
import fr.mare.platform.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything that creates or changes an account. Each method is one transaction and enforces
 * the rules itself (the pages only help): usernames and passwords through {@link Usernames}
 * and {@link PasswordPolicy}, uniqueness here and again through the database's constraints.
 * Broken rules come back as {@link BusinessException}s carrying a bundle key and a field.
 */
@ApplicationScoped
@Transactional
@Retryable
public class AccountService {

    public static final int DISPLAY_NAME_MAX = 60;
    public static final int EMAIL_MAX = 254;
    /** The usernames of erased accounts ({@link Account#erase}): nobody may register one. */
    static final String ERASED_PREFIX = "ancien-membre";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private RegistrationsPerAddress registrationsPerAddress;

    @Inject
    private AccountTokens tokens;

    @Inject
    private AccountMails mails;

    @Inject
    @ConfigProperty(name = "mare.limits.resets-per-email", defaultValue = "3")
    int resetsPerEmail;

    @Inject
    @ConfigProperty(name = "mare.limits.resets-per-address", defaultValue = "10")
    int resetsPerAddress;

    @Inject
    @ConfigProperty(name = "mare.limits.verification-mails", defaultValue = "3")
    int verificationMailsPerHour;

    @Inject
    @ConfigProperty(name = "mare.moderation.first-posts", defaultValue = "2")
    int firstPosts;

    @Inject
    @ConfigProperty(name = "mare.limits.registration-mails", defaultValue = "3")
    int registrationMails;

    @Inject
    @ConfigProperty(name = "mare.limits.data-requests", defaultValue = "5")
    int dataRequestsPerHour;

    /**
     * Creates a member account from a network address, within the registrations allowed per
     * address ({@link RegistrationsPerAddress}); every attempt counts, refused ones included. Its
     * first {@code mare.moderation.first-posts} posts will wait for approval. The caller logs the
     * new member in afterwards.
     * <p>
     * No enumeration (issues #10 and #13, docs/adr/0021): the typed address is not the account's
     * yet, only pending, whether another account has it or not, so the account, the page and the
     * work done (one password hash, one account, one mail) are the same in both cases. A free
     * address receives the link that proves it; the owner of a taken one receives a mail saying
     * someone tried to register with it. At most {@code mare.limits.registration-mails} such mails
     * a day go to one address; past that the registration still succeeds, silently without mail.
     */
    public Account register(String typedUsername, String typedEmail, String password, String address) {
        registrationsPerAddress.countAttempt(address);
        // Every field checked before refusing (#14): one submit tells all that is wrong.
        BusinessExceptions.Collector checks = new BusinessExceptions.Collector();
        Username name = checks.check(() -> checkNewName(typedUsername, Role.MEMBER));
        String email = checks.check(() -> normalizeEmail(typedEmail));
        checks.check(() -> checkPassword(password, name == null ? typedUsername : name.canonical()));
        checks.throwIfAny();
        Instant now = clock.instant();
        Account account = new Account(name, null, hasher.hash(password.toCharArray()), Role.MEMBER, now);
        account.awaitEmail(email, now);
        account.awaitApprovalOf(firstPosts);
        em.persist(account);
        flushOrExplainConflict();
        if (registrationsPerAddress.tryCount("registration-mail", email, registrationMails, Duration.ofDays(1))) {
            Optional<Account> owner = findByEmail(email);
            if (owner.isPresent()) {
                mails.addressTaken(owner.get());
            } else {
                mails.verifyNewAccount(account, email, tokens.issue(account.getId(), AccountTokens.Purpose.VERIFY_EMAIL, email));
            }
        }
        return account;
    }

    // --- Password reset and address verification (issue #13): links sent by mail.

    /**
     * « Mot de passe oublié » : sends a reset link if an account has this address, and nothing
     * otherwise; the caller answers the same either way. Counted per source address and per typed
     * e-mail whether or not it exists (at most {@code mare.limits.resets-per-address} and
     * {@code mare.limits.resets-per-email} an hour), so the limit tells nothing either. A newer link
     * replaces the older ones.
     */
    public void requestPasswordReset(String typedEmail, String address) {
        String email = typedEmail == null ? "" : typedEmail.strip().toLowerCase(Locale.ROOT);
        if (address != null && !address.isBlank()) {
            registrationsPerAddress.checkAndCount("reset-address", RegistrationsPerAddress.network(address), resetsPerAddress,
                    Duration.ofHours(1), "account.reset.throttled");
        }
        if (email.isEmpty() || email.length() > EMAIL_MAX) {
            return;
        }
        registrationsPerAddress.checkAndCount("reset-email", email, resetsPerEmail, Duration.ofHours(1), "account.reset.throttled");
        findByEmail(email).or(() -> findWaitingFor(email)).ifPresent(account -> {
            tokens.revokeAll(account.getId(), AccountTokens.Purpose.PASSWORD_RESET);
            mails.passwordReset(account, email, tokens.issue(account.getId(), AccountTokens.Purpose.PASSWORD_RESET, email));
        });
    }

    /** Whether a reset link still works (the page behind the link asks for the new password only then). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean resetLinkValid(String token) {
        return tokens.peek(AccountTokens.Purpose.PASSWORD_RESET, token).isPresent();
    }

    /**
     * Sets a new password from a reset link: the link is used up (and every other reset link of
     * the account), every session of the account ends, and the account's address counts as proven
     * if the link went to it. A mail says it happened.
     *
     * @return the account's username, to log in with
     */
    public String resetPassword(String token, String newPassword) {
        AccountTokens.Valid valid = tokens.consume(AccountTokens.Purpose.PASSWORD_RESET, token)
                .orElseThrow(() -> new BusinessException("account.reset.linkInvalid", null));
        Account account = lockedAccount(valid.accountId());
        checkPassword(newPassword, Usernames.parse(account.getUsername()).canonical());
        Instant now = clock.instant();
        account.changePasswordHash(hasher.hash(newPassword.toCharArray()), now);
        account.revokeSessions(now);
        tokens.revokeAll(account.getId(), AccountTokens.Purpose.PASSWORD_RESET);
        if (valid.email().equals(account.getEmail()) || valid.email().equals(account.getPendingEmail())) {
            prove(account, valid.email(), now);
        }
        mails.passwordChanged(account);
        return account.getUsername();
    }

    /** What a verification link did. */
    public enum Verified { ADDRESS_CONFIRMED, ADDRESS_REPLACED }

    /** Whether a verification link still works. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean verificationLinkValid(String token) {
        return tokens.peek(AccountTokens.Purpose.VERIFY_EMAIL, token).isPresent();
    }

    /**
     * Uses a verification link: the address it was sent to is proven. For a new account it is the
     * account's address; for a change of address, the new address replaces the old one now, and
     * the old one is told.
     */
    public Verified verifyEmail(String token) {
        AccountTokens.Valid valid = tokens.consume(AccountTokens.Purpose.VERIFY_EMAIL, token)
                .orElseThrow(() -> new BusinessException("account.verify.linkInvalid", null));
        Account account = lockedAccount(valid.accountId());
        return prove(account, valid.email(), clock.instant());
    }

    /**
     * {@code proven} reached the account: it becomes its address, unless another account proved it
     * meanwhile (two registrations may wait for one address; the first link followed wins). The
     * old address, if the account had one, is told.
     */
    private Verified prove(Account account, String proven, Instant now) {
        String oldEmail = account.getEmail();
        if (proven.equals(oldEmail)) {
            account.emailProven(proven, now);
            return Verified.ADDRESS_CONFIRMED;
        }
        if (findByEmail(proven).isPresent()) {
            throw new BusinessException("account.verify.linkInvalid", null);
        }
        account.emailProven(proven, now);
        tokens.revokeAll(account.getId(), AccountTokens.Purpose.VERIFY_EMAIL);
        flushOrExplainConflict();
        if (oldEmail == null) {
            return Verified.ADDRESS_CONFIRMED;
        }
        mails.addressChanged(account, oldEmail);
        return Verified.ADDRESS_REPLACED;
    }

    /** « Renvoyer le lien » : a new verification link for the account's unproven address, a few an hour. */
    public void resendVerification(String username) {
        Account account = requireAccount(username);
        String pending = account.getPendingEmail();
        if (pending == null && account.isEmailVerified()) {
            return;
        }
        registrationsPerAddress.checkAndCount("verify-resend", "account:" + account.getId(), verificationMailsPerHour,
                Duration.ofHours(1), "account.verify.throttled");
        String target = pending != null ? pending : account.getEmail();
        sendProofOrWarning(account, target);
    }

    /** The link that proves {@code target} for the account, or, if another account has it, a warning to that owner. */
    private void sendProofOrWarning(Account account, String target) {
        Optional<Account> owner = findByEmail(target).filter(o -> !o.getId().equals(account.getId()));
        if (owner.isPresent()) {
            mails.addressTaken(owner.get());
            return;
        }
        tokens.revokeAll(account.getId(), AccountTokens.Purpose.VERIFY_EMAIL);
        String token = tokens.issue(account.getId(), AccountTokens.Purpose.VERIFY_EMAIL, target);
        if (account.getEmail() == null) {
            mails.verifyNewAccount(account, target, token);
        } else {
            mails.verifyNewAddress(account, target, token);
        }
    }

    /** An account whose address is known good (the configured administrator, the demo's members): proven at once. */
    Account create(String typedUsername, String typedEmail, String password, Role role) {
        return create(typedUsername, typedEmail, hashed(password), role);
    }

    /** A password hashed at full cost, for one account. */
    private HashedPassword hashed(String password) {
        return new HashedPassword(password, hasher.hash(password.toCharArray()));
    }

    /**
     * A password for accounts created together ({@link #createWithRole(String, String, HashedPassword, Role, String)}),
     * hashed once, and at a small cost ({@link PasswordHasher#hashUnguessable}): for a password
     * nobody could guess (drawn at random, 79 bits) or that everybody knows (the README's, on a
     * local demo), which no stretching protects. Each account's first log-in rehashes it at full
     * cost. The accounts share the salt too, which tells nothing more: whoever learns the
     * password of one has them all anyway. The demo's ten accounts hashed at full cost took
     * seconds of a first start (issue #11).
     */
    public HashedPassword unguessablePassword(String password) {
        return new HashedPassword(password, hasher.hashUnguessable(password.toCharArray()));
    }

    /** A password in clear (checked against each account's name) and its hash. */
    public record HashedPassword(String clear, String hash) {

        @Override
        public String toString() {
            return "HashedPassword[…]"; // never a password in a log
        }
    }

    private Account create(String typedUsername, String typedEmail, HashedPassword password, Role role) {
        Username name = checkNewName(typedUsername, role);
        String email = normalizeEmail(typedEmail);
        checkPassword(password.clear(), name.canonical());
        if (findByEmail(email).isPresent()) {
            throw new BusinessException("account.email.taken", "email");
        }
        Instant now = clock.instant();
        Account account = new Account(name, email, password.hash(), role, now);
        account.emailProven(email, now);
        em.persist(account);
        flushOrExplainConflict();
        return account;
    }

    /** A new account's username: well-formed, like no other account's name, not staff-looking for a member. */
    private Username checkNewName(String typedUsername, Role role) {
        Username name = parseUsername(typedUsername);
        long lookAlikes = em.createNamedQuery("Account.countLookAlikes", Long.class)
                .setParameter("canonical", name.canonical())
                .setParameter("skeletons", List.of(name.skeleton(), name.rawSkeleton()))
                .getSingleResult();
        if (lookAlikes > 0) {
            throw new BusinessException("account.username.taken", "username");
        }
        requireNameFree(null, DisplayNames.key(name.display()), "username", "account.username.taken");
        if ((role == Role.MEMBER && DisplayNames.looksLikeStaff(name.display())) || name.canonical().startsWith(ERASED_PREFIX)) {
            throw new BusinessException("account.username.reserved", "username");
        }
        return name;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> findByUsername(String typed) {
        String canonical;
        try {
            canonical = Usernames.parse(typed).canonical();
        } catch (InvalidUsernameException e) {
            return Optional.empty();
        }
        return em.createNamedQuery("Account.findByUsername", Account.class)
                .setParameter("username", canonical)
                .getResultStream().findFirst();
    }

    /** Members by id, for features that show authors (posts, tutorials); unknown ids are absent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, AccountSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("Account.findByIds", Account.class)
                .setParameter("ids", Set.copyOf(ids))
                .getResultStream()
                .collect(Collectors.toMap(Account::getId, AccountSummary::of));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AccountSummary> summary(String username) {
        // A deleted account is nobody to mention, invite or look up (ADR 0022).
        return findByUsername(username).filter(a -> !a.isErased()).map(AccountSummary::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return em.createNamedQuery("Account.count", Long.class).getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Account> newest(int limit) {
        return em.createNamedQuery("Account.newest", Account.class).setMaxResults(limit).getResultList();
    }

    /**
     * Checks a login. An unknown or malformed name costs the same hashing time as a wrong
     * password, so the answer's timing does not reveal which accounts exist.
     */
    public Optional<Account> authenticate(String typedUsername, String password) {
        Optional<Account> account = findByUsername(typedUsername);
        char[] secret = password == null ? new char[0] : password.toCharArray();
        if (account.isEmpty()) {
            hasher.burn(secret);
            return Optional.empty();
        }
        Account found = account.get();
        if (!hasher.verify(secret, found.getPasswordHash())) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (hasher.needsRehash(found.getPasswordHash())) {
            found.changePasswordHash(hasher.hash(secret), now);
        }
        found.recordLogin(now);
        return account;
    }

    /**
     * The member's own settings page: display name and e-mail (the e-mail needs the password).
     * A new address does not replace the old one at once: a link goes to it, and it replaces the
     * old one when followed ({@link #verifyEmail}). An address another account has gets the same
     * answer (no enumeration, issue #10), and its owner a mail saying someone tried to use it.
     *
     * @return whether a change of address now waits for its link
     */
    public boolean updateProfile(String username, String typedDisplayName, String typedEmail, String currentPassword, String address) {
        Account account = requireAccount(username);
        BusinessExceptions.Collector checks = new BusinessExceptions.Collector();
        String displayName = checks.check(() -> normalizeDisplayName(typedDisplayName));
        String email = checks.check(() -> normalizeEmail(typedEmail));
        checks.throwIfAny();
        Instant now = clock.instant();
        boolean addressChange = !email.equals(account.getShownEmail());
        if (addressChange) {
            requireCurrentPassword(account, currentPassword, address);
        }
        if (!displayName.equals(account.getDisplayName())) {
            requireDisplayNameAllowed(account, displayName);
        }
        account.changeDisplayName(displayName, now);
        if (addressChange) {
            // Pending whether free or taken (the same /compte afterwards); back to none if it is the proven one.
            account.awaitEmail(email.equals(account.getEmail()) ? null : email, now);
            if (!email.equals(account.getEmail())) {
                sendProofOrWarning(account, email);
            }
        }
        flushOrExplainConflict();
        return addressChange;
    }

    /**
     * Changes the password and ends every session of the account opened until now: whoever
     * knew the old password is logged out at their next request, on every node.
     *
     * @return the instant from which sessions count: the caller's own session is stamped with it
     *         so that it stays open
     */
    public Instant changePassword(String username, String currentPassword, String newPassword, String address) {
        Account account = requireAccount(username);
        BusinessExceptions.Collector checks = new BusinessExceptions.Collector();
        checks.check(() -> checkPassword(newPassword, Usernames.parse(account.getUsername()).canonical()));
        checks.check(() -> {
            if (currentPassword == null || currentPassword.isEmpty()) {
                throw new BusinessException("common.required", "currentPassword");
            }
            requireCurrentPassword(account, currentPassword, address);
            return true;
        });
        checks.throwIfAny();
        Instant now = clock.instant();
        account.changePasswordHash(hasher.hash(newPassword.toCharArray()), now);
        account.revokeSessions(now);
        return now;
    }

    /** « Fermer mes autres sessions »: like a password change, without one. Same return value. */
    public Instant closeOtherSessions(String username) {
        Account account = requireAccount(username);
        Instant now = clock.instant();
        account.revokeSessions(now);
        return now;
    }

    /**
     * Creates the administrator named by configuration unless an account already has that name.
     * An existing account is never overwritten, whatever its role or password.
     *
     * @return true if an account was created
     */
    public boolean createAdministratorIfAbsent(String username, String email, String password) {
        if (findByUsername(username).isPresent()) {
            return false;
        }
        create(username, email, password, Role.ADMIN);
        return true;
    }

    // --- Moderation (#6): each method checks that the caller is a moderator.

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> find(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** Whether this member's next post waits for approval (#6: a new account's first posts). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean needsApproval(long accountId) {
        return find(accountId).map(Account::needsApproval).orElse(false);
    }

    /**
     * Locks the member's account row until the end of the caller's transaction. Writes that lock
     * an account take it before any forum row (account, topic, post: docs/operations.md, #17).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForWrite(long accountId) {
        em.createNativeQuery("SELECT id FROM account WHERE id = ? FOR UPDATE").setParameter(1, accountId).getResultList();
    }

    /** One more of this member's posts was approved (the forum calls it when moderation approves). */
    public void postApproved(long accountId) {
        find(accountId).ifPresent(Account::postApproved);
    }

    /** The suspension in force for this account now, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Suspension> suspension(Account account) {
        return account.suspension(clock.instant());
    }

    /**
     * Suspends an account until {@code until} (null: indefinitely). Staff accounts and oneself
     * cannot be suspended: a dispute between moderators goes to the administrators.
     */
    public Account suspend(Caller me, long accountId, Instant until, String reason) {
        me.requireModerator();
        Account account = lockedAccount(accountId);
        if (account.getRole() != Role.MEMBER || me.is(accountId)) {
            throw new BusinessException("moderation.suspend.staff", null);
        }
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new BusinessException("moderation.suspend.past", "days");
        }
        account.suspend(now, until, reason);
        return account;
    }

    public Account liftSuspension(Caller me, long accountId) {
        me.requireModerator();
        Account account = lockedAccount(accountId);
        account.liftSuspension(clock.instant());
        return account;
    }

    /** Hides a member's public profile (not their posts, each judged on its own). */
    public Account hideProfile(Caller me, long accountId, String reason) {
        me.requireModerator();
        Account account = lockedAccount(accountId);
        account.hide(me.accountId(), reason, clock.instant());
        return account;
    }

    public Account restoreProfile(Caller me, long accountId) {
        me.requireModerator();
        Account account = lockedAccount(accountId);
        account.restore();
        return account;
    }

    // --- Administration (#13, /admin/comptes): each method checks that the caller is an administrator.

    /** One page of the accounts whose username, display name or e-mail contains {@code query}; erased ones last. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Account> search(Caller me, String query, int page, int size) {
        requireAdmin(me);
        return searchQuery(query, "SELECT a", " ORDER BY a.erasedAt, a.createdAt DESC, a.id DESC", Account.class)
                .setFirstResult(Math.max(0, page) * size).setMaxResults(size).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long searchCount(Caller me, String query) {
        requireAdmin(me);
        return searchQuery(query, "SELECT COUNT(a)", "", Long.class).getSingleResult();
    }

    private <T> jakarta.persistence.TypedQuery<T> searchQuery(String query, String select, String order, Class<T> type) {
        String typed = query == null ? "" : query.strip();
        if (typed.isEmpty()) {
            return em.createQuery(select + " FROM Account a" + order, type);
        }
        String like = "%" + typed.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return em.createQuery(select + " FROM Account a WHERE a.username LIKE :q OR a.displayName LIKE :q OR a.email LIKE :q OR a.pendingEmail LIKE :q" + order, type)
                .setParameter("q", like);
    }

    /** An account for the administration page (erased ones included: their history stays readable). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Account> forAdmin(Caller me, long id) {
        requireAdmin(me);
        return find(id);
    }

    /** What happened to an account outside moderation (roles, reset links, erasure), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccountEvent> events(Caller me, long accountId) {
        requireAdmin(me);
        return em.createQuery("SELECT e FROM AccountEvent e WHERE e.accountId = :id ORDER BY e.createdAt DESC, e.id DESC", AccountEvent.class)
                .setParameter("id", accountId).setMaxResults(50).getResultList();
    }

    /**
     * Gives an account a role. Never leaves Mare without an administrator: the administrators'
     * rows are locked first, so two administrators demoting each other at once cannot both
     * succeed; and an administrator cannot change their own role (they would lock themself out
     * of this page; another administrator can). Journalled ({@link AccountEvent}) and written to
     * the security log by the caller.
     *
     * @return the role before the change
     */
    public Role changeRole(Caller me, long accountId, Role role) {
        requireAdmin(me);
        if (role == null) {
            throw new BusinessException("account.admin.role.required", "newRole");
        }
        if (me.is(accountId)) {
            throw new BusinessException("account.admin.role.self", "newRole");
        }
        List<?> admins = lockAdmins();
        Account account = lockedAccount(accountId);
        if (account.isErased()) {
            throw new BusinessException("account.admin.erasedAccount", null);
        }
        Role before = account.getRole();
        if (before == role) {
            return before;
        }
        if (before == Role.ADMIN && admins.size() <= 1) {
            throw new BusinessException("account.admin.role.lastAdmin", "newRole");
        }
        Instant now = clock.instant();
        account.changeRole(role, now);
        // The new groups apply at the next login: every open session of the account ends now.
        account.revokeSessions(now);
        em.persist(new AccountEvent(accountId, me.accountId(), AccountEvent.Kind.ROLE_CHANGED, before + " → " + role, now));
        return before;
    }

    /**
     * Sends the account a password-reset link (the member asked the administrators, or their
     * account is thought stolen): the same link and mail as « mot de passe oublié », newer links
     * replacing older ones; the password itself is unchanged until the link is used.
     */
    public void sendPasswordReset(Caller me, long accountId) {
        requireAdmin(me);
        Account account = lockedAccount(accountId);
        if (account.isErased()) {
            throw new BusinessException("account.admin.erasedAccount", null);
        }
        // The proven address, or, for an account never confirmed, the one it waits for (#13).
        String email = account.getEmail() != null ? account.getEmail() : account.getPendingEmail();
        if (email == null) {
            throw new BusinessException("account.admin.erasedAccount", null);
        }
        tokens.revokeAll(account.getId(), AccountTokens.Purpose.PASSWORD_RESET);
        mails.passwordReset(account, email, tokens.issue(account.getId(), AccountTokens.Purpose.PASSWORD_RESET, email));
        em.persist(new AccountEvent(accountId, me.accountId(), AccountEvent.Kind.RESET_SENT, "", clock.instant()));
    }

    /**
     * Journals that the site's administration made the account an admin of a collective (the
     * directory made the change in the same transaction, docs/adr/0025).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void collectiveHandedOver(Caller me, long accountId, String collectiveName) {
        requireAdmin(me);
        String detail = "admin de « " + collectiveName + " »";
        em.persist(new AccountEvent(accountId, me.accountId(), AccountEvent.Kind.COLLECTIVE_ADMIN,
                detail.length() <= 200 ? detail : detail.substring(0, 199) + "…", clock.instant()));
    }

    /**
     * Locks the administrators' rows (always before any other account row, in id order): two
     * changes that could each remove an administrator wait for each other, and the second sees
     * the first's result.
     */
    private List<?> lockAdmins() {
        return em.createNativeQuery("SELECT id FROM account WHERE role = 'ADMIN' AND erased_at IS NULL ORDER BY id FOR UPDATE")
                .getResultList();
    }

    private static void requireAdmin(Caller me) {
        if (!me.admin()) {
            throw new BusinessException("account.admin.notAllowed", null);
        }
    }

    // --- Your data (#13, /mes-donnees): the member's own account only, confirmed by password.

    /**
     * Confirms a sensitive request of the member (export, erasure) by their password: throttled
     * like a login and like the other current-password checks (same counters), and counted at
     * most {@code mare.limits.data-requests} an hour per account and kind.
     *
     * @return the account, for the caller to act on in the same transaction
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account confirmOwnRequest(String username, String password, String address, String kind) {
        Account account = requireAccount(username);
        requireCurrentPassword(account, password, address);
        registrationsPerAddress.checkAndCount("data-" + kind, "account:" + account.getId(), dataRequestsPerHour,
                Duration.ofHours(1), "account.data.throttled");
        return account;
    }

    /**
     * Takes an erasure's locks before any other row (the administrators' rows, then the account's:
     * the order of {@link #changeRole}) and refuses the last administrator's erasure: Mare is never
     * left without one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account lockForErasure(Account account) {
        List<?> admins = lockAdmins();
        Account locked = lockedAccount(account.getId());
        if (locked.getRole() == Role.ADMIN && admins.size() <= 1) {
            throw new BusinessException("account.data.erase.lastAdmin", null);
        }
        return locked;
    }

    /**
     * The account part of an erasure (the caller erases the rest in the same transaction): every
     * personal field overwritten ({@link Account#erase}), every link token and open session gone,
     * and one {@link AccountEvent} without personal data.
     *
     * @return the placeholder address the account now has (for the mails to forget theirs)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String erase(Account account, String detail) {
        Account locked = lockForErasure(account);
        Instant now = clock.instant();
        em.createNativeQuery("DELETE FROM account_token WHERE account_id = ?").setParameter(1, locked.getId()).executeUpdate();
        em.createNativeQuery("DELETE FROM login_session WHERE account_id = ?").setParameter(1, locked.getId()).executeUpdate();
        em.createNativeQuery("DELETE FROM login_pending WHERE account_id = ?").setParameter(1, locked.getId()).executeUpdate();
        // The texts kept for a page after a session ended (web.KeptDrafts) are the member's words too.
        em.createNativeQuery("DELETE FROM web_draft WHERE owner = ?").setParameter(1, locked.getUsername()).executeUpdate();
        locked.erase(now);
        em.persist(new AccountEvent(locked.getId(), locked.getId(), AccountEvent.Kind.ERASED, detail, now));
        em.flush();
        return locked.getEmail();
    }

    private Account lockedAccount(long id) {
        Account account = em.find(Account.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw new BusinessException("account.unknown", null);
        }
        return account;
    }

    /** Used by the demo content only, on an empty database. */
    public Account createWithRole(String username, String email, String password, Role role, String displayName) {
        return createWithRole(username, email, hashed(password), role, displayName);
    }

    /** {@link #createWithRole(String, String, String, Role, String)} with a password hashed once for several accounts. */
    public Account createWithRole(String username, String email, HashedPassword password, Role role, String displayName) {
        Account account = create(username, email, password, role);
        String name = normalizeDisplayName(displayName);
        requireDisplayNameAllowed(account, name);
        account.changeDisplayName(name, account.getCreatedAt());
        return account;
    }

    /**
     * A display name may not read as the staff's (for a member) nor as another account's display
     * name or username ({@link DisplayNames}).
     */
    private void requireDisplayNameAllowed(Account account, String displayName) {
        requireNameFree(account.getId(), DisplayNames.key(displayName), "displayName", "account.displayName.taken");
        if (account.getRole() == Role.MEMBER && DisplayNames.looksLikeStaff(displayName)) {
            throw new BusinessException("account.displayName.reserved", "displayName");
        }
    }

    private void requireNameFree(Long self, String key, String field, String messageKey) {
        if (key.isEmpty()) {
            return;
        }
        long others = em.createNamedQuery("Account.countNameLookAlikes", Long.class)
                .setParameter("self", self == null ? -1L : self).setParameter("key", key).getSingleResult();
        if (others > 0) {
            throw new BusinessException(messageKey, field);
        }
    }

    /** Fills the look-alike keys of accounts created before they existed; returns how many. */
    public int fillMissingNameKeys() {
        List<Account> missing = em.createNamedQuery("Account.withoutNameKeys", Account.class).setMaxResults(500).getResultList();
        missing.forEach(Account::computeNameKeys);
        return missing.size();
    }

    private Account requireAccount(String username) {
        return findByUsername(username).orElseThrow(() -> new BusinessException("account.unknown", null));
    }

    /**
     * The current password, throttled like a login (same counters: a guess here counts as a
     * failed login for the account's name and the address), so that a stolen session cannot
     * be used to guess the password at full speed.
     */
    void requireCurrentPassword(Account account, String currentPassword, String address) {
        Duration wait = throttle.remainingWait(account.getUsername(), address);
        if (!wait.isZero()) {
            throw new RateLimitedException("account.password.throttled", "currentPassword", LoginThrottle.seconds(wait));
        }
        if (currentPassword == null || !hasher.verify(currentPassword.toCharArray(), account.getPasswordHash())) {
            throttle.recordFailure(account.getUsername(), address);
            throw new BusinessException("account.password.currentWrong", "currentPassword");
        }
    }

    /** The newest account without a proven address that waits for {@code email} (a reset link proves it too). */
    private Optional<Account> findWaitingFor(String email) {
        return em.createNamedQuery("Account.findWaitingFor", Account.class)
                .setParameter("email", email).setMaxResults(1).getResultStream().findFirst();
    }

    private Optional<Account> findByEmail(String email) {
        return em.createNamedQuery("Account.findByEmail", Account.class)
                .setParameter("email", email).getResultStream().findFirst();
    }

    private void flushOrExplainConflict() {
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Two registrations racing for the same name or e-mail: the unique keys decide.
            String message = String.valueOf(e.getMessage());
            if (message.contains("uq_account_email")) {
                // Proven twice at the same instant (two links to one address): the second link fails.
                throw new BusinessException("account.verify.linkInvalid", null);
            }
            if (message.contains("uq_account_username")) {
                throw new BusinessException("account.username.taken", "username");
            }
            throw e;
        }
    }

    private static Username parseUsername(String typed) {
        try {
            return Usernames.parse(typed);
        } catch (InvalidUsernameException e) {
            throw new BusinessException(e.messageKey(), "username");
        }
    }

    /** The password's rules for the account {@code name}; returns the password (for {@link BusinessExceptions.Collector}). */
    private static String checkPassword(String password, String name) {
        try {
            PasswordPolicy.check(password, name);
        } catch (InvalidPasswordException e) {
            throw new BusinessException(e.messageKey(), "password");
        }
        return password;
    }

    static String normalizeEmail(String typed) {
        String email = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            throw new BusinessException("account.email.required", "email");
        }
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            throw new BusinessException("account.email.invalid", "email");
        }
        return email;
    }

    static String normalizeDisplayName(String typed) {
        String name = typed == null ? "" : java.text.Normalizer.normalize(typed.strip(), java.text.Normalizer.Form.NFC);
        if (name.isEmpty()) {
            throw new BusinessException("account.displayName.required", "displayName");
        }
        if (name.codePointCount(0, name.length()) > DISPLAY_NAME_MAX) {
            throw new BusinessException("account.displayName.tooLong", "displayName", DISPLAY_NAME_MAX);
        }
        boolean invisible = name.codePoints().anyMatch(cp -> {
            int type = Character.getType(cp);
            return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
        });
        if (invisible) {
            throw new BusinessException("account.displayName.invisibleCharacters", "displayName");
        }
        return name;
    }
}
