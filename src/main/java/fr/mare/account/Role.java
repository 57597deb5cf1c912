package fr.mare.account;

import java.util.Set;

/** What an account may do. Roles are cumulative: a moderator is also a member. */
public enum Role {
    MEMBER, MODERATOR, ADMIN;

    /** The Jakarta Security groups of an account holding this role. */
    public Set<String> groups() {
        return switch (this) {
            case MEMBER -> Set.of("MEMBER");
            case MODERATOR -> Set.of("MEMBER", "MODERATOR");
            case ADMIN -> Set.of("MEMBER", "MODERATOR", "ADMIN");
        };
    }
}
