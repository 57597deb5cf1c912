package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /connexion}. */
public class LoginPage extends SitePage {

    LoginPage(ChromeDriver browser) {
        super(browser, By.id("login:username"));
    }

    /** A member without a second factor: logged in, back where the login was asked. */
    public SitePage logIn(String username, String password) {
        send(username, password);
        return new SitePage(browser, By.id("current-account"));
    }

    /** A moderator or an administrator: the password, then {@code /code-de-connexion} asks for the code. */
    public SecondFactorPage logInAskingForCode(String username, String password) {
        send(username, password);
        return new SecondFactorPage(browser);
    }

    private void send(String username, String password) {
        type(By.id("login:username"), username);
        type(By.id("login:password"), password);
        go(By.id("login:submit"));
    }
}
