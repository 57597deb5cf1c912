package fr.mare.web;

import fr.mare.testing.Chromium;
import fr.mare.testing.MareIT;
import fr.mare.testing.NetworkLog;
import fr.mare.testing.SitePages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mare on a 320-px phone (#14, WCAG 1.4.10 « Reflow »): every page of {@link SitePages}, as a
 * visitor, a member, a moderator and the administrator, fits the width of the window (no sideways
 * scroll; a wide table scrolls inside its own box, long words and addresses wrap), and no page asks
 * anything of another host than Mare's (Chromium's own network log, {@link NetworkLog}). The
 * header's menu opens, closes and reaches its links.
 */
class PhoneLayoutBrowserIT extends MareIT {

    private static final int PHONE = 320;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyTemplateFitsAPhoneAndAsksNoOtherHost() throws Exception {
        SitePages site = new SitePages(this);
        browser = Chromium.start(true);
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", PHONE, "height", 740, "deviceScaleFactor", 1, "mobile", false));

        String widest = resource("widest.js");
        List<String> failures = new ArrayList<>();
        int seen = 0;
        String person = null;
        for (SitePages.Visit visit : site.visits()) {
            if (!visit.person().equals(person)) {
                person = visit.person();
                site.browseAs(browser, base.toString(), person);
            }
            NetworkLog.requests(browser);
            String path = visit.path();
            browser.get(base.toURI().resolve(path.substring(1)).toString());
            assertFalse(browser.getCurrentUrl().contains("/connexion") && !path.equals("/connexion"),
                    visit + ": sent to the login page");
            long scrollWidth = number("return document.documentElement.scrollWidth");
            long innerWidth = number("return window.innerWidth");
            if (scrollWidth > innerWidth) {
                failures.add(visit + " : " + scrollWidth + " px > " + innerWidth + " px ; " + browser.executeScript(widest, innerWidth));
            }
            List<String> requests = NetworkLog.requests(browser);
            String document = path.replaceFirst("[?#].*$", "");
            assertTrue(requests.stream().anyMatch(u -> u.contains(document)),
                    "the network log sees the page's own requests: " + visit + " " + requests);
            List<String> elsewhere = NetworkLog.elsewhere(requests);
            if (!elsewhere.isEmpty()) {
                failures.add(visit + " asked another host: " + elsewhere);
            }
            seen++;
        }
        assertTrue(failures.isEmpty(), "at " + PHONE + " px, of " + seen + " pages:\n" + String.join("\n", failures));
        int stated = Integer.parseInt(ResourceBundle.getBundle("fr.mare.i18n.messages", Locale.FRENCH).getString("home.accessibility.reflowed"));
        assertTrue(seen >= stated, "the accessibility statement says " + stated + " pages were seen at 320 px; " + seen + " were");
        System.out.println("[320 px] " + seen + " pages, none wider than the window, none asking another host");
    }

    /** #14: on a phone the header is one line, « Menu » opens it (no JavaScript needed), Escape closes it. */
    @Test
    void theHeaderMenuOpensReachesItsLinksAndCloses() throws Exception {
        browser = Chromium.start();
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 740, "deviceScaleFactor", 1, "mobile", false));
        SitePages.browseAs(browser, base.toString(), loggedIn("Hortense"));
        browser.get(base.toString());

        WebElement toggle = browser.findElement(By.id("site-menu-toggle"));
        long headerHeight = number("return document.querySelector('.site-header').getBoundingClientRect().height");
        assertTrue(headerHeight <= 80, "the phone header is one line: " + headerHeight + " px");
        assertFalse(browser.findElement(By.id("notifications-link")).isDisplayed(), "folded at first");

        toggle.click();
        assertTrue(browser.findElement(By.id("site-menu")).getDomAttribute("open") != null);
        assertTrue(browser.findElement(By.id("notifications-link")).isDisplayed());
        assertTrue(browser.findElement(By.id("header-search-q")).isDisplayed(), "the search box is in the menu");
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals("Accueil", browser.switchTo().activeElement().getText(), "Tab goes from « Menu » into the menu");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        assertFalse(browser.findElement(By.id("notifications-link")).isDisplayed(), "Escape closes the menu");
        assertEquals("site-menu-toggle", browser.switchTo().activeElement().getDomAttribute("id"), "and gives the focus back");
        String outline = browser.executeScript("return getComputedStyle(document.activeElement).outlineStyle").toString();
        assertEquals("solid", outline, "the focus on « Menu » is visible");

        toggle.click();
        browser.findElement(By.id("notifications-link")).click();
        assertTrue(browser.getCurrentUrl().endsWith("/notifications"), browser.getCurrentUrl());

        // On a wide screen the same header shows everything, without « Menu ».
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        browser.get(base.toString());
        assertFalse(browser.findElement(By.id("site-menu-toggle")).isDisplayed());
        assertTrue(browser.findElement(By.id("notifications-link")).isDisplayed());
        assertTrue(browser.findElement(By.id("header-search-q")).isDisplayed());
    }

    private long number(String script) {
        return ((Number) browser.executeScript(script)).longValue();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PhoneLayoutBrowserIT.class.getResourceAsStream("/fr/mare/testing/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
