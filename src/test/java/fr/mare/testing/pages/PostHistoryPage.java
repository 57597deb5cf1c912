package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

/** {@code /historique/{id}}: a post's versions and the difference between two of them. */
public class PostHistoryPage extends SitePage {

    PostHistoryPage(ChromeDriver browser) {
        super(browser, By.cssSelector("ol#versions"));
    }

    /** The versions listed: « Version 1, par … ». */
    public List<String> versions() {
        return browser.findElements(By.cssSelector("#versions > li")).stream().map(WebElement::getText).toList();
    }

    public boolean hasVersion(int number) {
        return has(By.cssSelector("#versions li#version-" + number));
    }

    /** The compare form: from one version to another. */
    public PostHistoryPage compare(int from, int to) {
        choose(By.cssSelector("#compare #de"), String.valueOf(from));
        choose(By.cssSelector("#compare #a"), String.valueOf(to));
        go(By.id("compare-submit"));
        return new PostHistoryPage(browser);
    }

    public String diffTitle() {
        return text(By.id("diff-title"));
    }

    public List<String> inserted() {
        return browser.findElements(By.cssSelector("#diff ins")).stream().map(WebElement::getText).toList();
    }
}
