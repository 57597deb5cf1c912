package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /tutoriels}: the tutorials by section. */
public class TutorialsPage extends SitePage {

    TutorialsPage(ChromeDriver browser) {
        super(browser, By.id("new-tutorial"));
    }

    public WikiEditPage newTutorial() {
        go(By.id("new-tutorial"));
        return new WikiEditPage(browser);
    }
}
