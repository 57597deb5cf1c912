package fr.mare.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Date;

/** Turns an outbox row into a MIME message and hands it to the SMTP server (Jakarta Mail, Eclipse Angus). */
@ApplicationScoped
public class SmtpSender {

    @Inject
    private MailSettings settings;

    private volatile Session session;

    public void send(OutboxEntry entry) throws MessagingException {
        MimeMessage message = build(session(), settings.from(), entry);
        if (settings.user().isPresent()) {
            Transport.send(message, settings.user().get(), settings.password().orElse(""));
        } else {
            Transport.send(message);
        }
    }

    private Session session() {
        Session known = session;
        if (known == null) {
            known = Session.getInstance(settings.sessionProperties());
            session = known;
        }
        return known;
    }

    /**
     * The message: French, multipart/alternative (plain text first, then HTML), the Message-ID fixed
     * in the outbox (a second delivery after a crash is recognisably the same mail), and on a
     * notification mail the one-click unsubscribe headers of RFC 8058.
     */
    static MimeMessage build(Session session, String from, OutboxEntry entry) throws MessagingException {
        String messageId = entry.getMessageId();
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(address(from));
        message.setRecipient(Message.RecipientType.TO, address(entry.getRecipient()));
        message.setSubject(entry.getSubject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Content-Language", "fr");
        message.setHeader("Auto-Submitted", "auto-generated");
        if (entry.getUnsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + entry.getUnsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(entry.getBodyText(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(entry.getBodyHtml(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static InternetAddress address(String value) throws AddressException {
        InternetAddress address = new InternetAddress(value, true);
        address.validate();
        return address;
    }
}
