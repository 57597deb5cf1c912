package fr.mare.wiki.web;

import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.diff.DiffResult;
import fr.mare.diff.TextDiff;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import fr.mare.web.Pages;
import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiPolicy;
import fr.mare.wiki.WikiRevision;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /tutoriels/{slug}/historique}: every revision (number, author, date, summary), newest
 * first, a form to compare any two, and « Revenir à cette version » (a new revision).
 * {@code /tutoriels/{slug}/diff?de=n&a=m}: the difference between ANY two revisions, by default
 * the last two, word by word with {@code ins}/{@code del}.
 */
@Named
@RequestScoped
public class WikiHistoryBacking {

    /** One revision as the history lists it. */
    public record Version(int number, AccountSummary author, Instant at, String summary) {
    }

    @Inject
    @Param(pathIndex = 0)
    private String slug;

    @Inject
    @Param(name = "de")
    private Integer from;

    @Inject
    @Param(name = "a")
    private Integer to;

    @Inject
    private WikiService wiki;

    @Inject
    private WikiPolicy policy;

    @Inject
    private fr.mare.wiki.WikiVisibility visibility;

    @Inject
    private AccountService accounts;

    @Inject
    private Caller caller;

    private boolean loaded;
    private WikiPage page;
    private List<Version> versions;
    private String diff;
    private DiffResult diffResult;
    private Version confirmingRevert;

    private WikiPage ensure() {
        if (loaded) {
            return page;
        }
        loaded = true;
        // A hidden tutorial's versions are moderation's only: the same 404 as an unknown one for others (#10).
        page = wiki.page(slug).filter(p -> visibility.canReadText(caller, p)).orElse(null);
        if (page == null) {
            return null;
        }
        List<WikiRevision> revisions = wiki.revisions(page);
        Map<Long, AccountSummary> authors = accounts.summaries(revisions.stream().map(WikiRevision::getAuthorId).distinct().toList());
        versions = revisions.stream()
                .map(r -> new Version(r.getNumber(), authors.get(r.getAuthorId()), r.getCreatedAt(), r.getSummary())).toList();
        int last = page.getRevisionCount();
        if (to == null || to < 1 || to > last) {
            to = last;
        }
        if (from == null || from < 1 || from > last) {
            from = Math.max(1, to - 1);
        }
        return page;
    }

    void load() {
        if (ensure() == null) {
            Pages.notFound("Tutoriel introuvable");
        }
    }

    /** Computed only by the diff page: the history itself lists, it does not compare. */
    private void computeDiff() {
        if (diff == null && ensure() != null && !from.equals(to)) {
            String before = wiki.revision(page, from).map(WikiRevision::getBodyMarkdown).orElse("");
            String after = wiki.revision(page, to).map(WikiRevision::getBodyMarkdown).orElse("");
            diffResult = TextDiff.diff(before, after);
            diff = TextDiff.toHtml(diffResult);
        }
    }

    /**
     * « Revenir à cette version »: the version the button named (a number, not a row: a history
     * left open shifts its rows when a version is added). Without {@code confirm=oui} it is the
     * first step (#14): nothing written, the page asks for the confirmation; with it, the
     * service writes the old text as a new revision.
     */
    public String revert() {
        if (ensure() == null) {
            return null;
        }
        Version version = postedVersion();
        if (version == null) {
            FormMessages.error("wiki.revision.unknown");
            return null;
        }
        int number = version.number();
        if (!"oui".equals(Faces.getRequestParameter("confirm"))) {
            if (FormMessages.run("history", () -> wiki.checkRevert(caller, page, number))) {
                confirmingRevert = version;
            }
            return null;
        }
        if (!FormMessages.run("history", () -> wiki.revert(caller, page.getSlug(), number))) {
            return null;
        }
        FormMessages.flashInfo("wiki.revert.done", number);
        Navigation.redirect("/tutoriels/" + page.getSlug() + "/historique");
        return null;
    }

    /** The version a revert button named, or null (absent, not a number, not a version of this tutorial). */
    private Version postedVersion() {
        String value = Faces.getRequestParameter("history:revert");
        if (value == null || !value.strip().matches("\\d{1,9}")) {
            return null;
        }
        int number = Integer.parseInt(value.strip());
        return versions.stream().filter(v -> v.number() == number).findFirst().orElse(null);
    }

    /** The version whose revert waits for its confirmation, or null. */
    public Version getConfirmingRevert() {
        return confirmingRevert;
    }



    public WikiPage getPage() {
        return ensure();
    }

    public List<Version> getVersions() {
        ensure();
        return versions;
    }

    public boolean isCanRevert() {
        return ensure() != null && policy.canEdit(caller, page);
    }

    public int getFrom() {
        ensure();
        return from;
    }

    public int getTo() {
        ensure();
        return to;
    }

    /** The difference as HTML built by {@link TextDiff} (every piece of text escaped), or null for the same revision. */
    public String getDiff() {
        computeDiff();
        return diff;
    }

    public int getInsertedWords() {
        computeDiff();
        return diffResult == null ? 0 : diffResult.insertedWords();
    }

    public int getDeletedWords() {
        computeDiff();
        return diffResult == null ? 0 : diffResult.deletedWords();
    }
}
