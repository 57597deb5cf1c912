package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

/**
 * Any page of Mare: the header's links (discussions, tutorials, neighbours, messages, moderation,
 * log in and out), the flash messages and the main content. The other pages extend it.
 */
public class SitePage {

    protected final ChromeDriver browser;
    protected final WebDriverWait wait;

    /** The page the browser shows once {@code marker} is there: the check that it is the right page. */
    protected SitePage(ChromeDriver browser, By marker) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        try {
            wait.until(ExpectedConditions.presenceOfElementLocated(marker));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(getClass().getSimpleName() + " expected (" + marker + ") at " + browser.getCurrentUrl()
                    + ", the page shows: " + text(By.tagName("main")), e);
        }
    }

    /** The home page: the one address a journey types. */
    public static SitePage home(ChromeDriver browser, URL base) {
        browser.get(base.toString());
        return new SitePage(browser, By.id("site-menu"));
    }

    /** Whether the page's own scripts ran: menu.js opens the header's menu on a wide screen, nothing else does. */
    public boolean scriptsRan() {
        wait.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
        return browser.findElement(By.id("site-menu")).getDomAttribute("open") != null;
    }

    public String url() {
        return browser.getCurrentUrl();
    }

    public String main() {
        return text(By.tagName("main"));
    }

    /** The flash messages (« Votre message est envoyé… »), empty when there are none. */
    public String flash() {
        return text(By.id("messages-status"));
    }

    /** The name the header greets, or null for a visitor (its text, which WebDriver's getText hides without JavaScript: see {@link #goThroughMenu}). */
    public String currentAccount() {
        return browser.findElements(By.id("current-account")).stream().findFirst()
                .map(e -> e.getDomProperty("textContent").trim()).orElse(null);
    }

    public LoginPage logInLink() {
        goThroughMenu(By.id("login-link"));
        return new LoginPage(browser);
    }

    public SitePage logOut() {
        goThroughMenu(By.id("logout-submit"));
        return new SitePage(browser, By.id("login-link"));
    }

    public DiscussionsPage discussions() {
        goThroughMenu(By.id("nav-discussions"));
        return new DiscussionsPage(browser);
    }

    public TutorialsPage tutorials() {
        goThroughMenu(By.id("nav-tutorials"));
        return new TutorialsPage(browser);
    }

    public DirectoryPage neighbours() {
        goThroughMenu(By.id("nav-neighbours"));
        return new DirectoryPage(browser);
    }

    public ConversationsPage messages() {
        goThroughMenu(By.id("messages-link"));
        return new ConversationsPage(browser);
    }

    public ModerationQueuePage moderation() {
        goThroughMenu(By.id("moderation-link"));
        return new ModerationQueuePage(browser);
    }

    /** Clicks a link or a button and waits until the browser has left this page (the next one is the caller's to check). */
    protected void go(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        awaitLeaving(page);
    }

    /**
     * The header's links are in the menu, a {@code <details>} that the CSS shows open on a wide
     * screen, with or without JavaScript ({@code ::details-content}); WebDriver's own rule holds
     * anything in a closed {@code <details>} for hidden and will not click it, so the pointer
     * clicks where the link is shown, as a person does.
     */
    protected void goThroughMenu(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        new Actions(browser).moveToElement(browser.findElement(target)).click().perform();
        awaitLeaving(page);
    }

    /**
     * Waits until {@code page} (the {@code <html>} element of the page left) is gone. Selenium's
     * {@code stalenessOf} expects a « stale element » error; Chrome, asked in the middle of the
     * navigation, sometimes answers « Node with given id does not belong to the document » instead
     * (JourneysBrowserIT, full run of 2026-12-03): the same fact, said otherwise.
     */
    protected void awaitLeaving(WebElement page) {
        wait.until(driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    protected void type(By field, String text) {
        WebElement element = browser.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    protected void choose(By select, String value) {
        new Select(browser.findElement(select)).selectByValue(value);
    }

    protected String text(By element) {
        return browser.findElements(element).stream().findFirst().map(WebElement::getText).orElse("");
    }

    protected boolean has(By element) {
        return !browser.findElements(element).isEmpty();
    }
}
