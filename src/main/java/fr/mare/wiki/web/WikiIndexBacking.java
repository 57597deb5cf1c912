package fr.mare.wiki.web;

import fr.mare.forum.Category;
import fr.mare.wiki.WikiLevel;
import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code /tutoriels[?section=slug][&niveau=debutant|intermediaire|avance][&version=n]}: the
 * tutorials grouped by section (the forum's categories, in their order), filtered by a plain GET
 * form, and the recently updated ones. Unknown filter values are ignored.
 */
@Named
@RequestScoped
public class WikiIndexBacking {

    /** A section and its tutorials. */
    public record Section(Category category, List<WikiPage> pages) {
    }

    @Inject
    @Param(name = "section")
    private String sectionParameter;

    @Inject
    @Param(name = "niveau")
    private String levelParameter;

    @Inject
    @Param(name = "version")
    private String versionParameter;

    @Inject
    private WikiService wiki;

    private List<Category> categories;
    private List<Section> sections;
    private List<WikiPage> recent;
    private Category section;
    private WikiLevel level;
    private Integer version;
    private int count;

    void load() {
        categories = wiki.sections();
        section = categories.stream().filter(c -> c.getSlug().equals(sectionParameter)).findFirst().orElse(null);
        level = WikiLevel.fromParam(levelParameter).orElse(null);
        try {
            version = versionParameter == null || versionParameter.isBlank() ? null : Integer.valueOf(versionParameter.strip());
        } catch (NumberFormatException e) {
            version = null;
        }
        List<WikiPage> pages = wiki.pages(section == null ? null : section.getId(), level, version);
        count = pages.size();
        Map<Long, List<WikiPage>> bySection = pages.stream().collect(Collectors.groupingBy(WikiPage::getSectionId));
        Map<Long, Category> byId = categories.stream().collect(Collectors.toMap(Category::getId, Function.identity()));
        sections = new ArrayList<>();
        for (Category category : categories) {
            List<WikiPage> in = bySection.get(category.getId());
            if (in != null && byId.containsKey(category.getId())) {
                sections.add(new Section(category, in));
            }
        }
        recent = wiki.recentlyUpdated(5);
    }

    public List<Category> getCategories() {
        return categories;
    }

    public List<Section> getSections() {
        return sections;
    }

    public List<WikiPage> getRecent() {
        return recent;
    }

    public String getSection() {
        return section == null ? "" : section.getSlug();
    }

    public String getLevel() {
        return level == null ? "" : level.param();
    }

    public String getVersion() {
        return version == null ? "" : version.toString();
    }

    public boolean isFiltered() {
        return section != null || level != null || version != null;
    }

    public int getCount() {
        return count;
    }

    public WikiLevel[] getLevels() {
        return WikiLevel.values();
    }
}
