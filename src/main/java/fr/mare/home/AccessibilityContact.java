package fr.mare.home;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the accessibility statement sends a person who cannot reach a content (#14, RGAA
 * « Retour d'information et contact »): the address of {@code mare.accessibility.contact}
 * ({@code MARE_ACCESSIBILITY_CONTACT}) — an e-mail address (with or without {@code mailto:}),
 * an {@code http(s)} address, or a path on this site — else a new topic in « Vie du forum », the
 * category the moderation reads. A value of another form is not published (it could be a
 * {@code javascript:} link): the fallback is shown and the reason logged at start.
 *
 * @param href  the link's target ({@code mailto:…}, {@code https://…}, or a path from the site's root)
 * @param label what the link says: the address itself, or null when the page says it in words
 * @param local whether {@code href} is a path of this site (the view adds the context path)
 */
record AccessibilityContact(String href, String label, boolean local) {

    /** A new topic in the forum's own category, seeded by V0002 on every site. */
    static final AccessibilityContact FORUM = new AccessibilityContact("/nouveau-sujet?categorie=vie-du-forum", null, true);

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"'()]+@[^@\\s<>\"'()]+\\.[^@\\s<>\"'()]+");
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/?#-]*");

    /** The contact of the configured value, or empty when the value is of no form above. */
    static Optional<AccessibilityContact> parse(String configured) {
        String value = configured == null ? "" : configured.strip();
        if (value.isEmpty()) {
            return Optional.of(FORUM);
        }
        String mail = value.regionMatches(true, 0, "mailto:", 0, 7) ? value.substring(7) : value;
        if (EMAIL.matcher(mail).matches()) {
            return Optional.of(new AccessibilityContact("mailto:" + mail, mail, false));
        }
        if (value.startsWith("/") && !value.startsWith("//") && SAFE_PATH.matcher(value).matches()) {
            return Optional.of(new AccessibilityContact(value, null, true));
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return Optional.of(new AccessibilityContact(uri.toASCIIString(), value, false));
            }
        } catch (java.net.URISyntaxException e) {
            // not an address: refused below
        }
        return Optional.empty();
    }

    /** Whether the page should name the forum category (the fallback) rather than an address. */
    boolean isForum() {
        return this.equals(FORUM);
    }
}
