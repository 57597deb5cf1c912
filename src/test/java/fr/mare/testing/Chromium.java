package fr.mare.testing;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Chromium and ChromeDriver (installed by .ci/run), headless, with no background
 * network traffic: this machine reaches no other host, and Mare must not need one.
 */
public final class Chromium {

    private static final File BROWSER = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static ChromeDriver start() throws IOException {
        return start(false);
    }

    /**
     * With {@code networkLog}, Chromium also keeps its performance log (DevTools' Network events),
     * which {@link NetworkLog} reads: every request the pages make, whatever made it.
     */
    public static ChromeDriver start(boolean networkLog) throws IOException {
        return start(networkLog, true);
    }

    /**
     * With {@code javascript} false, Chromium runs no script of any page: the content setting
     * {@code profile.managed_default_content_settings.javascript} = 2 (« block »), as a person who
     * turned JavaScript off in the settings. WebDriver's own scripts ({@code executeScript}, the
     * atoms behind {@code getDomAttribute}) still run, through DevTools.
     */
    public static ChromeDriver start(boolean networkLog, boolean javascript) throws IOException {
        Assumptions.assumeTrue(BROWSER.canExecute() && DRIVER.canExecute(),
                "browser journeys need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does it)");
        Path profile = Files.createTempDirectory("mare-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=fr-FR", "--window-size=1280,900", "--user-data-dir=" + profile);
        // Headless Chromium asks for English whatever --lang says: ask for French like our members.
        options.setExperimentalOption("prefs", javascript ? java.util.Map.of("intl.accept_languages", "fr-FR,fr")
                : java.util.Map.of("intl.accept_languages", "fr-FR,fr", "profile.managed_default_content_settings.javascript", 2));
        if (networkLog) {
            options.setCapability("goog:loggingPrefs", java.util.Map.of("performance", "ALL"));
            options.setExperimentalOption("perfLoggingPrefs", java.util.Map.of("enableNetwork", true, "enablePage", false));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
