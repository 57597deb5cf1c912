package fr.mare.wiki.web;

import fr.mare.account.AccountService;
import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.forum.Category;
import fr.mare.forum.Topic;
import fr.mare.markdown.Heading;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import fr.mare.web.Pages;
import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiPolicy;
import fr.mare.wiki.WikiRevision;
import fr.mare.wiki.WikiModerationService;
import fr.mare.wiki.WikiReviewService;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.List;
import java.util.Map;

/**
 * {@code /tutoriels/{slug}}: the tutorial's cached HTML, its table of contents, its metadata and
 * contributors, the « plus à jour » banner; and the forms that act on it: signal it as outdated,
 * mark it reviewed, and (moderation) protect or archive it. Each form redirects back (PRG).
 */
@Named
@RequestScoped
public class WikiPageBacking {

    /** A contributor with their name. */
    public record Contributor(AccountSummary account, long revisions) {
    }

    @Inject
    @Param(pathIndex = 0)
    private String slug;

    @Inject
    private WikiService wiki;

    @Inject
    private WikiReviewService review;

    @Inject
    private WikiModerationService moderation;

    @Inject
    private WikiPolicy policy;

    @Inject
    private fr.mare.wiki.WikiVisibility visibility;

    @Inject
    private AccountService accounts;

    @Inject
    private Caller caller;

    private WikiPage page;
    private WikiRevision revision;
    private Category section;
    private List<Contributor> contributors;
    private long outdatedCount;
    private List<WikiPage> linkingHere;
    private List<Topic> relatedTopics;
    private String comment;
    private String reviewVersion;
    private boolean loaded;

    void load() {
        if (ensure() == null) {
            Pages.notFound("Tutoriel introuvable");
        }
    }

    /**
     * Loads on first use: forms on this page are decoded (their {@code rendered} conditions
     * read) before the view action runs on a postback.
     */
    private WikiPage ensure() {
        if (loaded) {
            return page;
        }
        loaded = true;
        page = wiki.page(slug).orElse(null);
        revision = page == null ? null : wiki.current(page).orElse(null);
        if (revision == null) {
            page = null;
            return null;
        }
        section = wiki.sections().stream().filter(c -> c.getId().equals(page.getSectionId())).findFirst().orElse(null);
        List<WikiService.Contributor> found = wiki.contributors(page);
        Map<Long, AccountSummary> names = accounts.summaries(found.stream().map(WikiService.Contributor::accountId).toList());
        contributors = found.stream().map(c -> new Contributor(names.get(c.accountId()), c.revisions())).toList();
        outdatedCount = review.openSignalCount(page);
        linkingHere = wiki.linkingTo(page);
        relatedTopics = wiki.relatedTopics(page);
        if (reviewVersion == null && page.getNcVersionMax() != null) {
            reviewVersion = page.getNcVersionMax().toString();
        }
        return page;
    }

    public String signalOutdated() {
        return act("outdated", () -> review.signalOutdated(caller, slug, comment), "wiki.outdated.done");
    }

    public String markReviewed() {
        return act("review", () -> review.markReviewed(caller, slug, reviewVersion), "wiki.review.done");
    }

    public String toggleProtected() {
        if (ensure() == null) {
            return null;
        }
        boolean value = !page.isProtectedPage();
        return act("moderation", () -> moderation.setProtected(caller, page.getSlug(), value),
                value ? "wiki.protect.done" : "wiki.unprotect.done");
    }

    public String toggleArchived() {
        if (ensure() == null) {
            return null;
        }
        boolean value = !page.isArchived();
        return act("moderation", () -> moderation.setArchived(caller, page.getSlug(), value),
                value ? "wiki.archive.done" : "wiki.unarchive.done");
    }

    private String act(String form, Runnable action, String doneKey) {
        if (ensure() == null) {
            return null;
        }
        if (!FormMessages.run(form, action)) {
            return null;
        }
        FormMessages.flashInfo(doneKey);
        Navigation.redirect("/tutoriels/" + page.getSlug());
        return null;
    }

    public WikiPage getPage() {
        return ensure();
    }

    public WikiRevision getRevision() {
        ensure();
        return revision;
    }

    /** The table of contents: part of the text, so none for a reader who may not read it (#10). */
    public List<Heading> getHeadings() {
        ensure();
        return visibility.canReadText(caller, page) ? revision.getHeadings() : List.of();
    }

    public Category getSection() {
        ensure();
        return section;
    }

    public List<Contributor> getContributors() {
        ensure();
        return contributors;
    }

    public long getOutdatedCount() {
        ensure();
        return outdatedCount;
    }

    public List<WikiPage> getLinkingHere() {
        ensure();
        return linkingHere;
    }

    /** « Discussions liées »: the discussions this tutorial was drafted from. */
    public List<Topic> getRelatedTopics() {
        ensure();
        return relatedTopics;
    }

    public String topicPath(Topic topic) {
        return WikiService.topicPath(topic);
    }

    public boolean isCanEdit() {
        return ensure() != null && policy.canEdit(caller, page);
    }

    public boolean isCanModerate() {
        return policy.canModerate(caller);
    }

    public boolean isCanSignal() {
        return ensure() != null && policy.canSignal(caller, page);
    }

    public boolean isLoggedIn() {
        return !caller.isAnonymous();
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public String getReviewVersion() {
        return reviewVersion;
    }

    public void setReviewVersion(String reviewVersion) {
        this.reviewVersion = reviewVersion;
    }
}
