package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /messages/{id}}: a conversation between a member and a collective. */
public class ConversationPage extends SitePage {

    ConversationPage(ChromeDriver browser) {
        super(browser, By.id("conversation-subject"));
    }

    public String subject() {
        return text(By.id("conversation-subject"));
    }

    /** « Vous et Les Jardins… ». */
    public String parties() {
        return text(By.id("conversation-parties"));
    }

    /** The messages of the conversation, as shown. */
    public String thread() {
        return text(By.id("conversation-messages"));
    }
}
