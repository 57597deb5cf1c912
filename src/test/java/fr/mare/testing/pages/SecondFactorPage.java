package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /code-de-connexion}: the login's second step (ADR 0023). */
public class SecondFactorPage extends SitePage {

    SecondFactorPage(ChromeDriver browser) {
        super(browser, By.id("secondFactor:code"));
    }

    /** The code of the authenticator app (testing.TwoFactorCodes): logged in. */
    public SitePage answer(String code) {
        type(By.id("secondFactor:code"), code);
        go(By.id("secondFactor:submit"));
        return new SitePage(browser, By.id("current-account"));
    }
}
