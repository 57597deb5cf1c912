/**
 * Page objects of the browser journeys ({@code JourneysBrowserIT}, #14): one small class per page
 * of Mare, wrapping a {@link org.openqa.selenium.chrome.ChromeDriver}. Each goes on as a person
 * would, by the links and buttons of the page (only the first page of a journey is opened by its
 * address), waits for the next page with {@link org.openqa.selenium.support.ui.WebDriverWait},
 * and returns that page's object. They check only that they are on the page they say; what the
 * page shows is the tests' to assert. Nothing here needs JavaScript: the same objects drive
 * Chromium with scripts on and off.
 */
package fr.mare.testing.pages;
