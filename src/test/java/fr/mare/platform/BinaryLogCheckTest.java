package fr.mare.platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinaryLogCheckTest {

    private static final List<String> MARE = List.of("GRANT USAGE ON *.* TO `mare`@`%` IDENTIFIED BY PASSWORD '*X'",
            "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES, TRIGGER ON `mare`.* TO `mare`@`%`");

    @Test
    void noBinaryLogNothingToSay() {
        assertTrue(BinaryLogCheck.refusal(false, false, MARE).isEmpty());
    }

    @Test
    void aBinaryLogWithoutTrustOrSuperIsRefusedBeforeAnyMigrationWithTheSettingToChange() {
        String refusal = BinaryLogCheck.refusal(true, false, MARE).orElseThrow();
        assertTrue(refusal.contains("log_bin_trust_function_creators = 1"), refusal);
        assertTrue(refusal.contains("Rien n'a été modifié"), refusal);
    }

    @Test
    void trustedFunctionCreatorsOrSuperLetTheTriggersBeCreated() {
        assertTrue(BinaryLogCheck.refusal(true, true, MARE).isEmpty());
        assertTrue(BinaryLogCheck.refusal(true, false, List.of("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION")).isEmpty());
        assertTrue(BinaryLogCheck.refusal(true, false, List.of("GRANT SELECT, SUPER ON *.* TO `ops`@`%`")).isEmpty());
    }

    @Test
    void allPrivilegesOnOneSchemaOnlyIsNotSuper() {
        assertFalse(BinaryLogCheck.refusal(true, false, List.of("GRANT ALL PRIVILEGES ON `mare`.* TO `mare`@`%`")).isEmpty());
    }
}
