package fr.mare.forum.web;

import fr.mare.account.Caller;
import fr.mare.forum.Category;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.ForumService;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * {@code /admin/categories} (administrators): edit each category's name, description and order,
 * and add new ones. The rows are loaded once per request, before the forms are decoded, so each
 * row's fields bind to the category it shows.
 */
@Named
@RequestScoped
public class ForumCategoriesAdminBacking {

    /** A category row as edited on the page. */
    public static final class Row {
        private final long id;
        private final String slug;
        private String name;
        private String description;
        private Integer position;

        Row(Category category) {
            this.id = category.getId();
            this.slug = category.getSlug();
            this.name = category.getName();
            this.description = category.getDescription();
            this.position = category.getPosition();
        }

        public long getId() {
            return id;
        }

        public String getSlug() {
            return slug;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public Integer getPosition() {
            return position;
        }

        public void setPosition(Integer position) {
            this.position = position;
        }
    }

    @Inject
    private ForumService forum;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private Caller caller;

    private List<Row> rows;
    private String name;
    private String slug;
    private String description;
    private Integer position;

    @PostConstruct
    void init() {
        rows = forumCategories.categories().stream().map(Row::new).toList();
    }

    public String save(Row row) {
        if (!FormMessages.run(null, () -> forumCategories.updateCategory(caller, row.getId(), row.getName(), row.getDescription(), row.getPosition()))) {
            return null;
        }
        FormMessages.flashInfo("forum.admin.categories.saved", row.getName());
        Navigation.redirect("/admin/categories");
        return null;
    }

    public String create() {
        if (!FormMessages.run("newCategory", () -> forumCategories.createCategory(caller, name, slug, description, position))) {
            return null;
        }
        FormMessages.flashInfo("forum.admin.categories.created", name.strip());
        Navigation.redirect("/admin/categories");
        return null;
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getPosition() {
        return position;
    }

    public void setPosition(Integer position) {
        this.position = position;
    }
}
