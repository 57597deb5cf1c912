package fr.mare.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Unique, valid names for data each test creates for itself. */
public final class Names {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Letters that no UTS #39 skeleton confuses with each other (no r+n/m, l/i, o/0, c/d...). */
    private static final String SAFE = "abefghjkpqstuxyz";
    private static final String RUN = suffix((int) (System.currentTimeMillis() / 1000 % 100_000));

    private Names() {
    }

    /** A fresh username (ASCII letters, so no look-alike of another test's name). */
    public static String username(String prefix) {
        return prefix + "-" + RUN + "-" + suffix(COUNTER.incrementAndGet());
    }

    private static String suffix(int n) {
        StringBuilder letters = new StringBuilder();
        for (int i = n; i > 0; i /= SAFE.length()) {
            letters.append(SAFE.charAt(i % SAFE.length()));
        }
        return letters.toString();
    }

    public static String email(String username) {
        return username + "@example.org";
    }
}
