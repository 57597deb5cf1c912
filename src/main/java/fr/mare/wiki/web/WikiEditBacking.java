package fr.mare.wiki.web;

import fr.mare.account.Caller;
import fr.mare.diff.TextDiff;
import fr.mare.forum.Category;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import fr.mare.web.Pages;
import fr.mare.wiki.WikiAudience;
import fr.mare.wiki.WikiConflictException;
import fr.mare.wiki.WikiDraft;
import fr.mare.wiki.WikiLevel;
import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiPolicy;
import fr.mare.wiki.WikiRevision;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.List;

/**
 * {@code /tutoriels/nouveau[?section=slug]} and {@code /tutoriels/{slug}/modifier}: title,
 * section, level, audience, Nextcloud versions, Markdown body and edit summary. « Aperçu »
 * renders on the server and keeps everything typed. The form carries the revision it started
 * from ({@code base}): if someone saved since, nothing is overwritten — the form comes back with
 * the text as typed and the difference between that revision and the current one, and the next
 * save (after merging) starts from the current revision.
 */
@Named
@RequestScoped
public class WikiEditBacking {

    @Inject
    @Param(pathIndex = 0)
    private String pathSlug;

    @Inject
    @Param(name = "section")
    private String sectionParameter;

    @Inject
    @Param(name = "sujet")
    private String topicParameter;

    @Inject
    private WikiService wiki;

    @Inject
    private WikiPolicy policy;

    @Inject
    private Caller caller;

    private boolean loaded;
    private WikiPage page;
    private String title;
    private String section;
    private String level;
    private String audience;
    private String ncMin;
    private String ncMax;
    private String body;
    private String summary;
    private Integer base;
    private String preview;
    private String conflictDiff;
    private Integer conflictBase;
    private Long topic;

    /** The slug being edited, or null for a new page. */
    private String slug() {
        return "nouveau".equals(pathSlug) ? null : pathSlug;
    }

    private WikiPage ensure() {
        if (!loaded) {
            loaded = true;
            page = slug() == null ? null : wiki.page(slug()).orElse(null);
        }
        return page;
    }

    void load() {
        if (caller.isAnonymous()) {
            String path = slug() == null ? "/tutoriels/nouveau" : "/tutoriels/" + slug() + "/modifier";
            Pages.loginFirst(path);
            return;
        }
        if (slug() != null && ensure() == null) {
            Pages.notFound("Tutoriel introuvable");
            return;
        }
        if (page != null && !policy.canEdit(caller, page)) {
            Pages.forbidden("Tutoriel protégé");
            return;
        }
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        if (page == null && topicParameter != null && topicParameter.matches("[0-9]{1,18}")) {
            long topicId = Long.parseLong(topicParameter);
            wiki.draftFromTopic(caller, topicId).ifPresent(draft -> {
                title = draft.title();
                section = draft.section();
                level = draft.level();
                audience = draft.audience();
                body = draft.body();
                summary = draft.summary();
                topic = topicId;
            });
            if (topic != null) {
                return;
            }
        }
        if (page == null) {
            level = WikiLevel.DEBUTANT.param();
            audience = WikiAudience.MEMBRE.name();
            section = wiki.sections().stream().map(Category::getSlug).filter(s -> s.equals(sectionParameter)).findFirst().orElse(null);
            return;
        }
        WikiRevision current = wiki.current(page).orElseThrow();
        title = page.getTitle();
        section = wiki.sections().stream().filter(c -> c.getId().equals(page.getSectionId())).map(Category::getSlug)
                .findFirst().orElse(null);
        level = page.getLevel().param();
        audience = page.getAudience().name();
        ncMin = page.getNcVersionMin() == null ? null : page.getNcVersionMin().toString();
        ncMax = page.getNcVersionMax() == null ? null : page.getNcVersionMax().toString();
        body = current.getBodyMarkdown();
        base = current.getNumber();
    }

    public String preview() {
        FormMessages.call("wiki", () -> wiki.preview(body)).ifPresent(html -> preview = html);
        return null;
    }

    public String save() {
        WikiDraft draft = new WikiDraft(title, section, level, audience, ncMin, ncMax, body, summary);
        WikiPage saved = FormMessages.call("wiki", () -> ensure() == null ? wiki.create(caller, draft, topic)
                : wiki.edit(caller, page.getSlug(), draft, base == null ? 0 : base), refusal -> {
            if (refusal instanceof WikiConflictException conflict) {
                showConflict(conflict);
            }
        }).orElse(null);
        if (saved == null) {
            return null;
        }
        FormMessages.flashInfo(slug() == null ? "wiki.new.done" : "wiki.edit.done");
        Navigation.redirect("/tutoriels/" + saved.getSlug());
        return null;
    }

    /** What changed between the revision the editor started from and the current one; the next save starts from the current one. */
    private void showConflict(WikiConflictException e) {
        String before = wiki.revision(page, e.base()).map(WikiRevision::getBodyMarkdown).orElse("");
        String now = wiki.revision(page, e.current()).map(WikiRevision::getBodyMarkdown).orElse("");
        conflictDiff = TextDiff.toHtml(TextDiff.diff(before, now));
        conflictBase = e.base();
        base = e.current();
    }

    public WikiPage getPage() {
        return ensure();
    }

    public boolean isNew() {
        return slug() == null;
    }

    public List<Category> getSections() {
        return wiki.sections();
    }

    public WikiLevel[] getLevels() {
        return WikiLevel.values();
    }

    public WikiAudience[] getAudiences() {
        return WikiAudience.values();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSection() {
        return section;
    }

    public void setSection(String section) {
        this.section = section;
    }

    public String getLevel() {
        return level;
    }

    public void setLevel(String level) {
        this.level = level;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getNcMin() {
        return ncMin;
    }

    public void setNcMin(String ncMin) {
        this.ncMin = ncMin;
    }

    public String getNcMax() {
        return ncMax;
    }

    public void setNcMax(String ncMax) {
        this.ncMax = ncMax;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public Integer getBase() {
        return base;
    }

    public void setBase(Integer base) {
        this.base = base;
    }

    public String getPreview() {
        return preview;
    }

    /** The difference (HTML from {@link TextDiff}, every text escaped) after a conflict, or null. */
    public String getConflictDiff() {
        return conflictDiff;
    }

    /** The discussion this new tutorial is drafted from, carried by the form; null otherwise. */
    public Long getTopic() {
        return topic;
    }

    public void setTopic(Long topic) {
        this.topic = topic;
    }

    public Integer getConflictBase() {
        return conflictBase;
    }
}
