package fr.mare.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MailWorkerTest {

    @Test
    void backOffDoublesFromOneMinuteUpToSixHours() {
        assertEquals(Duration.ofMinutes(1), MailWorker.backOff(1));
        assertEquals(Duration.ofMinutes(2), MailWorker.backOff(2));
        assertEquals(Duration.ofMinutes(4), MailWorker.backOff(3));
        assertEquals(Duration.ofMinutes(256), MailWorker.backOff(9));
        assertEquals(Duration.ofHours(6), MailWorker.backOff(10));
        assertEquals(Duration.ofHours(6), MailWorker.backOff(1000));
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < MailWorker.MAX_ATTEMPTS; attempt++) {
            total = total.plus(MailWorker.backOff(attempt));
        }
        assertEquals(Duration.ofMinutes(511), total, "about eight and a half hours of retries before giving up");
    }
}
