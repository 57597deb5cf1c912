package fr.mare.testing;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;

/**
 * The base of the {@code *BrowserIT} journeys: the shipped {@code mare.war} ({@link Deployments}),
 * the address it answers on, and one {@link Chromium} per test ({@link #startBrowser()}), closed after it.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ChromiumIT {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.mare();
    }

    @ArquillianResource
    protected URL base;

    protected ChromeDriver browser;

    /** Starts the browser (the test is skipped, with the reason, where Chromium is not installed). */
    protected ChromeDriver startBrowser() throws java.io.IOException {
        browser = Chromium.start();
        return browser;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
