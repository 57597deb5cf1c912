package fr.mare.directory;

import fr.mare.directory.DirectoryService.Declared;
import fr.mare.platform.VersionedMemo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finding collectives (#16): the directory's search and facets, the neighbours who can help (or
 * be helped), « Des voisins connaissent ce sujet » and the public export. Reads only, through
 * {@link DirectoryVisibility#LISTED}.
 */
@ApplicationScoped
@Transactional
public class DirectorySearchService {

    /** A collective that can help (or be helped), and the areas where it can. */
    public record Match(Collective collective, List<ExpertiseArea> areas) {
    }

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    /** « Des voisins connaissent ce sujet » of each discussion page, kept while nothing changes (#11, ADR 0019). */
    private final VersionedMemo<TopicSubject, List<Match>> knowing = new VersionedMemo<>(5_000);

    @Inject
    private DirectoryService directory;

    @Inject
    private DirectoryIndex index;

    /**
     * The directory: collectives whose name or presentation contains the text (accent- and
     * case-insensitive), then the facets. Three projection queries whatever the filters (the
     * listed fields, the apps, the expertise): no profile entity is loaded; the facets are counted
     * in {@link DirectoryFacets} (see docs/perf.md for the measure at 2,000 collectives).
     */
    public DirectoryFacets.Result search(DirectoryQuery query) {
        List<DirectoryFacets.Listing> all = index.listings(this::listings);
        if (query.text() != null) {
            String like = "%" + query.text().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            Set<Long> found = new HashSet<>(em.createQuery("SELECT c.id FROM Collective c WHERE c.name LIKE :q ESCAPE '!' "
                            + "OR c.presentationMarkdown LIKE :q ESCAPE '!'", Long.class)
                    .setParameter("q", like).getResultList());
            all = all.stream().filter(l -> found.contains(l.collective().getId())).toList();
        }
        return DirectoryFacets.apply(all, query);
    }

    /** Every collective's listing, by name: three projection queries, no profile entity loaded. */
    private List<DirectoryFacets.Listing> listings() {
        List<Object[]> found = em.createQuery("SELECT c.id, c.slug, c.name, c.region, c.kind FROM Collective c WHERE " + DirectoryVisibility.LISTED + " ORDER BY c.name",
                Object[].class).getResultList();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, String> areaSlugs = directory.areas().stream().collect(Collectors.toMap(ExpertiseArea::getId, ExpertiseArea::getSlug));
        Map<Long, Set<String>> apps = new HashMap<>();
        for (Object[] a : em.createQuery("SELECT a.collectiveId, a.app FROM CollectiveApp a", Object[].class).getResultList()) {
            apps.computeIfAbsent((Long) a[0], k -> new HashSet<>()).add((String) a[1]);
        }
        Map<Long, Set<String>> helps = new HashMap<>();
        Map<Long, Set<String>> seeks = new HashMap<>();
        for (Object[] e : em.createQuery("SELECT e.collectiveId, e.areaId, e.direction FROM CollectiveExpertise e", Object[].class)
                .getResultList()) {
            (e[2] == Direction.CAN_HELP ? helps : seeks).computeIfAbsent((Long) e[0], k -> new HashSet<>()).add(areaSlugs.get((Long) e[1]));
        }
        List<DirectoryFacets.Listing> listings = new ArrayList<>(found.size());
        for (Object[] c : found) {
            Long id = (Long) c[0];
            String region = (String) c[3];
            listings.add(new DirectoryFacets.Listing(new DirectoryCard(id, (String) c[1], (String) c[2], region), region, (String) c[4],
                    Set.copyOf(apps.getOrDefault(id, Set.of())), Set.copyOf(helps.getOrDefault(id, Set.of())),
                    Set.copyOf(seeks.getOrDefault(id, Set.of()))));
        }
        return listings;
    }

    /**
     * Neighbours whose declared {@code theirs} direction meets this collective's opposite one:
     * with {@code CAN_HELP}, the collectives that can help where this one seeks help; with
     * {@code SEEKS_HELP}, those this one can help.
     */
    public List<Match> matches(Collective c, Direction theirs) {
        List<CollectiveExpertise> mine = em.createQuery(
                        "SELECT e FROM CollectiveExpertise e WHERE e.collectiveId = :c AND e.direction = :d", CollectiveExpertise.class)
                .setParameter("c", c.getId()).setParameter("d", theirs.opposite()).getResultList();
        if (mine.isEmpty()) {
            return List.of();
        }
        List<Long> areaIds = mine.stream().map(CollectiveExpertise::getAreaId).toList();
        List<CollectiveExpertise> others = em.createQuery(
                        "SELECT e FROM CollectiveExpertise e WHERE e.areaId IN :areas AND e.direction = :d AND e.collectiveId <> :c",
                        CollectiveExpertise.class)
                .setParameter("areas", areaIds).setParameter("d", theirs).setParameter("c", c.getId()).getResultList();
        Map<Long, ExpertiseArea> areas = directory.areas().stream().collect(Collectors.toMap(ExpertiseArea::getId, a -> a));
        Map<Long, List<ExpertiseArea>> byCollective = new LinkedHashMap<>();
        for (CollectiveExpertise e : others) {
            byCollective.computeIfAbsent(e.getCollectiveId(), k -> new ArrayList<>()).add(areas.get(e.getAreaId()));
        }
        List<Match> result = new ArrayList<>();
        for (Map.Entry<Long, List<ExpertiseArea>> e : byCollective.entrySet()) {
            Collective other = em.find(Collective.class, e.getKey());
            if (other == null || other.isHidden()) {
                continue;
            }
            List<ExpertiseArea> sorted = e.getValue().stream().sorted(Comparator.comparing(ExpertiseArea::getPosition)).toList();
            result.add(new Match(other, sorted));
        }
        result.sort(Comparator.comparing((Match m) -> -m.areas().size()).thenComparing(m -> m.collective().getName()));
        return result;
    }

    /** At most this many collectives in « Des voisins connaissent ce sujet ». */
    public static final int TOPIC_NEIGHBOURS = 3;

    /**
     * « Des voisins connaissent ce sujet »: up to {@value #TOPIC_NEIGHBOURS} collectives that can
     * help in the areas a forum topic is about ({@link TopicAreas}: its category, its tags), with
     * those areas; the most areas in common first, then the most recently updated profiles.
     */
    public List<Match> knowingNeighbours(String categorySlug, Collection<String> tagNames) {
        return knowing.get(new TopicSubject(categorySlug, List.copyOf(tagNames)), s -> readKnowingNeighbours(s.category(), s.tags()));
    }

    /** What a discussion is about, for « Des voisins connaissent ce sujet ». */
    private record TopicSubject(String category, List<String> tags) {
    }

    private List<Match> readKnowingNeighbours(String categorySlug, Collection<String> tagNames) {
        List<ExpertiseArea> all = directory.areas();
        Set<String> wanted = TopicAreas.of(categorySlug, tagNames, all.stream().map(ExpertiseArea::getSlug).toList());
        if (wanted.isEmpty()) {
            return List.of();
        }
        Map<Long, ExpertiseArea> areas = all.stream().filter(a -> wanted.contains(a.getSlug()))
                .collect(Collectors.toMap(ExpertiseArea::getId, a -> a));
        Map<Long, List<ExpertiseArea>> byCollective = new LinkedHashMap<>();
        em.createQuery("SELECT e FROM CollectiveExpertise e WHERE e.areaId IN :areas AND e.direction = :d", CollectiveExpertise.class)
                .setParameter("areas", areas.keySet()).setParameter("d", Direction.CAN_HELP).getResultStream()
                .forEach(e -> byCollective.computeIfAbsent(e.getCollectiveId(), k -> new ArrayList<>()).add(areas.get(e.getAreaId())));
        if (byCollective.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM Collective c WHERE c.id IN :ids AND " + DirectoryVisibility.LISTED, Collective.class)
                .setParameter("ids", byCollective.keySet()).getResultStream()
                .map(c -> new Match(c, byCollective.get(c.getId()).stream()
                        .sorted(Comparator.comparing(ExpertiseArea::getPosition)).toList()))
                .sorted(Comparator.comparing((Match m) -> -m.areas().size())
                        .thenComparing((Match m) -> m.collective().getUpdatedAt(), Comparator.reverseOrder())
                        .thenComparing(m -> m.collective().getName()))
                .limit(TOPIC_NEIGHBOURS)
                .toList();
    }

    /** A public profile as exported ({@code /voisins.json}): the collective, its apps and its expertise. */
    public record Profile(Collective collective, List<String> apps, List<Declared> expertise) {
    }

    /** Every collective's public profile, by name: three queries whatever their number. */
    public List<Profile> profiles() {
        Map<Long, ExpertiseArea> areas = directory.areas().stream().collect(Collectors.toMap(ExpertiseArea::getId, a -> a));
        Map<Long, List<String>> apps = new HashMap<>();
        for (CollectiveApp a : em.createQuery("SELECT a FROM CollectiveApp a", CollectiveApp.class).getResultList()) {
            apps.computeIfAbsent(a.getCollectiveId(), k -> new ArrayList<>()).add(a.getApp());
        }
        Map<Long, List<Declared>> expertise = new HashMap<>();
        for (CollectiveExpertise e : em.createQuery("SELECT e FROM CollectiveExpertise e", CollectiveExpertise.class).getResultList()) {
            expertise.computeIfAbsent(e.getCollectiveId(), k -> new ArrayList<>())
                    .add(new Declared(areas.get(e.getAreaId()), e.getDirection(), e.getNote()));
        }
        // A profile hidden by moderation (#6) leaves the export: its presentation is the problem.
        return em.createQuery("SELECT c FROM Collective c WHERE " + DirectoryVisibility.LISTED + " ORDER BY c.name", Collective.class).getResultStream()
                .map(c -> new Profile(c,
                        Apps.codes().stream().filter(apps.getOrDefault(c.getId(), List.of())::contains).toList(),
                        expertise.getOrDefault(c.getId(), List.of()).stream()
                                .sorted(Comparator.comparing((Declared d) -> d.area().getPosition())).toList()))
                .toList();
    }
}
