package fr.mare.directory;

import fr.mare.platform.Retryable;
import fr.mare.account.Caller;
import fr.mare.markdown.Slugs;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * The vocabulary of expertise areas, as administrators keep it (#16): add, rename or move,
 * retire or bring back. Readers get the areas from {@link DirectoryService#areas()}.
 */
@ApplicationScoped
@Transactional
@Retryable
public class DirectoryAreaService {

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private DirectoryPolicy policy;

    @Inject
    private DirectoryService directory;

    @Inject
    private Event<DirectoryIndex.Changed> changes;

    /** Adds an area (administrators); its slug is derived from the name and never changes. */
    public ExpertiseArea createArea(Caller me, String typedName, Integer position) {
        policy.requireAdmin(me);
        String name = Vocabulary.name(typedName);
        String slug = Slugs.slugify(name);
        if (em.createQuery("SELECT COUNT(a) FROM ExpertiseArea a WHERE a.slug = :s", Long.class)
                .setParameter("s", slug).getSingleResult() > 0) {
            throw new BusinessException("directory.area.slugTaken", "name", slug);
        }
        requireFreeName(name, null);
        int at = position != null ? position : directory.areas().stream().mapToInt(ExpertiseArea::getPosition).max().orElse(0) + 10;
        ExpertiseArea area = new ExpertiseArea(slug, name, at);
        em.persist(area);
        em.flush();
        changes.fire(new DirectoryIndex.Changed());
        return area;
    }

    /** Renames or moves an area (administrators); its slug stays. */
    public ExpertiseArea updateArea(Caller me, long id, String typedName, Integer position) {
        policy.requireAdmin(me);
        ExpertiseArea area = area(id);
        String name = Vocabulary.name(typedName);
        requireFreeName(name, id);
        area.change(name, position == null ? area.getPosition() : position);
        changes.fire(new DirectoryIndex.Changed());
        return area;
    }

    /**
     * Retires an area (or brings it back), administrators only. Nothing is deleted: the profiles
     * declaring it keep it; it is no longer offered to declare, and its facet shows only while
     * some collective declares it.
     */
    public ExpertiseArea setRetired(Caller me, long id, boolean retired) {
        policy.requireAdmin(me);
        ExpertiseArea area = area(id);
        if (retired) {
            area.retire(clock.instant());
        } else {
            area.restore();
        }
        changes.fire(new DirectoryIndex.Changed());
        return area;
    }

    private ExpertiseArea area(long id) {
        return Optional.ofNullable(em.find(ExpertiseArea.class, id))
                .orElseThrow(() -> new BusinessException("directory.area.unknown", null));
    }

    /** Names are unique, accent- and case-insensitively (the column's collation compares them). */
    private void requireFreeName(String name, Long except) {
        boolean taken = em.createQuery("SELECT a.id FROM ExpertiseArea a WHERE a.name = :n", Long.class)
                .setParameter("n", name).getResultStream().anyMatch(other -> !other.equals(except));
        if (taken) {
            throw new BusinessException("directory.area.nameTaken", "name", name);
        }
    }
}
