package fr.mare.testing;

import fr.mare.testing.WebClient.Page;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every refused form shows (#14, {@code web.FormErrors}): one summary ({@code #error-summary},
 * an alert, focused) with one link per invalid field, every one of them in the same answer, and
 * each field carrying {@code aria-invalid="true"} and {@code aria-describedby} pointing first at its
 * own message.
 */
public final class FormChecks {

    private FormChecks() {
    }

    /**
     * Asserts that {@code refused} tells exactly the fields {@code clientIds} at once (ids as in
     * the page: {@code register:email}, {@code posts:2:edit:body}); returns the summary.
     */
    public static Element everyFieldAtOnce(Page refused, String... clientIds) {
        assertTrue(refused.status() == 200, "the form again, not " + refused.status() + ": " + refused.mainText());
        Document page = refused.html();
        assertEquals(1, page.select("#error-summary").size(), "one summary: " + refused.mainText());
        Element summary = page.getElementById("error-summary");
        assertEquals("alert", summary.attr("role"));
        assertEquals("-1", summary.attr("tabindex"));
        assertTrue(summary.hasAttr("autofocus"), "in view without JavaScript");
        List<String> links = summary.select("li a").eachAttr("href");
        assertEquals(clientIds.length, links.size(), "one link per invalid field: " + summary.text());
        for (String id : clientIds) {
            assertTrue(links.contains("#" + id), id + " is in the summary: " + links);
            Element field = page.getElementById(id);
            assertNotNull(field, "field " + id);
            assertEquals("true", field.attr("aria-invalid"), id + " is marked invalid");
            String message = field.attr("aria-describedby").split(" ")[0];
            assertEquals(id + "-error", message, id + " is described by its message");
            assertNotNull(page.getElementById(message), id + "'s message");
            assertFalse(page.getElementById(message).text().isBlank(), id + " has its message");
        }
        return summary;
    }
}
