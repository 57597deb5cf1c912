package fr.mare.media.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where « Envoyer l'image » writes its Markdown (#15): at the end without JavaScript, at the cursor with it. */
class MediaUploadBackingTest {

    private static final String IMAGE = "![capture](/medias/0123456789abcdef0123456789abcdef.png)";

    @Test
    void withoutACursorTheImageIsAParagraphAtTheEnd() {
        assertEquals(IMAGE, MediaUploadBacking.insert("", IMAGE, null));
        assertEquals("Voici ce que je vois :\r\n\r\n" + IMAGE, MediaUploadBacking.insert("Voici ce que je vois :\r\n", IMAGE, null));
        assertEquals("a\r\n\r\n" + IMAGE, MediaUploadBacking.insert("a", IMAGE, "pas un nombre"));
        assertEquals("a\r\n\r\n" + IMAGE, MediaUploadBacking.insert("a", IMAGE, "99"), "out of range: at the end");
    }

    @Test
    void atTheCursorCountedAsTheBrowserCountsLineBreaks() {
        // The script counts "un\nb" (4 characters); the form sent "un\r\nb". Cursor 3: after the break.
        assertEquals("un\r\n\r\n" + IMAGE + "\r\n\r\nb", MediaUploadBacking.insert("un\r\nb", IMAGE, "3"));
        assertEquals(IMAGE + "\r\n\r\ndébut", MediaUploadBacking.insert("début", IMAGE, "0"));
        assertEquals("mi\r\n\r\n" + IMAGE + "\r\n\r\nlieu", MediaUploadBacking.insert("milieu", IMAGE, "2"));
        assertEquals("fin\r\n\r\n" + IMAGE, MediaUploadBacking.insert("fin", IMAGE, "3"));
    }
}
