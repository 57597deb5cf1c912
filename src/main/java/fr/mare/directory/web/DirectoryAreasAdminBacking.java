package fr.mare.directory.web;

import fr.mare.account.Caller;
import fr.mare.directory.DirectoryAreaService;
import fr.mare.directory.DirectoryService;
import fr.mare.directory.ExpertiseArea;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /admin/domaines} (administrators; {@link DirectoryService} checks it again): the shared
 * expertise vocabulary. Each area can be renamed, moved and retired (or brought back); new areas
 * get a slug from their name, which never changes afterwards. The rows are loaded once per
 * request, before the forms are decoded, so each row's fields bind to the area it shows.
 */
@Named
@RequestScoped
public class DirectoryAreasAdminBacking {

    /** An area as edited on the page. */
    public static final class Row {
        private final long id;
        private final String slug;
        private final boolean retired;
        private String name;
        private Integer position;

        Row(ExpertiseArea area) {
            this.id = area.getId();
            this.slug = area.getSlug();
            this.retired = area.isRetired();
            this.name = area.getName();
            this.position = area.getPosition();
        }

        public long getId() { return id; }
        public String getSlug() { return slug; }
        public boolean isRetired() { return retired; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public Integer getPosition() { return position; }
        public void setPosition(Integer position) { this.position = position; }
    }

    @Inject
    private DirectoryService directory;

    @Inject
    private DirectoryAreaService areaAdmin;

    @Inject
    private Caller caller;

    private List<Row> rows;
    private String name;
    private Integer position;

    @PostConstruct
    void init() {
        rows = directory.areas().stream().map(Row::new).toList();
    }

    public String save(Row row) {
        return act(null, () -> areaAdmin.updateArea(caller, row.getId(), row.getName(), row.getPosition()), "directory.area.saved");
    }

    public String retire(Row row) {
        return act(null, () -> areaAdmin.setRetired(caller, row.getId(), !row.isRetired()),
                row.isRetired() ? "directory.area.restored" : "directory.area.retiredDone");
    }

    public String create() {
        return act("newArea", () -> areaAdmin.createArea(caller, name, position), "directory.area.created");
    }

    private String act(String formId, Supplier<ExpertiseArea> action, String done) {
        ExpertiseArea area = FormMessages.call(formId, action).orElse(null);
        if (area == null) {
            return null;
        }
        FormMessages.flashInfo(done, area.getName());
        Navigation.redirect("/admin/domaines");
        return null;
    }

    public List<Row> getRows() { return rows; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getPosition() { return position; }
    public void setPosition(Integer position) { this.position = position; }
}
