package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /discussions}: the latest discussions of every category. */
public class DiscussionsPage extends SitePage {

    DiscussionsPage(ChromeDriver browser) {
        super(browser, By.cssSelector("a[id^='filter-']"));
        if (!url().contains("/discussions")) {
            throw new AssertionError("not /discussions: " + url());
        }
    }

    public NewTopicPage newTopic() {
        go(By.id("new-topic"));
        return new NewTopicPage(browser);
    }

    /** Opens a discussion of the list by its title's link. */
    public TopicPage topic(long id) {
        go(By.cssSelector("#topic-" + id + " a.topic-title"));
        return new TopicPage(browser);
    }
}
