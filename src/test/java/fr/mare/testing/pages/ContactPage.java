package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /messages/nouveau?collectif=}: a message to a collective's admins. */
public class ContactPage extends SitePage {

    ContactPage(ChromeDriver browser) {
        super(browser, By.id("contact:subject"));
    }

    public ConversationPage send(String subject, String body) {
        type(By.id("contact:subject"), subject);
        type(By.id("contact:body"), body);
        go(By.id("contact:submit"));
        return new ConversationPage(browser);
    }
}
