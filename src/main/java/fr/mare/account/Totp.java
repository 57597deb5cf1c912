package fr.mare.account;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): 30-second steps from the Unix
 * epoch, HMAC-SHA-1, 6 digits — what every authenticator app uses by default. Secrets are 160
 * random bits, written in Base32 (RFC 4648, no padding) for manual entry and in the
 * {@code otpauth://} address of the QR code.
 */
public final class Totp {

    /** Seconds per step. */
    public static final long STEP_SECONDS = 30;
    /** Steps accepted either side of now: a clock a little ahead or behind, a code typed late. */
    static final int DRIFT = 1;
    static final int DIGITS = 6;
    private static final int SECRET_BYTES = 20;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return secret;
    }

    public static long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of one step, {@code digits} long, with HMAC-{@code algorithm} ("HmacSHA1", "HmacSHA256"…). */
    static String code(byte[] secret, long step, int digits, String algorithm) {
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) (step >>> (8 * (7 - i)));
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            hash = mac.doFinal(counter);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        long modulus = 1;
        for (int i = 0; i < digits; i++) {
            modulus *= 10;
        }
        StringBuilder text = new StringBuilder(Long.toString(binary % modulus));
        while (text.length() < digits) {
            text.insert(0, '0');
        }
        return text.toString();
    }

    /** The 6-digit code apps show for {@code step}. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, "HmacSHA1");
    }

    /**
     * The step whose code {@code typed} is, within {@link #DRIFT} steps of {@code now} and after
     * {@code lastUsedStep} (a code already accepted, or an older one, is refused: no replay); or
     * -1. Spaces in the typed code are ignored; comparison in constant time.
     */
    public static long matchingStep(byte[] secret, String typed, long now, long lastUsedStep) {
        String digits = normalize(typed);
        if (digits.length() != DIGITS || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long found = -1;
        for (long step = now - DRIFT; step <= now + DRIFT; step++) {
            boolean same = MessageDigest.isEqual(code(secret, step).getBytes(), digits.getBytes());
            if (same && step > lastUsedStep && found < 0) {
                found = step;
            }
        }
        return found;
    }

    /** Whether {@code typed} is the code of a step within the window, used or not (to tell a replay apart). */
    static boolean matchesAnyStep(byte[] secret, String typed, long now) {
        return matchingStep(secret, typed, now, Long.MIN_VALUE) >= 0;
    }

    static String normalize(String typed) {
        return typed == null ? "" : typed.replace(" ", "").replace("\u00a0", "").replace("-", "").strip();
    }

    public static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Base32 back to bytes; spaces and case ignored. */
    public static byte[] fromBase32(String text) {
        String clean = text.replace(" ", "").replace("=", "").toUpperCase(java.util.Locale.ROOT);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("caractère hors Base32");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** Base32 in groups of four, easier to copy by hand. */
    public static String grouped(String base32) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < base32.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(base32, i, Math.min(base32.length(), i + 4));
        }
        return out.toString();
    }
}
