package fr.mare.account;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final String USER = "camille";

    @Test
    void sevenCharactersRefusedEightAccepted() {
        assertEquals(InvalidPasswordException.TOO_SHORT, keyOf("kq7vzt2"));
        assertDoesNotThrow(() -> PasswordPolicy.check("kq7vzt2w", USER));
    }

    @Test
    void twoHundredFiftySixAcceptedTwoHundredFiftySevenRefused() {
        assertDoesNotThrow(() -> PasswordPolicy.check("x7".repeat(128), USER));
        assertEquals(InvalidPasswordException.TOO_LONG, keyOf("x7".repeat(128) + "q"));
    }

    @Test
    void lengthIsInCodePoints() {
        // Eight emoji: sixteen UTF-16 units, eight characters as the member counts them.
        assertDoesNotThrow(() -> PasswordPolicy.check("\uD83E\uDD86".repeat(8), USER));
        assertEquals(InvalidPasswordException.TOO_SHORT, keyOf("\uD83E\uDD86".repeat(7)));
        assertEquals(InvalidPasswordException.TOO_LONG, keyOf("\u00E9".repeat(257)));
    }

    @Test
    void spacesAroundAreKeptAndCounted() {
        // Six visible characters plus two spaces make eight: accepted only if never trimmed.
        assertDoesNotThrow(() -> PasswordPolicy.check(" kq7vzt ", USER));
        assertDoesNotThrow(() -> PasswordPolicy.check("  kq7vzt", USER));
        assertDoesNotThrow(() -> PasswordPolicy.check("kq7vzt  ", USER));
        // Five plus two is seven: still too short, the spaces are counted, not padded.
        assertEquals(InvalidPasswordException.TOO_SHORT, keyOf(" kq7vz "));
        assertEquals(InvalidPasswordException.TOO_SHORT, keyOf("       "));
    }

    @Test
    void commonPasswordsRefusedCaseInsensitively() {
        assertAll(
                () -> assertEquals(InvalidPasswordException.COMMON, keyOf("azerty123")),
                () -> assertEquals(InvalidPasswordException.COMMON, keyOf("motdepasse")),
                () -> assertEquals(InvalidPasswordException.COMMON, keyOf("Password1")),
                () -> assertEquals(InvalidPasswordException.COMMON, keyOf("PASSWORD1")),
                () -> assertEquals(InvalidPasswordException.COMMON, keyOf("AzertyUiop")),
                () -> assertEquals(InvalidPasswordException.COMMON, keyOf("Marseille13")),
                () -> assertEquals(InvalidPasswordException.COMMON, keyOf("nextcloud")),
                () -> assertEquals(InvalidPasswordException.COMMON, keyOf("association")));
    }

    @Test
    void equalToUsernameRefusedCaseInsensitively() {
        assertEquals(InvalidPasswordException.SAME_AS_USERNAME,
                assertThrows(InvalidPasswordException.class,
                        () -> PasswordPolicy.check("Zorglub-42", "zorglub-42")).messageKey());
        assertEquals(InvalidPasswordException.SAME_AS_USERNAME,
                assertThrows(InvalidPasswordException.class,
                        () -> PasswordPolicy.check("ZORGLUB-42", "Zorglub-42")).messageKey());
        // Without a known username the same password is fine.
        assertDoesNotThrow(() -> PasswordPolicy.check("Zorglub-42", null));
    }

    @Test
    void requiredWhenEmpty() {
        assertEquals(InvalidPasswordException.REQUIRED, keyOf(null));
        assertEquals(InvalidPasswordException.REQUIRED, keyOf(""));
    }

    @Test
    void longPassphraseAccepted() {
        assertDoesNotThrow(() -> PasswordPolicy.check(
                "la mare aux canards gèle en décembre, pas les grenouilles", USER));
    }

    @Test
    void messageNeverContainsThePassword() {
        InvalidPasswordException e = assertThrows(InvalidPasswordException.class,
                () -> PasswordPolicy.check("motdepasse", USER));
        assertFalse(e.getMessage().contains("motdepasse"));
    }

    @Test
    void listHasAtLeastAThousandEntriesAllFolded() {
        assertTrue(PasswordPolicy.commonPasswords().size() >= 1_000,
                "only " + PasswordPolicy.commonPasswords().size() + " entries");
        assertTrue(PasswordPolicy.commonPasswords().contains("azerty"));
        assertTrue(PasswordPolicy.commonPasswords().contains("123456"));
        assertFalse(PasswordPolicy.commonPasswords().stream().anyMatch(p -> p.startsWith("#")));
        assertFalse(PasswordPolicy.commonPasswords().stream().anyMatch(p -> !p.equals(p.toLowerCase())));
    }

    private static String keyOf(String password) {
        return assertThrows(InvalidPasswordException.class, () -> PasswordPolicy.check(password, USER))
                .messageKey();
    }
}
