package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** {@code /tutoriels/{slug}/historique}: the revisions, the compare form, « Revenir à cette version » and its confirmation. */
public class WikiHistoryPage extends SitePage {

    WikiHistoryPage(ChromeDriver browser) {
        super(browser, By.cssSelector("form#history ol#versions"));
    }

    public String revision(int number) {
        return text(By.id("revision-" + number));
    }

    public boolean hasRevision(int number) {
        return has(By.id("revision-" + number));
    }

    public WikiDiffPage compare(int from, int to) {
        choose(By.cssSelector("#compare #de"), String.valueOf(from));
        choose(By.cssSelector("#compare #a"), String.valueOf(to));
        go(By.id("compare-submit"));
        return new WikiDiffPage(browser);
    }

    /** « Revenir à cette version »: the page asks first. */
    public WikiHistoryPage revert(int number) {
        go(By.id("revert-" + number));
        return new WikiHistoryPage(browser);
    }

    /** The confirmation's box, empty when none is asked. */
    public String confirmation() {
        return text(By.id("revert-confirm"));
    }

    /** « Confirmer le retour à la version N »: a new version, back on the history. */
    public WikiHistoryPage confirmRevert() {
        go(By.cssSelector("form#history-confirm button[name='history:revert']"));
        return new WikiHistoryPage(browser);
    }

    public WikiPage backToPage() {
        go(By.id("back-to-page"));
        return new WikiPage(browser);
    }
}
