package fr.mare.media;

import fr.mare.testing.ChromiumIT;
import fr.mare.testing.Discussions;
import fr.mare.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #15 with JavaScript on (mare.js), in Debian's Chromium: a screenshot pasted into a reply
 * and an image dropped on a tutorial's text land as {@code ![description](/medias/…)} where the
 * cursor was, and the published page shows the image, served by Mare. The browser's own paste and
 * drop events are built in the page (a headless browser has no clipboard nor mouse to drag
 * with); mare.js receives exactly what a person's paste or drop gives it. Without JavaScript the
 * same forms are proved by {@link MediaIT}.
 */
class MediaBrowserIT extends ChromiumIT {

    private static final String PASSWORD = "une phrase de passe tranquille";
    private static final String CATEGORY = "fichiers-partage-et-synchronisation";
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\((/medias/[0-9a-f]{32}\\.(?:png|jpg))\\)");

    /** Makes a File of the given bytes and hands it to the element as a paste or a drop would. */
    private static final String SEND = """
            var bin = atob(arguments[0]), bytes = new Uint8Array(bin.length);
            for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
            var transfer = new DataTransfer();
            transfer.items.add(new File([bytes], arguments[1], {type: 'image/png'}));
            var event = arguments[2] === 'paste'
                ? new ClipboardEvent('paste', {clipboardData: transfer, bubbles: true, cancelable: true})
                : new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true});
            arguments[3].dispatchEvent(event);
            return event.defaultPrevented;""";


    @Test
    void aPastedScreenshotAndADroppedImageLandAtTheCursorAndAreShown() throws Exception {
        WebClient client = new WebClient(base.toURI());
        String name = client.registerNewMember("glisser", PASSWORD);
        String topic = Discussions.ask(client, CATEGORY, "Mon partage affiche une erreur", "Que faire ?", null);
        startBrowser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(base.toString() + "connexion");
        browser.findElement(By.id("login:username")).sendKeys(name);
        browser.findElement(By.id("login:password")).sendKeys(PASSWORD + Keys.ENTER);
        wait.until(d -> !d.findElements(By.id("current-account")).isEmpty());

        // A reply: text typed, the cursor between its two paragraphs, a screenshot pasted.
        browser.get(base.toString() + topic.substring(1));
        WebElement body = browser.findElement(By.id("reply:body"));
        placeCursor(body, "Voici mon écran :\n\nQu'en pensez-vous ?", "Voici mon écran :\n\n".length());
        assertEquals(true, browser.executeScript(SEND, png(320, 200, Color.ORANGE), "capture.png", "paste", body), "mare.js took the paste");
        WebElement alt = browser.findElement(By.id("reply:imageAlt"));
        assertEquals(alt, browser.switchTo().activeElement(), "the description is asked for");
        assertTrue(browser.findElement(By.cssSelector("#reply .upload-status")).getText().contains("capture.png"));
        alt.sendKeys("Message d'erreur du partage" + Keys.ENTER);
        String reply = wait.until(d -> {
            String value = d.findElement(By.id("reply:body")).getDomProperty("value");
            return IMAGE.matcher(value).find() ? value : null;
        });
        assertTrue(Pattern.compile("^Voici mon écran :\n\n!\\[Message d'erreur du partage]\\(/medias/[0-9a-f]{32}\\.png\\)\n\nQu'en pensez-vous \\?$")
                .matcher(reply).matches(), "at the cursor: " + reply);
        browser.findElement(By.id("reply:submit")).click();
        assertShown("Message d'erreur du partage", wait);

        // A tutorial: the description written first, an image dropped on the text: sent at once.
        browser.get(base.toString() + "tutoriels/nouveau");
        browser.findElement(By.id("wiki:title")).sendKeys("Lire une erreur de partage " + System.nanoTime());
        new Select(browser.findElement(By.id("wiki:section"))).selectByValue(CATEGORY);
        browser.findElement(By.id("wiki:summary")).sendKeys("Avec une capture");
        WebElement text = browser.findElement(By.id("wiki:body"));
        placeCursor(text, "1. Ouvrir Fichiers.\n2. Cliquer sur Partager.", "1. Ouvrir Fichiers.\n".length());
        browser.findElement(By.id("wiki:imageAlt")).sendKeys("Le bouton Partager");
        assertEquals(true, browser.executeScript(SEND, png(200, 120, Color.BLUE), "bouton.png", "drop", text), "mare.js took the drop");
        String tutorial = wait.until(d -> {
            String value = d.findElement(By.id("wiki:body")).getDomProperty("value");
            return IMAGE.matcher(value).find() ? value : null;
        });
        assertTrue(Pattern.compile("^1\\. Ouvrir Fichiers\\.\n\n!\\[Le bouton Partager]\\(/medias/[0-9a-f]{32}\\.png\\)\n\n2\\. Cliquer sur Partager\\.$")
                .matcher(tutorial).matches(), "at the cursor: " + tutorial);
        assertEquals("Lire une erreur de partage", browser.findElement(By.id("wiki:title")).getDomProperty("value").replaceAll(" \\d+$", ""));
        browser.findElement(By.id("wiki:submit")).click();
        assertShown("Le bouton Partager", wait);
    }

    /** Types {@code value} in the text area and puts the cursor at {@code caret}, as a click there would. */
    private void placeCursor(WebElement area, String value, int caret) {
        area.click();
        browser.executeScript("arguments[0].value = arguments[1]; arguments[0].focus(); arguments[0].setSelectionRange(arguments[2], arguments[2]);",
                area, value, caret);
    }

    /** The published page shows the image, fetched from /medias/ and decoded by the browser. */
    private void assertShown(String alt, WebDriverWait wait) {
        WebElement img = wait.until(d -> d.findElements(By.cssSelector("img[alt=\"" + alt + "\"]")).stream().findFirst().orElse(null));
        assertTrue(img.getDomAttribute("src").startsWith("/medias/"), img.getDomAttribute("src"));
        browser.executeScript("arguments[0].scrollIntoView()", img);
        Object width = wait.until(d -> {
            Object w = browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth", img);
            return w instanceof Number n && n.intValue() > 0 ? n : null;
        });
        assertTrue(((Number) width).intValue() > 0, "served and decoded");
    }

    private static String png(int width, int height, Color colour) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawString("Erreur", 10, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
