package fr.mare.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * SMTP and mail settings ({@code mare.smtp.*}, {@code mare.mail.*}, each also {@code MARE_SMTP_HOST}…
 * in the environment). Without {@code mare.smtp.host}, Mare sends nothing: mails stay in the outbox.
 */
@ApplicationScoped
public class MailSettings {

    /** How the connection to the SMTP server is protected. */
    public enum Tls {
        /** Plain SMTP (a local relay only). */
        NONE,
        /** STARTTLS required (port 587 usually). */
        STARTTLS,
        /** TLS from the first byte (SMTPS, port 465 usually). */
        TLS;

        static Tls parse(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("MARE_SMTP_TLS doit valoir none, starttls ou tls (et non « " + value + " »).");
            }
        }
    }

    @Inject
    @ConfigProperty(name = "mare.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "mare.smtp.port")
    Optional<Integer> port;

    @Inject
    @ConfigProperty(name = "mare.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "mare.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "mare.smtp.tls", defaultValue = "starttls")
    String tls;

    @Inject
    @ConfigProperty(name = "mare.mail.from", defaultValue = "Mare <mare@localhost>")
    String from;

    @Inject
    @ConfigProperty(name = "mare.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public boolean smtpConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    public String host() {
        return host.orElse("");
    }

    public Tls tls() {
        return Tls.parse(tls);
    }

    public int port() {
        return port.orElse(switch (tls()) {
            case NONE -> 25;
            case STARTTLS -> 587;
            case TLS -> 465;
        });
    }

    public Optional<String> user() {
        return user.filter(u -> !u.isBlank());
    }

    /** The SMTP password: only ever handed to Jakarta Mail, never logged. */
    Optional<String> password() {
        return password;
    }

    public String from() {
        return from;
    }

    /** An absolute address of a page of Mare, from {@code mare.public-url} (never from the request's Host). */
    public String link(String path) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + path;
    }

    /** The host of the public address, for Message-IDs. */
    public String domain() {
        try {
            String h = java.net.URI.create(publicUrl).getHost();
            return h == null ? "localhost" : h;
        } catch (IllegalArgumentException e) {
            return "localhost";
        }
    }

    /** Jakarta Mail session properties (timeouts short: the worker must not hang on a dead server). */
    Properties sessionProperties() {
        Properties p = new Properties();
        Tls mode = tls();
        String protocol = mode == Tls.TLS ? "smtps" : "smtp";
        p.setProperty("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        p.setProperty(prefix + "host", host());
        p.setProperty(prefix + "port", Integer.toString(port()));
        p.setProperty(prefix + "connectiontimeout", "10000");
        p.setProperty(prefix + "timeout", "20000");
        p.setProperty(prefix + "writetimeout", "20000");
        p.setProperty(prefix + "auth", Boolean.toString(user().isPresent()));
        if (mode == Tls.STARTTLS) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (mode != Tls.NONE) {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }
}
