package fr.mare.platform;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerLogNoiseTest {

    @Test
    void onlyPayarasTwoHarmlessJtaWarningsAreDropped() {
        assertTrue(ContainerLogNoise.isNoise(new LogRecord(Level.WARNING, "No ComponentInvocation present for @Transactional"
                + " annotation processing. Restriction on use of UserTransaction will not be enforced.")));
        assertTrue(ContainerLogNoise.isNoise(new LogRecord(Level.WARNING,
                "TransactionalInterceptorBase.markThreadAsTransactional currentInvocation==null")));
        assertFalse(ContainerLogNoise.isNoise(new LogRecord(Level.WARNING, "JTS5014: Recoverable JTS instance")));
        assertFalse(ContainerLogNoise.isNoise(new LogRecord(Level.SEVERE, "Transaction timed out")));
        assertFalse(ContainerLogNoise.isNoise(new LogRecord(Level.WARNING, null)));
    }
}
