package fr.mare.mail;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailBodyTest {

    private final MailBody body = MailBody.create()
            .paragraph("Bonjour <script>alert(1)</script> & « Léa »,")
            .link("Choisir \"un\" mot de passe", "https://mare.example/nouveau-mot-de-passe?jeton=a&b=<c>")
            .paragraph("Ligne un\nligne deux");

    @Test
    void theHtmlEscapesEveryPieceOfText() {
        String html = body.html();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("Bonjour &lt;script&gt;alert(1)&lt;/script&gt; &amp; « Léa »,"), html);
        assertTrue(html.contains("href=\"https://mare.example/nouveau-mot-de-passe?jeton=a&amp;b=&lt;c&gt;\""), html);
        assertTrue(html.contains("Choisir &quot;un&quot; mot de passe"), html);
        assertTrue(html.contains("Ligne un<br>ligne deux"), "line breaks kept");
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("lang=\"fr\""));
    }

    @Test
    void theTextGivesTheBareLink() {
        String text = body.text();
        assertTrue(text.startsWith("Bonjour <script>alert(1)</script> & « Léa »,\n\n"), text);
        assertTrue(text.contains("Choisir \"un\" mot de passe :\nhttps://mare.example/nouveau-mot-de-passe?jeton=a&b=<c>\n"), text);
        assertTrue(text.endsWith("\n-- \nMare\n"), "a signature separator");
    }

    @Test
    void onlyWebLinks() {
        assertThrows(IllegalArgumentException.class, () -> MailBody.create().link("x", "javascript:alert(1)"));
        assertEquals("&#39;&amp;", MailBody.escape("'&"));
    }
}
