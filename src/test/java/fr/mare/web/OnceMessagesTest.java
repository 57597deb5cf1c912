package fr.mare.web;

import jakarta.faces.application.FacesMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cookie that carries the messages of a redirect to any node (issue #17, ADR 0036). */
class OnceMessagesTest {

    private static final byte[] KEY = OnceMessages.derive("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void messagesComeBackWithTheirSeverityComponentAndText() {
        List<OnceMessages.Carried> sent = List.of(
                new OnceMessages.Carried(null, FacesMessage.SEVERITY_INFO, "Votre réponse est publiée ; « merci » !"),
                new OnceMessages.Carried("topic:body", FacesMessage.SEVERITY_ERROR, "Ligne\tavec\nde tout, et = ; ,"));
        String cookie = OnceMessages.encode(sent, "/t/5/bienvenue", KEY, NOW);
        assertTrue(cookie.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), "a valid cookie value: " + cookie);
        assertEquals(new OnceMessages.Delivery("/t/5/bienvenue", sent), OnceMessages.decode(cookie, KEY, NOW.plusSeconds(5)).orElseThrow());
    }

    @Test
    void aForgedTamperedOrStaleCookieShowsNothing() {
        String cookie = OnceMessages.encode(List.of(new OnceMessages.Carried(null, FacesMessage.SEVERITY_INFO, "Bonjour")), "/", KEY, NOW);
        byte[] otherKey = OnceMessages.derive("ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=");
        assertTrue(OnceMessages.decode(cookie, otherKey, NOW).isEmpty(), "another site's key");
        String forged = OnceMessages.encode(List.of(new OnceMessages.Carried(null, FacesMessage.SEVERITY_ERROR, "Appelez ce numéro")), "/", otherKey, NOW);
        String spliced = forged.substring(0, forged.indexOf('.')) + cookie.substring(cookie.indexOf('.'));
        assertTrue(OnceMessages.decode(spliced, KEY, NOW).isEmpty(), "another text under this signature");
        assertTrue(OnceMessages.decode(cookie, KEY, NOW.plusSeconds(121)).isEmpty(), "two minutes at most");
        assertTrue(OnceMessages.decode("n'importe quoi", KEY, NOW).isEmpty());
        assertTrue(OnceMessages.decode("YQ.!!", KEY, NOW).isEmpty());
    }

    @Test
    void theCookieStaysSmallWhateverIsAsked() {
        List<OnceMessages.Carried> many = Collections.nCopies(40,
                new OnceMessages.Carried(null, FacesMessage.SEVERITY_INFO, "« Un sujet au titre très long » ".repeat(40)));
        String cookie = OnceMessages.encode(many, "/", KEY, NOW);
        assertTrue(cookie.length() < 4000, "under a browser's 4 kB: " + cookie.length());
        List<OnceMessages.Carried> back = OnceMessages.decode(cookie, KEY, NOW).orElseThrow().messages();
        assertTrue(!back.isEmpty() && back.size() < many.size(), back.size() + " kept");
        assertTrue(back.getFirst().text().endsWith("…"), "a long text is cut, and says so");
    }

    /** VisibilityIT, 3 December: « Votre collectif est dans l'annuaire » turned up on a later 404 page. */
    @Test
    void messagesAreShownOnlyOnThePageTheRedirectWentTo() {
        String target = Navigation.pathOf("/t/5/bienvenue?page=2#post-17");
        assertEquals("/t/5/bienvenue", target);
        String cookie = OnceMessages.encode(List.of(new OnceMessages.Carried(null, FacesMessage.SEVERITY_INFO, "Publiée")), target, KEY, NOW);
        OnceMessages.Delivery delivery = OnceMessages.decode(cookie, KEY, NOW).orElseThrow();
        assertTrue(OnceMessages.isFor(delivery.target(), "/t/5/bienvenue"));
        assertTrue(!OnceMessages.isFor(delivery.target(), "/historique/1352"), "not on another page");
        assertEquals("/voisins/amap", Navigation.pathOf("/voisins/amap"));
    }

    @Test
    void theSigningKeyIsNotTheViewStatesKey() {
        assertEquals(32, OnceMessages.derive("").length, "a key even without configuration");
        assertNotEquals(java.util.Base64.getEncoder().encodeToString(KEY), "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        assertTrue(!java.util.Arrays.equals(OnceMessages.derive(""), OnceMessages.derive("")), "without one, a random key each time");
    }
}
