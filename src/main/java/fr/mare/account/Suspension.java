package fr.mare.account;

import java.time.Instant;

/**
 * A suspension in force: the member can read as a visitor but can neither log in nor write.
 *
 * @param until  when it ends by itself, or null for « une durée indéterminée »
 * @param reason the moderator's reason, told to the member
 */
public record Suspension(Instant until, String reason) {

    public boolean indefinite() {
        return until == null;
    }
}
