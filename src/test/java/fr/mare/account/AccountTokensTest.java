package fr.mare.account;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountTokensTest {

    @Test
    void tokensAreStoredAsTheirSha256() {
        // SHA-256("abc"), FIPS 180-2 test vector: the database's SHA2(…, 256) gives the same.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(AccountTokens.hash("abc")));
    }

    @Test
    void addressesAreMaskedInMails() {
        assertEquals("c…@example.org", AccountMails.masked("camille@example.org"));
        assertEquals("…", AccountMails.masked("@x"));
    }

    @Test
    void linkLifetimes() {
        assertEquals(java.time.Duration.ofHours(1), AccountTokens.Purpose.PASSWORD_RESET.lifetime);
        assertEquals(java.time.Duration.ofHours(48), AccountTokens.Purpose.VERIFY_EMAIL.lifetime);
    }
}
