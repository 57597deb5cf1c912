package fr.mare.account;

import java.util.Set;

/** What an account may do. Roles are cumulative: a moderator is also a member. */
public enum Role {
    MEMBER, MODERATOR, ADMIN;

    /**
     * The one definition of who moderates (#16): moderators and administrators. {@link Caller},
     * {@link CurrentAccount} and the security groups below all read it from here.
     */
    public boolean moderates() {
        return this != MEMBER;
    }

    /** The Jakarta Security groups of an account holding this role. */
    public Set<String> groups() {
        return switch (this) {
            case MEMBER -> Set.of("MEMBER");
            case MODERATOR -> Set.of("MEMBER", "MODERATOR");
            case ADMIN -> Set.of("MEMBER", "MODERATOR", "ADMIN");
        };
    }
}
