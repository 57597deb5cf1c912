package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /moderation}: the queue, one section and one action form per reported or waiting content. */
public class ModerationQueuePage extends SitePage {

    ModerationQueuePage(ChromeDriver browser) {
        super(browser, By.id("journal-link"));
    }

    /** The queue's item for a target ({@code post:12}), empty when it is not in the queue. */
    public String item(String target) {
        return text(By.cssSelector("section#item-" + key(target)));
    }

    /** Chooses an action ({@code HIDE}…), writes the reason and applies it: the queue again, with « Action appliquée ». */
    public ModerationQueuePage act(String target, String action, String reason) {
        String form = "form#act-" + key(target);
        choose(By.cssSelector(form + " select[name='action']"), action);
        type(By.cssSelector(form + " textarea[name='reason']"), reason);
        go(By.id("act-" + key(target) + "-submit"));
        return new ModerationQueuePage(browser);
    }

    public JournalPage journal() {
        go(By.id("journal-link"));
        return new JournalPage(browser);
    }

    private static String key(String target) {
        return target.replace(':', '-');
    }
}
