package fr.mare.directory;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DirectoryFacetsTest {

    private static DirectoryFacets.Listing listing(String region, String kind, Set<String> apps, Set<String> helps, Set<String> seeks) {
        return new DirectoryFacets.Listing(null, region, kind, apps, helps, seeks);
    }

    private final DirectoryFacets.Listing a = listing("35", "ASSOCIATION", Set.of("talk"), Set.of("sauvegardes"), Set.of());
    private final DirectoryFacets.Listing b = listing("35", "COOPERATIVE", Set.of("talk", "deck"), Set.of(), Set.of("sauvegardes"));
    private final DirectoryFacets.Listing c = listing("BE", "ASSOCIATION", Set.of("deck"), Set.of("sauvegardes"), Set.of());
    private final List<DirectoryFacets.Listing> all = List.of(a, b, c);

    @Test
    void withoutFiltersEverythingMatchesAndIsCounted() {
        DirectoryFacets.Result r = DirectoryFacets.apply(all, DirectoryQuery.ALL);
        assertEquals(all, r.listings());
        assertEquals(Map.of("35", 2L, "BE", 1L), r.regions());
        assertEquals(Map.of("talk", 2L, "deck", 2L), r.apps());
        assertEquals(Map.of("sauvegardes", 2L), r.helps());
        assertEquals(Map.of("sauvegardes", 1L), r.seeks());
        assertEquals(Map.of("ASSOCIATION", 2L, "COOPERATIVE", 1L), r.kinds());
    }

    @Test
    void filtersCombineAndEachFacetIgnoresItsOwnFilter() {
        DirectoryFacets.Result r = DirectoryFacets.apply(all, new DirectoryQuery(null, "sauvegardes", null, null, "deck", null));
        assertEquals(List.of(c), r.listings());
        assertEquals(Map.of("talk", 1L, "deck", 1L), r.apps(), "apps counted among those helping with backups");
        assertEquals(Map.of("BE", 1L), r.regions());
        assertEquals(Map.of("sauvegardes", 1L), r.helps(), "helps counted among deck users");
        assertEquals(Map.of(), r.seeks());
    }

    @Test
    void blankParametersMeanAny() {
        DirectoryQuery q = new DirectoryQuery(" ", "", null, "  ", null, "");
        assertEquals(DirectoryQuery.ALL, q);
        assertEquals(3, DirectoryFacets.apply(all, q).listings().size());
    }
}
