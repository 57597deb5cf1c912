package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

/** {@code /voisins}: the directory of collectives and its search. */
public class DirectoryPage extends SitePage {

    DirectoryPage(ChromeDriver browser) {
        super(browser, By.id("directory-search"));
    }

    public NewCollectivePage newCollective() {
        go(By.id("new-collective"));
        return new NewCollectivePage(browser);
    }

    public DirectoryPage search(String words) {
        type(By.cssSelector("#directory-search #q"), words);
        go(By.cssSelector("#directory-search button[type='submit']"));
        return new DirectoryPage(browser);
    }

    /** « N collectifs ». */
    public String count() {
        return text(By.id("results-count"));
    }

    /** The slugs of the collectives listed. */
    public List<String> found() {
        return browser.findElements(By.cssSelector("#collectives > li[id^='collective-']")).stream()
                .map(li -> li.getDomAttribute("id").substring("collective-".length())).toList();
    }

    public CollectivePage open(String slug) {
        go(By.cssSelector("#collectives li#collective-" + slug + " > a"));
        return new CollectivePage(browser);
    }
}
