package fr.mare.account;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Cheap cost so the suite stays fast; the production cost is checked once below. */
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    @Test
    void defaultCostIsAtLeastOwaspsAndIsWrittenInTheHash() {
        assertTrue(PasswordHasher.DEFAULT_ITERATIONS >= 600_000);
        PasswordHasher production = new PasswordHasher();
        assertEquals(PasswordHasher.DEFAULT_ITERATIONS, production.iterations());
        String stored = production.hash(pw("la mare aux canards"));
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA256:600000:"), stored);
        assertTrue(production.verify(pw("la mare aux canards"), stored));
    }

    @Test
    void layoutIsJakartaSecuritys() {
        String[] parts = hasher.hash(pw("correct horse")).split(":");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals("1000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void roundTrip() {
        String stored = hasher.hash(pw("correct horse battery staple"));
        assertTrue(hasher.verify(pw("correct horse battery staple"), stored));
    }

    @Test
    void nonAsciiRoundTrip() {
        String stored = hasher.hash(pw("crème brûlée ü 🦆"));
        assertTrue(hasher.verify(pw("crème brûlée ü 🦆"), stored));
        assertFalse(hasher.verify(pw("creme brulee u 🦆"), stored));
    }

    @Test
    void wrongPasswordFails() {
        String stored = hasher.hash(pw("correct horse battery staple"));
        assertFalse(hasher.verify(pw("correct horse battery stapler"), stored));
        assertFalse(hasher.verify(pw("Correct horse battery staple"), stored));
        assertFalse(hasher.verify(pw(""), stored));
        assertFalse(hasher.verify(null, stored));
    }

    @Test
    void sameHashTwiceDiffersBySalt() {
        String a = hasher.hash(pw("same password"));
        String b = hasher.hash(pw("same password"));
        assertNotEquals(a, b);
        assertNotEquals(a.split(":")[2], b.split(":")[2]);
        assertTrue(hasher.verify(pw("same password"), a));
        assertTrue(hasher.verify(pw("same password"), b));
    }

    @Test
    void verifyUsesTheStoredIterationCount() {
        String storedCheap = new PasswordHasher(500).hash(pw("old member"));
        assertTrue(hasher.verify(pw("old member"), storedCheap));
        // Changing only the count must break the match: the count really is an input.
        String tampered = storedCheap.replaceFirst(":500:", ":501:");
        assertFalse(hasher.verify(pw("old member"), tampered));
    }

    @Test
    void malformedStoredValuesGiveFalse() {
        String good = hasher.hash(pw("secret phrase"));
        String[] p = good.split(":");
        assertAll(
                () -> assertFalse(hasher.verify(pw("secret phrase"), null)),
                () -> assertFalse(hasher.verify(pw("secret phrase"), "")),
                () -> assertFalse(hasher.verify(pw("secret phrase"), "garbage")),
                () -> assertFalse(hasher.verify(pw("secret phrase"), ":::")),
                () -> assertFalse(hasher.verify(pw("secret phrase"), good + ":extra")),
                () -> assertFalse(hasher.verify(pw("secret phrase"), "PBKDF2WithHmacSHA1:" + p[1] + ":" + p[2] + ":" + p[3])),
                () -> assertFalse(hasher.verify(pw("secret phrase"), p[0] + ":abc:" + p[2] + ":" + p[3])),
                () -> assertFalse(hasher.verify(pw("secret phrase"), p[0] + ":0:" + p[2] + ":" + p[3])),
                () -> assertFalse(hasher.verify(pw("secret phrase"), p[0] + ":-5:" + p[2] + ":" + p[3])),
                () -> assertFalse(hasher.verify(pw("secret phrase"), p[0] + ":99999999999:" + p[2] + ":" + p[3])),
                () -> assertFalse(hasher.verify(pw("secret phrase"), p[0] + ":2000000000:" + p[2] + ":" + p[3])),
                () -> assertFalse(hasher.verify(pw("secret phrase"), p[0] + ":" + p[1] + ":!!notbase64!!:" + p[3])),
                () -> assertFalse(hasher.verify(pw("secret phrase"), p[0] + ":" + p[1] + "::" + p[3])),
                () -> assertFalse(hasher.verify(pw("secret phrase"), p[0] + ":" + p[1] + ":" + p[2] + ":")),
                () -> assertFalse(hasher.verify(pw("secret phrase"),
                        p[0] + ":" + p[1] + ":" + p[2] + ":" + Base64.getEncoder().encodeToString(new byte[4096]))),
                () -> assertFalse(hasher.verify(pw("secret phrase"), p[0] + ":" + p[1] + ":" + p[2] + ":" + p[3] + "x")));
    }

    @Test
    void needsRehashWhenStoredCostIsLower() {
        String cheap = new PasswordHasher(500).hash(pw("x"));
        String same = hasher.hash(pw("x"));
        String dearer = new PasswordHasher(2_000).hash(pw("x"));
        assertTrue(hasher.needsRehash(cheap));
        assertFalse(hasher.needsRehash(same));
        assertFalse(hasher.needsRehash(dearer));
        assertTrue(hasher.needsRehash("garbage"));
        assertTrue(hasher.needsRehash(null));
    }

    @Test
    void burnCompletesWithoutResult() {
        assertDoesNotThrow(() -> hasher.burn(pw("whatever was typed")));
        assertDoesNotThrow(() -> hasher.burn(pw("")));
        assertDoesNotThrow(() -> hasher.burn(null));
    }

    @Test
    void anUnguessableSecretIsHashedCheaplyAndRehashedAtFullCostAfterItsFirstLogIn() {
        PasswordHasher full = new PasswordHasher();
        String stored = full.hashUnguessable(pw("k7mq-x2vd-9rtp-hw4c"));
        assertEquals(PasswordHasher.UNGUESSABLE_ITERATIONS, Integer.parseInt(stored.split(":")[1]));
        assertTrue(full.verify(pw("k7mq-x2vd-9rtp-hw4c"), stored));
        assertFalse(full.verify(pw("k7mq-x2vd-9rtp-hw4d"), stored));
        assertTrue(full.needsRehash(stored), "the first log-in replaces it by a full-cost hash");
        // Never dearer than the hasher's own cost: a cheaper hasher (the tests') keeps its own.
        assertEquals("500", new PasswordHasher(500).hashUnguessable(pw("x")).split(":")[1]);
    }

    @Test
    void theConfiguredCostHasAFloor() {
        PasswordHasherProducer producer = new PasswordHasherProducer();
        producer.iterations = 999;
        assertThrows(IllegalStateException.class, producer::check);
        producer.iterations = 1_000;
        assertDoesNotThrow(producer::check);
        assertEquals(1_000, producer.hasher().iterations());
    }

    @Test
    void rejectsNonsenseCost() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(-1));
    }
}
