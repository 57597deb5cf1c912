package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /signaler?cible=}: a member reports a content to the moderation. */
public class ReportPage extends SitePage {

    ReportPage(ChromeDriver browser) {
        super(browser, By.id("report:reason"));
    }

    /** What is reported, as the page names it. */
    public String target() {
        return text(By.id("report-target"));
    }

    /** A reason ({@code OFF_TOPIC}…) and a comment: then « Mes signalements », with the thanks. */
    public SitePage send(String reason, String comment) {
        choose(By.id("report:reason"), reason);
        type(By.id("report:comment"), comment);
        go(By.id("report:submit"));
        return new SitePage(browser, By.id("messages-status"));
    }
}
