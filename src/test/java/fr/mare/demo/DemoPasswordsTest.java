package fr.mare.demo;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo administrator's password (security issue #10) is unguessable and readable. */
class DemoPasswordsTest {

    @Test
    void sixteenUnambiguousCharactersInGroupsOfFour() {
        String password = DemoPasswords.random();
        assertTrue(password.matches("[" + DemoPasswords.ALPHABET + "]{4}(-[" + DemoPasswords.ALPHABET + "]{4}){3}"), password);
        assertNotEquals(DemoContent.LOCAL_MEMBER_PASSWORD, password);
    }

    @Test
    void neverTheSameTwice() {
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            drawn.add(DemoPasswords.random());
        }
        assertEquals(1000, drawn.size());
    }
}
