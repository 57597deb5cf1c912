package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /tutoriels/nouveau} and {@code /tutoriels/{slug}/modifier}. */
public class WikiEditPage extends SitePage {

    WikiEditPage(ChromeDriver browser) {
        super(browser, By.id("wiki:title"));
    }

    /** A new tutorial in the section of that slug (level and audience left as offered). */
    public WikiPage write(String title, String section, String body, String summary) {
        type(By.id("wiki:title"), title);
        choose(By.id("wiki:section"), section);
        return save(body, summary);
    }

    /** A new version: the whole text replaced, with what changed in a word. */
    public WikiPage save(String body, String summary) {
        type(By.id("wiki:body"), body);
        type(By.id("wiki:summary"), summary);
        go(By.id("wiki:submit"));
        return new WikiPage(browser);
    }
}
