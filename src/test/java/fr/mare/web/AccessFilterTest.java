package fr.mare.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AccessFilterTest {

    @Test
    void protectedPathsNeedTheirRole() {
        assertEquals("MEMBER", AccessFilter.requiredRole("/compte"));
        assertEquals("MEMBER", AccessFilter.requiredRole("/compte/securite"));
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
