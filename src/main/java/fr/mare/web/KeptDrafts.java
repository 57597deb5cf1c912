package fr.mare.web;

import fr.mare.platform.Purges;
import fr.mare.platform.Retryable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link SessionDraft} keeps a member's text between two pages (issue #17, ADR 0036): table
 * {@code web_draft}, so that the page that shows it again may be served by any node. A row is
 * named by the SHA-256 of a 256-bit token (the browser holds the token), belongs to one member's
 * name, lives {@link #LIFETIME} and is deleted when taken. Native statements: nothing here is
 * content a visitor sees (ADR 0019).
 */
@ApplicationScoped
@Transactional
@Retryable
public class KeptDrafts {

    /** How long a kept text waits for its page: the session's idle time it replaces. */
    static final Duration LIFETIME = Duration.ofHours(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A kept text: where it goes back, its fields in order, the sentence that says why. */
    public record Kept(String path, LinkedHashMap<String, String> fields, String messageKey) {
    }

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Keeps the fields for {@code owner}'s next visit of {@code path}; returns the token (the only time it exists in clear). */
    public String keep(String owner, String path, Map<String, String> fields, String messageKey) {
        Instant now = clock.instant();
        Purges.byKey(em, "web_draft", "token_hash", "created_at", now.minus(LIFETIME));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        em.createNativeQuery("INSERT INTO web_draft (token_hash, owner, path, fields, message_key, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .setParameter(1, hash(token)).setParameter(2, owner).setParameter(3, path.length() > 500 ? "/" : path)
                .setParameter(4, encode(fields)).setParameter(5, messageKey).setParameter(6, now).executeUpdate();
        return token;
    }

    /**
     * The text kept under this token for {@code owner}, if it is for {@code path}: deleted as it is
     * read (once, whichever node reads it first). Empty when it is for another page (it waits),
     * and {@code null} when there is nothing (any more) under the token, for anyone.
     */
    public Optional<Kept> take(String token, String owner, String path) {
        if (!wellFormed(token)) {
            return null;
        }
        byte[] hash = hash(token);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT owner, path, fields, message_key FROM web_draft WHERE token_hash = ? AND created_at > ?")
                .setParameter(1, hash).setParameter(2, clock.instant().minus(LIFETIME)).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.getFirst();
        if (!row[0].equals(owner) || !row[1].equals(path)) {
            return Optional.empty();
        }
        if (em.createNativeQuery("DELETE FROM web_draft WHERE token_hash = ?").setParameter(1, hash).executeUpdate() != 1) {
            return null;
        }
        return Optional.of(new Kept((String) row[1], decode((String) row[2]), (String) row[3]));
    }

    static String encode(Map<String, String> fields) {
        StringBuilder encoded = new StringBuilder();
        fields.forEach((name, value) -> encoded.append(encoded.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
        return encoded.toString();
    }

    static LinkedHashMap<String, String> decode(String encoded) {
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
