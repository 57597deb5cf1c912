package fr.mare.web;

import jakarta.faces.FacesException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures of a postback's state are an expired form (400) rather than a fault (500): ADR 0029, 0032. */
class PageBoundViewHandlerTest {

    @Test
    void aStateThatCannotBeDecodedIsExpiredWhateverWrapsIt() {
        assertTrue(PageBoundViewHandler.unreadableState(new IllegalArgumentException("Illegal base64 character 3a")));
        assertTrue(PageBoundViewHandler.unreadableState(new FacesException(new java.security.InvalidKeyException("bad key"))));
        assertTrue(PageBoundViewHandler.unreadableState(new FacesException(new java.util.zip.ZipException("corrupt"))));
        assertFalse(PageBoundViewHandler.unreadableState(new NullPointerException()), "a fault stays a fault");
        assertFalse(PageBoundViewHandler.unreadableState(new FacesException("no such view")));
    }

    @Test
    void aStateBelongsToItsPage() {
        assertTrue(PageBoundViewHandler.issuedFor("/compte.xhtml", "/compte.xhtml"));
        assertTrue(PageBoundViewHandler.issuedFor(null, "/compte.xhtml"));
        assertFalse(PageBoundViewHandler.issuedFor("/compte.xhtml", "/nouveau-sujet.xhtml"));
    }
}
