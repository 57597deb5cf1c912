package fr.mare.account;

import jakarta.persistence.Column;
import fr.mare.platform.ModerationState;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A member of Mare.
 * <p>
 * Invariants: {@code username} is the canonical form of the name chosen at registration and
 * never changes (profiles and mentions link to it); {@code usernameSkeleton} and
 * {@code usernameRawSkeleton} are the UTS #39 skeletons of that name, kept to refuse look-alikes;
 * the password is only ever stored as a PBKDF2 hash. Accounts are never deleted: a member who
 * deletes theirs leaves an erased skeleton ({@link #erase}, docs/adr/0022) whose id keeps the
 * authorship of what they wrote and whose skeletons keep their former name reserved.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = "Account.findByUsername", query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = "Account.findByIds", query = "SELECT a FROM Account a WHERE a.id IN :ids")
@NamedQuery(name = "Account.findByEmail", query = "SELECT a FROM Account a WHERE a.email = :email")
@NamedQuery(name = "Account.findWaitingFor", query = "SELECT a FROM Account a WHERE a.email IS NULL AND a.pendingEmail = :email"
        + " ORDER BY a.createdAt DESC, a.id DESC")
@NamedQuery(name = "Account.countLookAlikes", query = "SELECT COUNT(a) FROM Account a WHERE a.username = :canonical"
        + " OR a.usernameSkeleton IN :skeletons OR a.usernameRawSkeleton IN :skeletons")
@NamedQuery(name = "Account.countNameLookAlikes", query = "SELECT COUNT(a) FROM Account a WHERE a.id <> :self"
        + " AND (a.usernameKey = :key OR a.displayNameKey = :key)")
@NamedQuery(name = "Account.withoutNameKeys", query = "SELECT a FROM Account a WHERE a.usernameKey IS NULL OR a.displayNameKey IS NULL")
@NamedQuery(name = "Account.count", query = "SELECT COUNT(a) FROM Account a")
@NamedQuery(name = "Account.newest", query = "SELECT a FROM Account a WHERE a.erasedAt IS NULL ORDER BY a.createdAt DESC, a.id DESC")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    /** Changed once only, by {@link #erase}: the former name must not stay readable. */
    @Column(name = "username", nullable = false, length = 30)
    private String username;

    @Column(name = "username_skeleton", nullable = false, updatable = false)
    private String usernameSkeleton;

    @Column(name = "username_raw_skeleton", nullable = false, updatable = false)
    private String usernameRawSkeleton;

    @Column(name = "display_name", nullable = false, length = 60)
    private String displayName;

    /** The proven address (null until a link sent to it is followed: docs/adr/0021). */
    @Column(name = "email", length = 254)
    private String email;

    /** An address typed at registration or on /compte, waiting for its link; not unique. */
    @Column(name = "pending_email", length = 254)
    private String pendingEmail;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** Look-alike keys ({@link DisplayNames#key}) of the username and of the display name. */
    @Column(name = "username_key")
    private String usernameKey;

    @Column(name = "display_name_key")
    private String displayNameKey;

    /** Sessions that logged in before this instant are closed at their next request. */
    @Column(name = "sessions_revoked_at")
    private Instant sessionsRevokedAt;

    @Column(name = "posts_to_approve", nullable = false)
    private int postsToApprove;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "suspended_until")
    private Instant suspendedUntil;

    @Column(name = "suspension_reason", length = 500)
    private String suspensionReason;

    /** When the current address was proven by a link (null: not yet; issue #13). */
    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    /** When the member deleted their account (null: not deleted). */
    @Column(name = "erased_at")
    private Instant erasedAt;

    /** Null when not hidden (EclipseLink loads all-null columns as null): read it through {@link #getModeration()}. */
    @Embedded
    private ModerationState moderation;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Account() {
        // for JPA
    }

    Account(Username name, String email, String passwordHash, Role role, Instant now) {
        this.username = name.canonical();
        this.usernameSkeleton = name.skeleton();
        this.usernameRawSkeleton = name.rawSkeleton();
        this.displayName = name.display();
        this.usernameKey = DisplayNames.key(name.display());
        this.displayNameKey = usernameKey;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** The proven address, or null while the account has none (a new account before its link). */
    public String getEmail() {
        return email;
    }

    /** The address waiting for its link, or null. */
    public String getPendingEmail() {
        return pendingEmail;
    }

    /** The address the member sees on /compte: the pending one if any, else the proven one. */
    public String getShownEmail() {
        return pendingEmail != null ? pendingEmail : email;
    }

    void awaitEmail(String pending, Instant now) {
        this.pendingEmail = pending;
        this.updatedAt = now;
    }

    public Role getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void changeDisplayName(String displayName, Instant now) {
        this.displayName = displayName;
        this.displayNameKey = DisplayNames.key(displayName);
        this.updatedAt = now;
    }

    /** {@code proven} reached this member (a link sent to it was followed): it becomes the account's address. */
    void emailProven(String proven, Instant now) {
        this.email = proven;
        if (proven.equals(pendingEmail)) {
            this.pendingEmail = null;
        }
        this.emailVerifiedAt = now;
        this.updatedAt = now;
    }

    /** Whether the account has a proven address: until then, no notification mail goes to it. */
    public boolean isEmailVerified() {
        return email != null && emailVerifiedAt != null;
    }

    void changePasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    void changeRole(Role role, Instant now) {
        this.role = role;
        this.updatedAt = now;
    }

    void awaitApprovalOf(int posts) {
        postsToApprove = Math.max(0, posts);
    }

    /** Whether this account's next post waits for approval (its first posts, members only). */
    public boolean needsApproval() {
        return role == Role.MEMBER && postsToApprove > 0;
    }

    void postApproved() {
        postsToApprove = Math.max(0, postsToApprove - 1);
    }

    void suspend(Instant now, Instant until, String reason) {
        suspendedAt = now;
        suspendedUntil = until;
        suspensionReason = reason;
        updatedAt = now;
    }

    void liftSuspension(Instant now) {
        suspendedAt = null;
        suspendedUntil = null;
        suspensionReason = null;
        updatedAt = now;
    }

    /** The suspension in force at {@code now}, if any: it ends by itself when its date passes. */
    public java.util.Optional<Suspension> suspension(Instant now) {
        if (suspendedAt == null || (suspendedUntil != null && !suspendedUntil.isAfter(now))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Suspension(suspendedUntil, suspensionReason));
    }

    void hide(Long moderatorId, String reason, Instant now) {
        moderation = ModerationState.hidden(moderatorId, reason, now);
    }

    void restore() {
        moderation = null;
    }

    /** Who hid it, when and why; {@link ModerationState#VISIBLE} when not hidden. */
    public ModerationState getModeration() {
        return ModerationState.of(moderation);
    }

    /** Hidden by moderation: the public profile shows the reason instead of its details. */
    public boolean isHidden() {
        return getModeration().isHidden();
    }

    public String getHiddenReason() {
        return getModeration().getHiddenReason();
    }

    /** The name shown for a deleted account (a display name no member may take: {@link DisplayNames}). */
    public static final String FORMER_MEMBER = "ancien membre";

    /**
     * Overwrites everything personal (docs/adr/0022): username (a placeholder from the id), display
     * name « ancien membre », address (an unreachable placeholder, {@code .invalid} by RFC 2606),
     * password (no hash can match it), role, dates of login, suspension and moderation state; every
     * session ends. Kept: the id (authorship) and the name's skeletons and look-alike key, so that
     * nobody can register a name that passes for the former one. Irreversible.
     */
    void erase(Instant now) {
        String placeholder = "ancien-membre-" + id;
        this.username = placeholder;
        this.displayName = FORMER_MEMBER;
        this.displayNameKey = DisplayNames.key(FORMER_MEMBER);
        this.email = placeholder + "@compte-supprime.invalid";
        this.pendingEmail = null;
        this.passwordHash = "!effacé";
        this.role = Role.MEMBER;
        this.lastLoginAt = null;
        this.emailVerifiedAt = null;
        this.postsToApprove = 0;
        this.suspendedAt = null;
        this.suspendedUntil = null;
        this.suspensionReason = null;
        this.moderation = null;
        this.sessionsRevokedAt = now;
        this.erasedAt = now;
        this.updatedAt = now;
    }

    /** Whether the member deleted this account: it shows as « ancien membre » and can do nothing. */
    public boolean isErased() {
        return erasedAt != null;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    void recordLogin(Instant now) {
        this.lastLoginAt = now;
    }

    /** For accounts created before the keys existed (V0012). */
    void computeNameKeys() {
        this.usernameKey = DisplayNames.key(username);
        this.displayNameKey = DisplayNames.key(displayName);
    }

    void revokeSessions(Instant now) {
        this.sessionsRevokedAt = now;
    }

    /** Whether a session that logged in at {@code loggedInAt} was closed since (unknown: {@code null}, closed if any revocation). */
    public boolean revokes(Instant loggedInAt) {
        return sessionsRevokedAt != null && (loggedInAt == null || loggedInAt.isBefore(sessionsRevokedAt));
    }
}
