package fr.mare.web;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * A secret that must reach the page after a redirect on whichever node serves it (issue #17, ADR
 * 0036): sealed with AES-256-GCM under a key derived from the view states' key every node shares
 * ({@code mare.faces.state-key}), bound to a purpose (the authenticated data: a sealed value of one
 * purpose opens nothing for another) and to the instant it was sealed. The browser holds only the
 * sealed bytes; without the key they are unreadable and unforgeable.
 */
public final class SealedValues {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV = 12;

    private SealedValues() {
    }

    /** {@code text} sealed for {@code purpose}, as a cookie-safe string. */
    public static String seal(String purpose, String text) {
        return seal(Holder.KEY, purpose, text, Instant.now());
    }

    /** What {@link #seal} sealed for {@code purpose} within {@code lifetime}; empty for anything else. */
    public static Optional<String> open(String purpose, String sealed, Duration lifetime) {
        return open(Holder.KEY, purpose, sealed, lifetime, Instant.now());
    }

    static String seal(byte[] key, String purpose, String text, Instant now) {
        byte[] iv = new byte[IV];
        RANDOM.nextBytes(iv);
        byte[] plain = (now.getEpochSecond() + "\n" + text).getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(IV + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<String> open(byte[] key, String purpose, String sealed, Duration lifetime, Instant now) {
        if (sealed == null || sealed.length() > 4096) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed);
            if (bytes.length <= IV + 16) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, bytes, 0, IV));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            String plain = new String(cipher.doFinal(bytes, IV, bytes.length - IV), StandardCharsets.UTF_8);
            int newline = plain.indexOf('\n');
            long issued = Long.parseLong(plain.substring(0, newline));
            if (issued > now.getEpochSecond() + 60 || issued + lifetime.toSeconds() < now.getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(plain.substring(newline + 1));
        } catch (GeneralSecurityException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The key of this node, read once (unit tests pass theirs). */
    private static final class Holder {
        static final byte[] KEY = OnceMessages.nodeKey("mare.sealed-values");
    }
}
