package fr.mare.mail;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmtpSenderTest {

    private static OutboxEntry entry(String unsubscribe) {
        MailBody body = MailBody.create().paragraph("Bonjour Anaïs,").link("Voir la réponse", "https://mare.example/t/1/x");
        return new OutboxEntry(new Mail("reply", 1L, "anais@example.org", "Réponse à « Nextcloud & Talk »", body, unsubscribe, false),
                "<abc@mare.example>", Instant.now());
    }

    @Test
    void aFrenchMultipartMessageWithItsFixedMessageId() throws Exception {
        MimeMessage message = SmtpSender.build(Session.getInstance(new Properties()), "Mare <mare@mare.example>", entry(null));
        assertEquals("<abc@mare.example>", message.getMessageID(), "kept from the outbox: a second delivery is the same mail");
        assertEquals("Réponse à « Nextcloud & Talk »", message.getSubject());
        assertEquals("fr", message.getHeader("Content-Language")[0]);
        assertEquals("auto-generated", message.getHeader("Auto-Submitted")[0]);
        assertNull(message.getHeader("List-Unsubscribe"), "only notification mails carry it");
        Multipart parts = (Multipart) message.getContent();
        assertTrue(message.getContentType().startsWith("multipart/alternative"), message.getContentType());
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("utf-8"));
        assertTrue(((String) parts.getBodyPart(0).getContent()).contains("Bonjour Anaïs,"));
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        String wire = raw.toString(StandardCharsets.US_ASCII);
        assertTrue(wire.contains("Subject: =?UTF-8?"), "encoded subject on the wire");
    }

    @Test
    void notificationMailsCarryOneClickUnsubscribe() throws Exception {
        MimeMessage message = SmtpSender.build(Session.getInstance(new Properties()), "mare@mare.example",
                entry("https://mare.example/desabonnement?jeton=xyz"));
        assertArrayEquals(new String[] {"<https://mare.example/desabonnement?jeton=xyz>"}, message.getHeader("List-Unsubscribe"));
        assertArrayEquals(new String[] {"List-Unsubscribe=One-Click"}, message.getHeader("List-Unsubscribe-Post"));
    }

    @Test
    void sensitiveBodiesAreErasedOnceSent() {
        OutboxEntry secret = new OutboxEntry(Mail.secret("password-reset", 1L, "a@example.org", "s",
                MailBody.create().paragraph("lien")), "<x@y>", Instant.now());
        secret.sent(Instant.now());
        assertEquals(OutboxEntry.Status.SENT, secret.getStatus());
        assertEquals("", secret.getBodyText());
        assertEquals("", secret.getBodyHtml());
        OutboxEntry plain = entry(null);
        plain.sent(Instant.now());
        assertTrue(plain.getBodyText().contains("Anaïs"), "an ordinary mail stays readable");
    }
}
