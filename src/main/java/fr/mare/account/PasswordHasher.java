package fr.mare.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashing with PBKDF2-HMAC-SHA256, stored as
 * {@code PBKDF2WithHmacSHA256:<iterations>:<base64 salt>:<base64 hash>}.
 *
 * <p>That layout is the one Jakarta Security's {@code Pbkdf2PasswordHash} writes and reads,
 * so stored values stay usable if Mare later delegates to the container's identity store.
 *
 * <p>Invariants:
 * <ul>
 *   <li>The iteration count travels with each stored value and {@link #verify} uses it,
 *       so {@link #DEFAULT_ITERATIONS} can be raised without locking anyone out;
 *       {@link #needsRehash} tells the log-in code when to re-hash with the new count
 *       (it has the plain password only at that moment).</li>
 *   <li>{@link #verify} never throws on a stored value: a corrupt row must behave as a
 *       wrong password, not as a server error whose timing or message reveals the row.</li>
 *   <li>Nothing here logs, and the caller's {@code char[]} is left as is (the caller owns
 *       it and should clear it); copies made here are cleared after use.</li>
 *   <li>Instances are immutable and safe to share between threads.</li>
 * </ul>
 */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int SALT_BYTES = 16;
    static final int KEY_BYTES = 32;

    /*
     * Caps what verify() will attempt, so a corrupt or tampered row cannot make one log-in
     * request spin a CPU for hours. Far above any count Mare would ever configure.
     */
    private static final int MAX_ITERATIONS = 100_000_000;

    /*
     * Same reasoning for the stored hash length, which sets the derived key length: PBKDF2
     * repeats all its iterations once per 32 bytes of output.
     */
    private static final int MAX_PART_BYTES = 64;

    /*
     * Fixed salt for burn(). It need not be secret: burn() exists only to spend time, and
     * its result is thrown away.
     */
    private static final byte[] DUMMY_SALT = "mare-dummy-salt!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DUMMY_HASH = new byte[KEY_BYTES];

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64_ENCODER = Base64.getEncoder();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final int iterations;

    /** A hasher at the production cost, {@link #DEFAULT_ITERATIONS}. */
    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /**
     * A hasher at another cost; meant for tests, where 600,000 iterations per case would
     * make the suite crawl.
     */
    public PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range: " + iterations);
        }
        this.iterations = iterations;
    }

    /**
     * The cost of {@link #hashUnguessable}: stretching a password makes each guess of an attacker
     * who stole the hashes cost more, which protects what people choose; a secret drawn at random
     * with 79 bits (the demo's, {@code DemoPasswords}) cannot be found by guessing at any cost
     * per guess, and a password printed in the README protects nothing anyway.
     */
    static final int UNGUESSABLE_ITERATIONS = 1_000;

    /** The cost new hashes are made with. */
    public int iterations() {
        return iterations;
    }

    /** Hashes a password with a fresh random salt, in the stored layout described above. */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, KEY_BYTES);
        return ALGORITHM + ":" + iterations + ":" + B64_ENCODER.encodeToString(salt)
                + ":" + B64_ENCODER.encodeToString(hash);
    }

    /**
     * {@link #hash} at {@link #UNGUESSABLE_ITERATIONS}, for secrets that no stretching would
     * protect better: a fraction of a millisecond instead of 0.3 to 0.8 s of a core (a first
     * start hashes the demo's passwords, issue #11). The first log-in with it replaces it by a
     * hash at the full cost ({@link #needsRehash}).
     */
    public String hashUnguessable(char[] password) {
        return new PasswordHasher(Math.min(iterations, UNGUESSABLE_ITERATIONS)).hash(password);
    }

    /**
     * Whether the password matches the stored value. Returns {@code false}, never throws,
     * for a {@code null} or malformed stored value or password.
     */
    public boolean verify(char[] password, String stored) {
        if (password == null) {
            return false;
        }
        Stored parsed = Stored.parse(stored);
        if (parsed == null) {
            return false;
        }
        try {
            byte[] actual = derive(password, parsed.salt(), parsed.iterations(), parsed.hash().length);
            // Constant-time comparison: no early exit that would time how much matched.
            return MessageDigest.isEqual(actual, parsed.hash());
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * Whether a stored value should be replaced by a fresh {@link #hash} after a successful
     * log-in: it was made with fewer iterations than this hasher uses, or is not in the
     * current layout at all.
     */
    public boolean needsRehash(String stored) {
        Stored parsed = Stored.parse(stored);
        return parsed == null || parsed.iterations() < iterations || parsed.hash().length != KEY_BYTES;
    }

    /**
     * Spends the time of one verification and forgets the result. Call it when the log-in
     * name matches no account, so that "unknown user" and "wrong password" take the same
     * time and response timing cannot be used to discover which names exist.
     */
    public void burn(char[] password) {
        byte[] actual = derive(password == null ? new char[0] : password, DUMMY_SALT, iterations, KEY_BYTES);
        // Mirrors verify()'s comparison so both paths do the same work; the result is moot.
        MessageDigest.isEqual(actual, DUMMY_HASH);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, keyBytes * 8);
        try {
            // A new factory per call: SecretKeyFactory instances are not thread-safe.
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Only reachable on a JVM without PBKDF2WithHmacSHA256, which every Java SE has.
            // The exception text is the provider's; no password material is in it.
            throw new IllegalStateException("PBKDF2 derivation failed", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A stored value split into its parts, or {@code null} from {@link #parse} when unusable. */
    private record Stored(int iterations, byte[] salt, byte[] hash) {

        static Stored parse(String stored) {
            if (stored == null) {
                return null;
            }
            String[] parts = stored.split(":", -1);
            if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = B64_DECODER.decode(parts[2]);
                byte[] hash = B64_DECODER.decode(parts[3]);
                if (iterations < 1 || iterations > MAX_ITERATIONS
                        || salt.length == 0 || salt.length > MAX_PART_BYTES
                        || hash.length == 0 || hash.length > MAX_PART_BYTES) {
                    return null;
                }
                return new Stored(iterations, salt, hash);
            } catch (IllegalArgumentException e) { // NumberFormatException included
                return null;
            }
        }
    }
}
