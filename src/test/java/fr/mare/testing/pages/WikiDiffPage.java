package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

/** {@code /tutoriels/{slug}/diff?de=&a=}: what changed between two revisions. */
public class WikiDiffPage extends SitePage {

    WikiDiffPage(ChromeDriver browser) {
        super(browser, By.cssSelector("section#diff"));
    }

    /** « N mots ajoutés, M retirés ». */
    public String stats() {
        return text(By.id("diff-stats"));
    }

    public List<String> inserted() {
        return browser.findElements(By.cssSelector("#diff ins")).stream().map(WebElement::getText).toList();
    }

    public WikiHistoryPage history() {
        go(By.id("history-link"));
        return new WikiHistoryPage(browser);
    }
}
