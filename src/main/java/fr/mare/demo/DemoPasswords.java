package fr.mare.demo;

import java.security.SecureRandom;

/**
 * Passwords for demo accounts that must not be guessable: 16 characters drawn from 31 letters
 * and digits that cannot be mistaken for one another (no 0/o, 1/l/i), about 79 bits, in groups
 * of four so they can be read aloud or copied by hand.
 */
final class DemoPasswords {

    static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoPasswords() {
    }

    static String random() {
        StringBuilder password = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
