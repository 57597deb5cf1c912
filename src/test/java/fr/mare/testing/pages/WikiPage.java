package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /tutoriels/{slug}}: a tutorial's current version. */
public class WikiPage extends SitePage {

    WikiPage(ChromeDriver browser) {
        super(browser, By.id("wiki-body"));
    }

    public String title() {
        return text(By.id("wiki-title"));
    }

    public String body() {
        return text(By.id("wiki-body"));
    }

    public WikiEditPage edit() {
        go(By.id("edit-link"));
        return new WikiEditPage(browser);
    }

    public WikiHistoryPage history() {
        go(By.id("history-link"));
        return new WikiHistoryPage(browser);
    }
}
