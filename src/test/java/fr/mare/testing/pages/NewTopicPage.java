package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /nouveau-sujet}. */
public class NewTopicPage extends SitePage {

    NewTopicPage(ChromeDriver browser) {
        super(browser, By.id("topic:title"));
    }

    /** Asks a question in the category of that slug: the new discussion's page. */
    public TopicPage ask(String title, String category, String body) {
        type(By.id("topic:title"), title);
        choose(By.id("topic:category"), category);
        type(By.id("topic:body"), body);
        go(By.id("topic:submit"));
        return new TopicPage(browser);
    }
}
