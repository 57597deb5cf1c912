package fr.mare.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecurityLogTest {

    @Test
    void aTypedNameCannotForgeASecondLine() {
        String line = SecurityLog.line("connexion-refusée", "nom", "camille\r\n[INFO] connexion réussie nom=\"sophie\"", "adresse", "127.0.0.1");
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertEquals("sécurité connexion-refusée nom=\"camille\\u000d\\u000a[INFO] connexion réussie nom=\\u0022sophie\\u0022\" adresse=\"127.0.0.1\"", line);
        assertFalse(SecurityLog.safe("a\u2028b\u0085c").matches("(?s).*[\u2028\u0085].*"));
    }

    @Test
    void longValuesAreCutAndPairsAreRequired() {
        assertTrue(SecurityLog.safe("x".repeat(500)).length() <= 121);
        assertThrows(IllegalArgumentException.class, () -> SecurityLog.line("e", "clé-seule"));
    }
}
