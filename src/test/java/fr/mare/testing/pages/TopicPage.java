package fr.mare.testing.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /t/{id}/{slug}}: a discussion, its thread of posts and their row forms (#11, #17). */
public class TopicPage extends SitePage {

    private static final Pattern TOPIC = Pattern.compile("/t/(\\d+)/");
    private static final Pattern POST = Pattern.compile("#post-(\\d+)$");

    TopicPage(ChromeDriver browser) {
        super(browser, By.id("topic-title"));
    }

    public long topicId() {
        Matcher m = TOPIC.matcher(url());
        if (!m.find()) {
            throw new AssertionError("not a discussion's address: " + url());
        }
        return Long.parseLong(m.group(1));
    }

    public String title() {
        return text(By.id("topic-title"));
    }

    /** The post the address points at ({@code #post-N}, where a reply or an edit sends back), or the question. */
    public long currentPost() {
        Matcher m = POST.matcher(url());
        return m.find() ? Long.parseLong(m.group(1)) : posts().getFirst();
    }

    /** The ids of the posts, in the page's order. */
    public List<Long> posts() {
        return browser.findElements(By.cssSelector("li[id^='post-']")).stream()
                .map(li -> Long.parseLong(li.getDomAttribute("id").substring("post-".length()))).toList();
    }

    public String post(long id) {
        return text(By.cssSelector("li#post-" + id + " > article .post-body"));
    }

    /** Whether {@code reply} is shown inside {@code parent}'s branch. */
    public boolean nestedIn(long reply, long parent) {
        return has(By.cssSelector("li#post-" + parent + " li#post-" + reply));
    }

    public TopicPage reply(String body) {
        type(By.id("reply:body"), body);
        go(By.id("reply:submit"));
        return new TopicPage(browser);
    }

    /** « Répondre » under a post, then its own reply form. */
    public TopicPage replyTo(long post, String body) {
        return sendRowForm(post, "reply-link", "replyTo", body);
    }

    public TopicPage markSolution(long post) {
        go(By.cssSelector("#post-" + post + "-actions button[name='thread-actions:solution']"));
        return new TopicPage(browser);
    }

    /** « Merci » on a post. */
    public TopicPage thank(long post) {
        go(By.cssSelector("#post-" + post + "-actions button[name='thread-actions:like']"));
        return new TopicPage(browser);
    }

    /** The thanks a post has (« un merci »), empty when none. */
    public String likes(long post) {
        return text(By.id("likes-" + post));
    }

    public boolean solved() {
        return has(By.id("solved-mark"));
    }

    /** The solution's excerpt above the thread, empty when there is none. */
    public String solution() {
        return text(By.cssSelector("aside#solution"));
    }

    /** « Modifier » on a post, the new text, « Enregistrer ». */
    public TopicPage edit(long post, String body) {
        return sendRowForm(post, "edit-link", "edit", body);
    }

    /** The post's link ({@code link}) opens its row form ({@code form}: its body, then its « submit »). */
    private TopicPage sendRowForm(long post, String link, String form, String body) {
        go(By.cssSelector("#post-" + post + "-actions a." + link));
        By field = By.cssSelector("textarea[id$='" + form + ":body']");
        wait.until(ExpectedConditions.presenceOfElementLocated(field));
        type(field, body);
        go(By.cssSelector("form[id$='" + form + "'] [id$='" + form + ":submit']"));
        return new TopicPage(browser);
    }

    /** The « modifié » mark of an edited post: its history. */
    public PostHistoryPage history(long post) {
        go(By.cssSelector("li#post-" + post + " > article a.edited"));
        return new PostHistoryPage(browser);
    }

    public ReportPage report(long post) {
        go(By.id("report-post-" + post));
        return new ReportPage(browser);
    }

    /** Whether the post's text is replaced by the moderation's notice. */
    public boolean hidden(long post) {
        return has(By.id("post-" + post + "-hidden"));
    }
}
