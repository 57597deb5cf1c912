package fr.mare.home;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The accessibility statement, {@code /accessibilite} (#14, RGAA 4.1): its text is in the bundle
 * ({@code home.accessibility.*}), this bean only gives what the site's settings decide — the
 * site's address ({@code mare.public-url}) and where to write ({@link AccessibilityContact}).
 * Nothing here opens a session: a visitor's statement is a kept page like the others (ADR 0019).
 */
@Named
@ApplicationScoped
public class HomeAccessibilityBacking {

    private static final Logger LOG = Logger.getLogger(HomeAccessibilityBacking.class.getName());

    @Inject
    @ConfigProperty(name = "mare.accessibility.contact")
    private Optional<String> configuredContact;

    @Inject
    @ConfigProperty(name = "mare.public-url", defaultValue = "http://localhost:8080")
    private String publicUrl;

    private AccessibilityContact contact;

    @PostConstruct
    void init() {
        String value = configuredContact.orElse("");
        contact = AccessibilityContact.parse(value).orElseGet(() -> {
            LOG.warning("MARE_ACCESSIBILITY_CONTACT n'est ni une adresse électronique, ni une adresse http(s), ni un chemin "
                    + "du site : la déclaration d'accessibilité renvoie vers la catégorie « Vie du forum ».");
            return AccessibilityContact.FORUM;
        });
    }

    public String getSiteUrl() {
        return publicUrl;
    }

    /** The contact link's target, absolute or from the site's root. */
    public String getContactHref() {
        return contact.href();
    }

    public boolean isContactLocal() {
        return contact.local();
    }

    /** The address the link shows, or null for the forum fallback (the page says it in words). */
    public String getContactLabel() {
        return contact.label();
    }

    public boolean isContactForum() {
        return contact.isForum();
    }
}
