package fr.mare.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) in the test JVM for the whole IT run (issue #13): {@link TestDatabase}
 * starts it and points the Payara under test at it ({@code mare.smtp.host}/{@code port}, plain SMTP),
 * so every mail Mare sends during the ITs arrives here, and tests read what arrived.
 */
public final class TestMail {

    private static GreenMail server;
    private static int port;

    private TestMail() {
    }

    static synchronized void start() {
        if (server != null) {
            return;
        }
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static boolean available() {
        return server != null;
    }

    static int port() {
        return port;
    }

    /** The SMTP port, for a Mare the test starts itself (LauncherIT's second start sends the demo's waiting mails here). */
    public static int smtpPort() {
        return port;
    }

    /** A mail received, flattened for assertions. */
    public record Received(MimeMessage message, String subject, String text, String html) {

        public String header(String name) {
            try {
                String[] values = message.getHeader(name);
                return values == null ? null : values[0];
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The first link of the plain-text part that leads to {@code path} (of any host). */
        public URI link(String path) {
            Matcher m = Pattern.compile("https?://\\S+").matcher(text);
            while (m.find()) {
                URI uri = URI.create(m.group());
                if (uri.getPath().equals(path)) {
                    return uri;
                }
            }
            throw new AssertionError("no link to " + path + " in: " + text);
        }

        /** The link's path and query, to follow it on the Payara under test (whose port the link cannot know). */
        public String localLink(String path) {
            URI uri = link(path);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }

    /** Every mail received so far for {@code address}. */
    public static List<Received> to(String address) {
        List<Received> found = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                Address[] recipients = message.getRecipients(Message.RecipientType.TO);
                if (recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
                    found.add(flatten(message));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Waits (up to 30 s: the worker polls every second in the ITs) for a mail to {@code address} matching {@code which}. */
    public static Received await(String address, Predicate<Received> which) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end) {
            for (Received r : to(address)) {
                if (which.test(r)) {
                    return r;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no such mail to " + address + " within 30 s; received: "
                + to(address).stream().map(Received::subject).toList());
    }

    /**
     * Proves {@code address} for the member browsing with {@code member}, as they would: waits for
     * the newest « Confirmez votre … adresse » mail to it, opens its link and presses the button.
     * Notification mails only go to proven addresses (docs/adr/0021).
     */
    public static void confirmAddress(WebClient member, String address) {
        Received mail = awaitSubject(address, "Confirmez votre");
        WebClient.Page confirmed = member.get(mail.localLink("/confirmer-adresse")).form("confirm").submit();
        if (confirmed.status() != 302) {
            throw new AssertionError("address " + address + " not confirmed: " + confirmed.mainText());
        }
    }

    public static Received awaitSubject(String address, String subjectPart) {
        return await(address, r -> r.subject().contains(subjectPart));
    }

    private static Received flatten(MimeMessage message) throws MessagingException, IOException {
        String text = null;
        String html = null;
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
        } else {
            text = String.valueOf(content);
        }
        return new Received(message, message.getSubject(), text, html);
    }
}
