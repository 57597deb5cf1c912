package fr.mare.web;

import fr.mare.account.web.AccountUrls;
import fr.mare.directory.contact.web.ContactUrls;
import fr.mare.directory.web.DirectoryUrls;
import fr.mare.forum.web.ForumUrls;
import fr.mare.moderation.web.ModerationUrls;
import fr.mare.notification.web.NotificationUrls;
import fr.mare.wiki.web.WikiUrls;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessFilterTest {

    /** Every feature's own rules, as the deployed AccessRules gathers them from their producers. */
    static final AccessRules RULES = AccessRules.of(List.of(AccountUrls.RULES, ForumUrls.RULES, NotificationUrls.RULES,
            ContactUrls.RULES, DirectoryUrls.RULES, WikiUrls.RULES, ModerationUrls.RULES));

    @Test
    void twoFeaturesNeverClaimTheSamePathAndTheAdministrationAreaIsTheSites() {
        IllegalStateException clash = assertThrows(IllegalStateException.class,
                () -> AccessRules.of(List.of(ForumUrls.RULES, UrlRules.of("autre").admin("/nouveau-sujet"))));
        assertTrue(clash.getMessage().contains("forum") && clash.getMessage().contains("autre"), clash.getMessage());
        assertThrows(IllegalStateException.class, () -> AccessRules.of(List.of(UrlRules.of("autre").member("/admin/"))));
        assertEquals("ADMIN", AccessRules.of(List.of()).requiredRole("/admin/une-page-pas-encore-ecrite"),
                "a new administration page is never public by mistake");
        assertThrows(IllegalArgumentException.class, () -> UrlRules.of("x").member("/a", "/a"));
        assertThrows(IllegalArgumentException.class, () -> UrlRules.of("x").member("sans-barre"));
    }

    @Test
    void protectedPathsNeedTheirRole() {
        assertEquals("MEMBER", RULES.requiredRole("/compte"));
        assertEquals("MEMBER", RULES.requiredRole("/compte/securite"));
        assertEquals("MEMBER", RULES.requiredRole("/mes-donnees"), "« Vos données » (#13)");
        assertEquals("ADMIN", RULES.requiredRole("/admin/comptes"));
        assertEquals("MEMBER", RULES.requiredRole("/nouveau-sujet"));
        assertEquals("MEMBER", RULES.requiredRole("/notifications"));
        assertEquals("MEMBER", RULES.requiredRole("/messages"));
        assertEquals("MEMBER", RULES.requiredRole("/messages/12"));
        assertEquals("MEMBER", RULES.requiredRole("/messages/nouveau"));
        assertEquals("MEMBER", RULES.requiredRole("/tutoriels/nouveau"));
        assertEquals("MEMBER", RULES.requiredRole("/voisins/nouveau"));
        assertEquals("ADMIN", RULES.requiredRole("/admin/categories"));
        assertEquals("MODERATOR", RULES.requiredRole("/moderation"));
        assertEquals("MODERATOR", RULES.requiredRole("/moderation/journal"));
        assertEquals("MEMBER", RULES.requiredRole("/moderation/mes-signalements"), "each member's own reports");
    }

    @Test
    void publicPathsAreFree() {
        assertNull(RULES.requiredRole("/"));
        assertNull(RULES.requiredRole("/comptes-rendus"));
        assertNull(RULES.requiredRole("/connexion"));
        assertNull(RULES.requiredRole("/t/1/un-sujet"));
        assertNull(RULES.requiredRole("/tutoriels"));
        assertNull(RULES.requiredRole("/voisins"));
        assertNull(RULES.requiredRole("/voisins/un-collectif"));
        assertNull(RULES.requiredRole("/tutoriels/partager-un-dossier"));
        assertNull(RULES.requiredRole("/tutoriels/partager-un-dossier/historique"));
        assertNull(RULES.requiredRole("/accessibilite"), "the accessibility statement is for everyone, signed in or not (#14)");
    }

    /** Security issue #10: the raw URL let {@code //admin/…} and {@code /%61dmin/…} through. */
    @Test
    void rulesSeeThePathTheContainerServes() {
        assertEquals("/admin/domaines", AccessFilter.normalizedPath("//admin/domaines"));
        assertEquals("/admin/domaines", AccessFilter.normalizedPath("/%61dmin/domaines"));
        assertEquals("/admin/domaines", AccessFilter.normalizedPath("/./admin//domaines"));
        assertEquals("/admin/domaines", AccessFilter.normalizedPath("/t/../admin/domaines"));
        assertEquals("/admin/domaines", AccessFilter.normalizedPath("/admin;jsessionid=x/domaines"));
        assertEquals("/moderation", AccessFilter.normalizedPath("/moderation;x=1"));
        assertEquals("/moderation/", AccessFilter.normalizedPath("/moderation//"));
        assertEquals("/", AccessFilter.normalizedPath("/"));
        assertEquals("/t/1/l'été", AccessFilter.normalizedPath("/t/1/l%27%C3%A9t%C3%A9"));
        assertEquals("ADMIN", RULES.requiredRole(AccessFilter.normalizedPath("//admin/domaines")));
        assertEquals("ADMIN", RULES.requiredRole(AccessFilter.normalizedPath("/%61dmin/domaines")));
        assertEquals("MODERATOR", RULES.requiredRole(AccessFilter.normalizedPath("/%6doderation")));
    }

    @Test
    void undecodablePathsAreRefused() {
        assertNull(AccessFilter.normalizedPath("/../admin"), "above the root");
        assertNull(AccessFilter.normalizedPath("/%ff%fe"), "invalid UTF-8");
        assertNull(AccessFilter.normalizedPath("/%zz"), "not an escape");
        assertNull(AccessFilter.normalizedPath("/a%"), "cut escape");
        assertNull(AccessFilter.normalizedPath("/admin%2fdomaines"), "an encoded slash hides a segment");
    }

    @Test
    void safeReturnAddressesStayOnTheSite() {
        assertEquals("/compte", Navigation.safeLocalPath("/compte"));
        assertEquals("/", Navigation.safeLocalPath("https://ailleurs.example/"));
        assertEquals("/", Navigation.safeLocalPath("//ailleurs.example/"));
        assertEquals("/", Navigation.safeLocalPath("/\\ailleurs.example"));
        assertEquals("/", Navigation.safeLocalPath("/deconnexion"));
        assertEquals("/", Navigation.safeLocalPath(null));
    }
}
