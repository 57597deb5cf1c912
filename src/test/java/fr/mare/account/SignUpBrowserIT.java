package fr.mare.account;

import fr.mare.testing.ChromiumIT;
import fr.mare.testing.Names;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-up journey in a real browser, keyboard first: the skip link is the first thing Tab
 * reaches, the form is filled and sent, the header greets the new member, logging out and in
 * again works. No JavaScript is needed anywhere on the way.
 */
class SignUpBrowserIT extends ChromiumIT {


    @Test
    void signUpLogOutAndLogInAgain() throws Exception {
        startBrowser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String name = Names.username("Karim");
        String password = "mon jardin a des tomates";

        browser.get(base.toString());
        assertEquals("fr", browser.findElement(By.tagName("html")).getDomAttribute("lang"));
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertEquals("Aller au contenu", focused.getText(), "the skip link comes first");

        browser.findElement(By.id("register-link")).click();
        wait.until(ExpectedConditions.urlContains("/inscription"));
        browser.findElement(By.id("register:username")).sendKeys(name);
        browser.findElement(By.id("register:email")).sendKeys(Names.email(name));
        browser.findElement(By.id("register:password")).sendKeys(password);
        browser.findElement(By.id("register:submit")).click();

        WebElement greeting = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-account")));
        assertEquals(name, greeting.getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Bienvenue sur Mare, " + name));
        screenshot("signed-up");

        browser.findElement(By.id("logout-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-link"))).click();
        wait.until(ExpectedConditions.urlContains("/connexion"));
        browser.findElement(By.id("login:username")).sendKeys(name.toUpperCase());
        browser.findElement(By.id("login:password")).sendKeys(password + Keys.ENTER);
        assertEquals(name, wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-account"))).getText());
    }

    /** #14: a refused form's summary takes the focus (read at once, in view) and links to each field. */
    @Test
    void aRefusedFormFocusesItsErrorSummary() throws Exception {
        startBrowser();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String name = Names.username("Lina");
        browser.get(base.toURI().resolve("inscription").toString());
        browser.findElement(By.id("register:username")).sendKeys(name);
        browser.findElement(By.id("register:email")).sendKeys(Names.email(name));
        browser.findElement(By.id("register:password")).sendKeys("des radis et des poireaux");
        browser.findElement(By.id("register:submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-account")));

        browser.get(base.toURI().resolve("nouveau-sujet").toString());
        browser.findElement(By.id("topic:submit")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        wait.until(d -> "error-summary".equals(d.switchTo().activeElement().getDomAttribute("id")));
        assertEquals(3, summary.findElements(By.cssSelector("li a")).size(), summary.getText());
        screenshot("error-summary");
        summary.findElement(By.cssSelector("a[href='#topic:title']")).click();
        wait.until(ExpectedConditions.urlContains("#topic:title"));
    }

    /** Kept in target/ so a person can look at what the browser showed. */
    private void screenshot(String label) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of(System.getProperty("mare.buildDir", "target"), "screenshots", label + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
