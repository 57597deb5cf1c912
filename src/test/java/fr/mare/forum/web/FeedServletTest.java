package fr.mare.forum.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class FeedServletTest {

    @Test
    void feedTextDropsWhatXmlCannotHold() {
        assertEquals("Titre cassé", FeedServlet.xmlText("Titre\u0000 cass\u001bé"));
        assertEquals("a\tb\nc\r", FeedServlet.xmlText("a\tb\nc\r\uFFFE"));
        assertEquals("sans moitié", FeedServlet.xmlText("sans\uD800 moitié"), "a lone surrogate");
        assertEquals("", FeedServlet.xmlText(null));
        String fine = "Réunion 🙂 « ok »";
        assertSame(fine, FeedServlet.xmlText(fine));
    }
}
