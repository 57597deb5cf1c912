package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

/** {@code /messages}: a member's conversations, theirs and their collectives'. */
public class ConversationsPage extends SitePage {

    ConversationsPage(ChromeDriver browser) {
        super(browser, By.cssSelector("#conversations, #no-conversations"));
    }

    public List<String> subjects() {
        return browser.findElements(By.cssSelector("#conversations a.conversation-subject")).stream().map(WebElement::getText).toList();
    }

    public ConversationPage open(String subject) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElements(By.cssSelector("#conversations a.conversation-subject")).stream()
                .filter(a -> a.getText().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no conversation « " + subject + " » in " + subjects())).click();
        awaitLeaving(page);
        return new ConversationPage(browser);
    }
}
