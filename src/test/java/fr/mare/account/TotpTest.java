package fr.mare.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6238 (appendix B) test vectors, Base32 (RFC 4648 section 10), the window and replay rule. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} s, {1}")
    @CsvSource({
            "59, HmacSHA1, 94287082", "59, HmacSHA256, 46119246", "59, HmacSHA512, 90693936",
            "1111111109, HmacSHA1, 07081804", "1111111109, HmacSHA256, 68084774", "1111111109, HmacSHA512, 25091201",
            "1111111111, HmacSHA1, 14050471", "1111111111, HmacSHA256, 67062674", "1111111111, HmacSHA512, 99943326",
            "1234567890, HmacSHA1, 89005924", "1234567890, HmacSHA256, 91819424", "1234567890, HmacSHA512, 93441116",
            "2000000000, HmacSHA1, 69279037", "2000000000, HmacSHA256, 90698825", "2000000000, HmacSHA512, 38618901",
            "20000000000, HmacSHA1, 65353130", "20000000000, HmacSHA256, 77737706", "20000000000, HmacSHA512, 47863826"})
    void rfc6238Vectors(long seconds, String algorithm, String expected) {
        String seed = switch (algorithm) {
            case "HmacSHA1" -> "12345678901234567890";
            case "HmacSHA256" -> "12345678901234567890123456789012";
            default -> "1234567890123456789012345678901234567890123456789012345678901234";
        };
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertEquals(expected, Totp.code(seed.getBytes(StandardCharsets.US_ASCII), step, 8, algorithm));
    }

    @Test
    void sixDigitsAreTheLastSixOfTheTruncation() {
        assertEquals("287082", Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(59))));
    }

    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32(String text, String encoded) {
        assertEquals(encoded, Totp.base32(text.getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(text.getBytes(StandardCharsets.US_ASCII), Totp.fromBase32(encoded.toLowerCase()));
    }

    @Test
    void secretsAre160BitsAndRoundTripThroughTheGroupedText() {
        byte[] secret = Totp.newSecret();
        assertEquals(20, secret.length);
        assertArrayEquals(secret, Totp.fromBase32(Totp.grouped(Totp.base32(secret))));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndOnlyAfterTheLastUsedStep() {
        long now = 1_000_000;
        String current = Totp.code(SHA1_SEED, now);
        assertEquals(now, Totp.matchingStep(SHA1_SEED, current, now, 0));
        assertEquals(now, Totp.matchingStep(SHA1_SEED, current.substring(0, 3) + " " + current.substring(3), now, 0));
        assertEquals(now - 1, Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now - 1), now, 0));
        assertEquals(now + 1, Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now + 1), now, 0));
        assertEquals(-1, Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now - 2), now, 0), "too old");
        assertEquals(-1, Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now + 2), now, 0), "too far ahead");
        // Replay: the step already used, or an earlier one, is refused though the code is right.
        assertEquals(-1, Totp.matchingStep(SHA1_SEED, current, now, now));
        assertEquals(-1, Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, now - 1), now, now));
        assertTrue(Totp.matchesAnyStep(SHA1_SEED, current, now));
        assertFalse(Totp.matchesAnyStep(SHA1_SEED, "12345", now));
        assertEquals(-1, Totp.matchingStep(SHA1_SEED, "abcdef", now, 0));
        assertEquals(-1, Totp.matchingStep(SHA1_SEED, null, now, 0));
    }
}
