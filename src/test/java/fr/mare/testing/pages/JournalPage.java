package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

/** {@code /moderation/journal}: every moderation action, with its filters. */
public class JournalPage extends SitePage {

    /** One line: the action ({@code HIDE}), the target ({@code post:12}) and the line as shown. */
    public record Line(String action, String target, String text) {
    }

    JournalPage(ChromeDriver browser) {
        super(browser, By.id("journal-filter"));
    }

    /** The « Cible » filter ({@code post:12}). */
    public JournalPage target(String target) {
        type(By.id("filter-target"), target);
        go(By.id("filter-submit"));
        return new JournalPage(browser);
    }

    public List<Line> lines() {
        return browser.findElements(By.cssSelector("#journal tr.journal-line")).stream()
                .map(tr -> new Line(tr.getDomAttribute("data-action"), tr.getDomAttribute("data-target"), tr.getText())).toList();
    }
}
