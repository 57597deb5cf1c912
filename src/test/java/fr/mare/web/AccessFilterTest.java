package fr.mare.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AccessFilterTest {

    @Test
    void protectedPathsNeedTheirRole() {
        assertEquals("MEMBER", AccessFilter.requiredRole("/compte"));
        assertEquals("MEMBER", AccessFilter.requiredRole("/compte/securite"));
        assertEquals("MEMBER", AccessFilter.requiredRole("/mes-donnees"), "« Vos données » (#13)");
        assertEquals("ADMIN", AccessFilter.requiredRole("/admin/comptes"));
        assertEquals("MEMBER", AccessFilter.requiredRole("/nouveau-sujet"));
        assertEquals("MEMBER", AccessFilter.requiredRole("/notifications"));
        assertEquals("MEMBER", AccessFilter.requiredRole("/messages"));
        assertEquals("MEMBER", AccessFilter.requiredRole("/messages/12"));
        assertEquals("MEMBER", AccessFilter.requiredRole("/messages/nouveau"));
        assertEquals("MEMBER", AccessFilter.requiredRole("/tutoriels/nouveau"));
        assertEquals("MEMBER", AccessFilter.requiredRole("/voisins/nouveau"));
        assertEquals("ADMIN", AccessFilter.requiredRole("/admin/categories"));
        assertEquals("MODERATOR", AccessFilter.requiredRole("/moderation"));
        assertEquals("MODERATOR", AccessFilter.requiredRole("/moderation/journal"));
        assertEquals("MEMBER", AccessFilter.requiredRole("/moderation/mes-signalements"), "each member's own reports");
    }

    @Test
    void publicPathsAreFree() {
        assertNull(AccessFilter.requiredRole("/"));
        assertNull(AccessFilter.requiredRole("/comptes-rendus"));
        assertNull(AccessFilter.requiredRole("/connexion"));
        assertNull(AccessFilter.requiredRole("/t/1/un-sujet"));
        assertNull(AccessFilter.requiredRole("/tutoriels"));
        assertNull(AccessFilter.requiredRole("/voisins"));
        assertNull(AccessFilter.requiredRole("/voisins/un-collectif"));
        assertNull(AccessFilter.requiredRole("/tutoriels/partager-un-dossier"));
        assertNull(AccessFilter.requiredRole("/tutoriels/partager-un-dossier/historique"));
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
        assertEquals("ADMIN", AccessFilter.requiredRole(AccessFilter.normalizedPath("//admin/domaines")));
        assertEquals("ADMIN", AccessFilter.requiredRole(AccessFilter.normalizedPath("/%61dmin/domaines")));
        assertEquals("MODERATOR", AccessFilter.requiredRole(AccessFilter.normalizedPath("/%6doderation")));
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
