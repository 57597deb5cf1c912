package fr.mare.notification;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which notifications are mailed, in which category, with which default (issue #13), and the digest's hour. */
class MailCategoryTest {

    @Test
    void eachNotificationFallsInItsCategory() {
        assertEquals(Optional.of(MailCategory.REPLY), MailCategory.of(NotificationKind.TOPIC_REPLY, null));
        assertEquals(Optional.of(MailCategory.REPLY), MailCategory.of(NotificationKind.POST_REPLY, null));
        assertEquals(Optional.of(MailCategory.MENTION), MailCategory.of(NotificationKind.MENTION, null));
        assertEquals(Optional.of(MailCategory.SOLUTION), MailCategory.of(NotificationKind.SOLUTION, null));
        assertEquals(Optional.empty(), MailCategory.of(NotificationKind.WATCHED_REPLY, null), "followed topics stay in the app");
        assertEquals(Optional.empty(), MailCategory.of(NotificationKind.LIKE, null), "« merci » stays in the app");
        assertEquals(Optional.of(MailCategory.CONTACT), MailCategory.of(NotificationKind.NOTICE, "contact.notice.started"));
        assertEquals(Optional.of(MailCategory.CONTACT), MailCategory.of(NotificationKind.NOTICE, "contact.notice.replied"));
        assertEquals(Optional.of(MailCategory.MODERATION), MailCategory.of(NotificationKind.NOTICE, "moderation.notice.HIDE"));
        assertEquals(Optional.of(MailCategory.MODERATION), MailCategory.of(NotificationKind.NOTICE, "moderation.notice.reportClosed"));
        assertEquals(Optional.of(MailCategory.INVITATION), MailCategory.of(NotificationKind.NOTICE, "directory.notice.invited"));
        assertEquals(Optional.of(MailCategory.INVITATION), MailCategory.of(NotificationKind.NOTICE, "directory.notice.handedOver"),
                "a collective handed over by the site's administration is an invitation to run it");
        assertEquals(Optional.empty(), MailCategory.of(NotificationKind.NOTICE, "autre.chose"));
    }

    @Test
    void repliesAndContactMessagesAreImmediateByDefaultTheRestInTheDigest() {
        assertEquals(MailCategory.Mode.IMMEDIATE, MailCategory.REPLY.byDefault());
        assertEquals(MailCategory.Mode.IMMEDIATE, MailCategory.CONTACT.byDefault());
        for (MailCategory c : new MailCategory[] {MailCategory.MENTION, MailCategory.SOLUTION, MailCategory.MODERATION, MailCategory.INVITATION}) {
            assertEquals(MailCategory.Mode.DIGEST, c.byDefault(), c.name());
        }
        assertEquals(Optional.of(MailCategory.INVITATION), MailCategory.parse("invitation"));
        assertEquals(Optional.empty(), MailCategory.parse("INVITATION"));
    }

    @Test
    void theDigestSlotIsTheLatestSevenOClockInParis() {
        // 2026-12-02 is in winter time (UTC+1): 07:00 in Paris is 06:00 UTC.
        assertEquals(Instant.parse("2026-12-01T06:00:00Z"), DigestJob.slot(Instant.parse("2026-12-02T05:59:00Z"), 7));
        assertEquals(Instant.parse("2026-12-02T06:00:00Z"), DigestJob.slot(Instant.parse("2026-12-02T06:00:00Z"), 7));
        assertEquals(Instant.parse("2026-07-01T05:00:00Z"), DigestJob.slot(Instant.parse("2026-07-01T12:00:00Z"), 7), "summer time");
    }
}
