package fr.mare.testing;

import org.junit.jupiter.api.AfterEach;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The base of the {@code *BrowserIT} journeys: {@link MareIT}'s deployment and people, and one
 * {@link Chromium} per test ({@link #startBrowser()}), closed after it.
 */
public abstract class ChromiumIT extends MareIT {

    protected ChromeDriver browser;

    /** Starts the browser (the test is skipped, with the reason, where Chromium is not installed). */
    protected ChromeDriver startBrowser() throws java.io.IOException {
        return startBrowser(true);
    }

    /** The same, with JavaScript on or off ({@link Chromium#start(boolean, boolean)}). */
    protected ChromeDriver startBrowser(boolean javascript) throws java.io.IOException {
        browser = Chromium.start(false, javascript);
        return browser;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
