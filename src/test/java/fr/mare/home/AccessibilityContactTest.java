package fr.mare.home;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessibilityContactTest {

    @Test
    void withoutSettingTheStatementPointsToTheForumsOwnCategory() {
        assertEquals(Optional.of(AccessibilityContact.FORUM), AccessibilityContact.parse(null));
        assertEquals(Optional.of(AccessibilityContact.FORUM), AccessibilityContact.parse("  "));
        assertTrue(AccessibilityContact.FORUM.isForum());
        assertTrue(AccessibilityContact.FORUM.local());
    }

    @Test
    void anEmailAddressBecomesAMailtoLinkShowingTheAddress() {
        AccessibilityContact plain = AccessibilityContact.parse(" accessibilite@jardins.example ").orElseThrow();
        assertEquals("mailto:accessibilite@jardins.example", plain.href());
        assertEquals("accessibilite@jardins.example", plain.label());
        assertEquals(plain, AccessibilityContact.parse("MAILTO:accessibilite@jardins.example").orElseThrow());
    }

    @Test
    void aWebAddressOrAPathOfTheSiteIsLinkedAsIs() {
        AccessibilityContact web = AccessibilityContact.parse("https://asso.example/contact").orElseThrow();
        assertEquals("https://asso.example/contact", web.href());
        assertEquals(false, web.local());
        AccessibilityContact path = AccessibilityContact.parse("/t/12/nous-ecrire").orElseThrow();
        assertEquals("/t/12/nous-ecrire", path.href());
        assertTrue(path.local());
    }

    @Test
    void anythingElseIsNotPublished() {
        for (String value : new String[]{"javascript:alert(1)", "//autre.example/x", "data:text/html,x", "ftp://x.example/",
                "écrivez-nous", "a@b", "/x\"onmouseover=alert(1)", "https://"}) {
            assertEquals(Optional.empty(), AccessibilityContact.parse(value), value);
        }
    }
}
