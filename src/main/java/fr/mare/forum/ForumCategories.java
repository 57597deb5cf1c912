package fr.mare.forum;

import fr.mare.account.Caller;
import fr.mare.markdown.Slugs;
import fr.mare.platform.BusinessException;
import fr.mare.platform.Retryable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The forum's categories (#16): read by everyone, created and changed by administrators. */
@Retryable
@ApplicationScoped
@Transactional
public class ForumCategories {

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private ForumPolicy policy;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Category> categories() {
        return em.createNamedQuery("Category.all", Category.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Category> category(String slug) {
        return em.createNamedQuery("Category.bySlug", Category.class).setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Category> category(long id) {
        return Optional.ofNullable(em.find(Category.class, id));
    }

    /** Creates a category (administrators). The slug is derived from the name unless given. */
    public Category createCategory(Caller me, String typedName, String typedSlug, String typedDescription, Integer position) {
        policy.requireAdmin(me);
        String name = categoryName(typedName);
        String slug = Slugs.slugify(typedSlug == null || typedSlug.isBlank() ? name : typedSlug);
        if (category(slug).isPresent()) {
            throw new BusinessException("forum.category.slugTaken", "slug");
        }
        Category category = new Category(slug, name, categoryDescription(typedDescription),
                position == null ? categories().size() + 1 : position, clock.instant());
        em.persist(category);
        em.flush();
        return category;
    }

    /** Renames, describes or moves a category (administrators); its slug stays. */
    public void updateCategory(Caller me, long id, String typedName, String typedDescription, Integer position) {
        policy.requireAdmin(me);
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw new BusinessException("forum.category.unknown", null);
        }
        category.change(categoryName(typedName), categoryDescription(typedDescription),
                position == null ? category.getPosition() : position, clock.instant());
    }

    private static String categoryName(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.length() < 3 || name.length() > 120) {
            throw new BusinessException("forum.category.nameLength", "name");
        }
        return name;
    }

    private static String categoryDescription(String typed) {
        String description = typed == null ? "" : typed.strip();
        if (description.length() > 500) {
            throw new BusinessException("forum.category.descriptionTooLong", "description");
        }
        return description;
    }
}
