package fr.mare.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets carried through a redirect to any node (issue #17, ADR 0036). */
class SealedValuesTest {

    private static final byte[] KEY = new byte[32];
    private static final Instant NOW = Instant.parse("2026-12-03T11:00:00Z");

    @Test
    void whatIsSealedOpensForItsPurposeOnlyAndUnreadable() {
        String sealed = SealedValues.seal(KEY, "codes:anais", "abcd-efgh ijkl-mnop", NOW);
        assertTrue(sealed.matches("[A-Za-z0-9_-]+"), sealed);
        assertFalse(sealed.contains("abcd"));
        assertEquals("abcd-efgh ijkl-mnop", SealedValues.open(KEY, "codes:anais", sealed, Duration.ofMinutes(2), NOW.plusSeconds(10)).orElseThrow());
        assertTrue(SealedValues.open(KEY, "codes:karim", sealed, Duration.ofMinutes(2), NOW).isEmpty(), "another purpose");
        byte[] other = new byte[32];
        other[0] = 1;
        assertTrue(SealedValues.open(other, "codes:anais", sealed, Duration.ofMinutes(2), NOW).isEmpty(), "another key");
        assertTrue(SealedValues.open(KEY, "codes:anais", sealed, Duration.ofMinutes(2), NOW.plusSeconds(121)).isEmpty(), "too old");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertTrue(SealedValues.open(KEY, "codes:anais", tampered, Duration.ofMinutes(2), NOW).isEmpty(), "tampered");
        assertTrue(SealedValues.open(KEY, "codes:anais", "n'importe quoi", Duration.ofMinutes(2), NOW).isEmpty());
    }
}
