package fr.mare.account;

import com.ibm.icu.lang.UCharacter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * What Mare accepts as a new password, following NIST SP 800-63B (§5.1.1.2) rather than
 * composition rules: length bounds and a block-list, nothing else.
 *
 * <p>Invariants:
 * <ul>
 *   <li>The password is judged exactly as typed. It is never trimmed or normalized here,
 *       because the hasher receives the same characters; a space the member typed is part
 *       of the secret and counts towards the length.</li>
 *   <li>Lengths are in code points, so an accented letter or an emoji counts as one,
 *       the way the member counts.</li>
 *   <li>The upper bound exists only to cap the cost of hashing an attacker-sized input; it
 *       is far above anything a person or a password manager produces.</li>
 *   <li>No composition rules (digits, symbols, upper case): they push people to
 *       {@code Password1!} and are what the block-list is for.</li>
 * </ul>
 */
public final class PasswordPolicy {

    /** Minimum length, in code points. */
    public static final int MIN_LENGTH = 8;
    /** Maximum length, in code points. */
    public static final int MAX_LENGTH = 256;

    private static final String COMMON_PASSWORDS_RESOURCE = "common-passwords.txt";

    private PasswordPolicy() {
    }

    /**
     * Refuses a password Mare will not store.
     *
     * @param password the new password, exactly as typed
     * @param username the account's name (typed or display form), or {@code null} when not
     *                 known yet; a password equal to it is the first thing anyone tries
     * @throws InvalidPasswordException with the key of the first rule broken
     */
    public static void check(String password, String username) {
        if (password == null || password.isEmpty()) {
            throw new InvalidPasswordException(InvalidPasswordException.REQUIRED);
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidPasswordException(InvalidPasswordException.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            throw new InvalidPasswordException(InvalidPasswordException.TOO_LONG);
        }
        String folded = fold(password);
        if (username != null && !username.isBlank()
                && (folded.equals(fold(username)) || folded.equals(fold(username.strip())))) {
            throw new InvalidPasswordException(InvalidPasswordException.SAME_AS_USERNAME);
        }
        if (CommonPasswords.SET.contains(folded)) {
            throw new InvalidPasswordException(InvalidPasswordException.COMMON);
        }
    }

    /** The loaded block-list, case-folded; exposed to the package for tests. */
    static Set<String> commonPasswords() {
        return CommonPasswords.SET;
    }

    /**
     * Full Unicode case folding, independent of the server's locale: a Turkish default
     * locale must not make {@code PASSWORD} and {@code password} differ.
     */
    private static String fold(String s) {
        return UCharacter.foldCase(s, UCharacter.FOLD_CASE_DEFAULT);
    }

    /**
     * Holder idiom: the list is read once, on the first check, and the JVM's class
     * initialization guarantees that happens exactly once even under concurrent requests.
     */
    private static final class CommonPasswords {

        static final Set<String> SET = load();

        /*
         * A missing or unreadable list fails loudly (the class cannot initialize) instead of
         * yielding an empty set, which would silently accept every common password.
         */
        private static Set<String> load() {
            try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + COMMON_PASSWORDS_RESOURCE);
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                Set<String> set = new HashSet<>();
                String line;
                while ((line = reader.readLine()) != null) {
                    // Lines are not trimmed: a listed password with spaces is a password with spaces.
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    set.add(fold(line));
                }
                return Set.copyOf(set);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + COMMON_PASSWORDS_RESOURCE, e);
            }
        }
    }
}
