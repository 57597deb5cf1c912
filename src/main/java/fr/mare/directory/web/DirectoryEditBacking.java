package fr.mare.directory.web;

import fr.mare.account.Caller;
import fr.mare.directory.Apps;
import fr.mare.directory.Collective;
import fr.mare.directory.CollectiveDraft;
import fr.mare.directory.CollectiveKind;
import fr.mare.directory.Direction;
import fr.mare.directory.DirectoryService;
import fr.mare.directory.ExpertiseArea;
import fr.mare.directory.Regions;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /voisins/nouveau} and {@code /voisins/{slug}/modifier}. Apps and expertise are plain
 * form fields with stable names ({@code app-CODE} checkboxes, {@code area-SLUG} selects and
 * {@code note-SLUG} inputs), read from the request so that the form works without JavaScript
 * and keeps everything typed on error.
 */
@Named
@RequestScoped
public class DirectoryEditBacking {

    @Inject
    @Param(pathIndex = 0)
    private String pathSlug;

    @Inject
    private DirectoryService directory;

    @Inject
    private Caller caller;

    private boolean loaded;
    private Collective collective;
    private String name;
    private String slug;
    private String presentation;
    private String kind;
    private String region;
    private String sizeBand;
    private String website;
    private boolean visible = true;
    private Set<String> apps = new LinkedHashSet<>();
    private Map<String, String> directions = new HashMap<>();
    private Map<String, String> notes = new HashMap<>();

    private String existingSlug() {
        return "nouveau".equals(pathSlug) ? null : pathSlug;
    }

    public Collective getCollective() {
        if (!loaded) {
            loaded = true;
            collective = existingSlug() == null ? null : directory.collective(existingSlug()).orElse(null);
        }
        return collective;
    }

    public boolean isNew() {
        return existingSlug() == null;
    }

    void load() {
        if (caller.isAnonymous()) {
            String path = isNew() ? "/voisins/nouveau" : "/voisins/" + existingSlug() + "/modifier";
            Pages.loginFirst(path);
            return;
        }
        if (!isNew() && getCollective() == null) {
            Pages.notFound("Collectif introuvable");
            return;
        }
        if (collective != null && !directory.canEdit(caller, collective)) {
            Pages.forbidden("Réservé aux admins du collectif");
            return;
        }
        if (FacesContext.getCurrentInstance().isPostback() || collective == null) {
            return;
        }
        name = collective.getName();
        slug = collective.getSlug();
        presentation = collective.getPresentationMarkdown();
        kind = collective.getKind().name();
        region = collective.getRegion();
        sizeBand = collective.getSizeBand();
        website = collective.getWebsite();
        apps.addAll(directory.apps(collective));
        for (DirectoryService.Declared d : directory.expertise(collective)) {
            directions.put(d.area().getSlug(), d.direction().name());
            notes.put(d.area().getSlug(), d.note());
        }
    }

    /**
     * On a postback, the plain fields as sent, once: read by {@link #save} and by the page when
     * it is shown again (a refusal, or an image added, #15), so nothing ticked or typed is lost.
     */
    private void readPosted() {
        if (posted || !FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        posted = true;
        Map<String, String> params = Faces.getRequestParameterMap();
        apps.clear();
        for (String app : Apps.codes()) {
            String v = params.get("app-" + app);
            if (v != null && !v.isEmpty()) {
                apps.add(app);
            }
        }
        for (ExpertiseArea area : getAreas()) {
            notes.put(area.getSlug(), params.get("note-" + area.getSlug()));
            directions.put(area.getSlug(), params.get("area-" + area.getSlug()));
        }
    }

    private boolean posted;

    public String save() {
        readPosted();
        Map<String, CollectiveDraft.Expertise> expertise = new HashMap<>();
        for (ExpertiseArea area : getAreas()) {
            String d = directions.get(area.getSlug());
            String note = notes.get(area.getSlug());
            if ("CAN_HELP".equals(d) || "SEEKS_HELP".equals(d)) {
                expertise.put(area.getSlug(), new CollectiveDraft.Expertise(Direction.valueOf(d), note));
            }
        }
        CollectiveDraft draft = new CollectiveDraft(name, slug, presentation, kind, region, sizeBand, website, Set.copyOf(apps), expertise);
        Collective saved = FormMessages.call("collective",
                () -> isNew() ? directory.create(caller, draft, visible) : directory.edit(caller, getCollective().getSlug(), draft)).orElse(null);
        if (saved == null) {
            return null;
        }
        FormMessages.flashInfo(isNew() ? "directory.new.done" : "directory.edit.done");
        Navigation.redirect("/voisins/" + saved.getSlug());
        return null;
    }

    private List<ExpertiseArea> areas;

    /** The areas in use, plus the retired ones this collective already declares. */
    public List<ExpertiseArea> getAreas() {
        if (areas == null) {
            areas = directory.offeredAreas(getCollective());
        }
        return areas;
    }

    public List<String> getAppCodes() {
        return Apps.codes();
    }

    public String appName(String code) {
        return Apps.name(code);
    }

    public boolean usesApp(String code) {
        readPosted();
        return apps.contains(code);
    }

    public String direction(String area) {
        readPosted();
        return directions.get(area);
    }

    public String note(String area) {
        readPosted();
        return notes.get(area);
    }

    public CollectiveKind[] getKinds() {
        return CollectiveKind.values();
    }

    public List<String> getRegions() {
        return Regions.codes();
    }

    public String regionName(String code) {
        return Regions.name(code);
    }

    public List<String> getSizeBands() {
        return List.of("1-10", "11-50", "51-200", "200+");
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public String getPresentation() { return presentation; }
    public void setPresentation(String presentation) { this.presentation = presentation; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getSizeBand() { return sizeBand; }
    public void setSizeBand(String sizeBand) { this.sizeBand = sizeBand; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public boolean isVisible() { return visible; }
    public void setVisible(boolean visible) { this.visible = visible; }
}
