package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /voisins/{slug}}: a collective's page. */
public class CollectivePage extends SitePage {

    CollectivePage(ChromeDriver browser) {
        super(browser, By.id("collective-name"));
    }

    public String name() {
        return text(By.id("collective-name"));
    }

    public String slug() {
        String path = url().replaceAll("[?#].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public String presentation() {
        return text(By.id("presentation"));
    }

    /** « Contacter ce collectif ». */
    public ContactPage contact() {
        go(By.id("contact-link"));
        return new ContactPage(browser);
    }
}
