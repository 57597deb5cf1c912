package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /voisins/nouveau}: a member presents their collective. */
public class NewCollectivePage extends SitePage {

    NewCollectivePage(ChromeDriver browser) {
        super(browser, By.id("collective:name"));
    }

    /** The form's values: a kind ({@code ASSOCIATION}), a department ({@code 35}), a size band ({@code 11-50}); listed in the directory. */
    public CollectivePage present(String name, String kind, String region, String size, String presentation) {
        type(By.id("collective:name"), name);
        choose(By.id("collective:kind"), kind);
        choose(By.id("collective:region"), region);
        choose(By.id("collective:size"), size);
        type(By.id("collective:presentation"), presentation);
        if (!browser.findElement(By.id("collective:visible")).isSelected()) {
            browser.findElement(By.id("collective:visible")).click();
        }
        go(By.id("collective:submit"));
        return new CollectivePage(browser);
    }
}
