package fr.mare.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Facets over listings already matched by the text search: the listings matching every filter,
 * and for each facet the count of each value among the listings matching all the <em>other</em>
 * filters (so a count says how many results choosing that value would give).
 */
public final class DirectoryFacets {

    /** A collective as the directory filters it. */
    public record Listing(DirectoryCard collective, String region, String kind, Set<String> apps,
                          Set<String> helps, Set<String> seeks) {
    }

    /** The result: the matching listings and the counts per facet (value → count, zero counts left out). */
    public record Result(List<Listing> listings, Map<String, Long> helps, Map<String, Long> seeks,
                         Map<String, Long> regions, Map<String, Long> apps, Map<String, Long> kinds) {
    }

    private enum Facet { HELPS, SEEKS, REGION, APP, KIND }

    private DirectoryFacets() {
    }

    public static Result apply(List<Listing> all, DirectoryQuery query) {
        List<Listing> matching = all.stream().filter(l -> matches(l, query, null)).toList();
        return new Result(matching,
                count(all, query, Facet.HELPS, Listing::helps),
                count(all, query, Facet.SEEKS, Listing::seeks),
                count(all, query, Facet.REGION, l -> Set.of(l.region())),
                count(all, query, Facet.APP, Listing::apps),
                count(all, query, Facet.KIND, l -> Set.of(l.kind())));
    }

    private static Map<String, Long> count(List<Listing> all, DirectoryQuery query, Facet facet,
                                           Function<Listing, Set<String>> values) {
        Map<String, Long> counts = new TreeMap<>();
        for (Listing l : all) {
            if (matches(l, query, facet)) {
                for (String v : values.apply(l)) {
                    counts.merge(v, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static boolean matches(Listing l, DirectoryQuery q, Facet ignored) {
        List<Predicate<Listing>> tests = new ArrayList<>();
        if (ignored != Facet.HELPS && q.helps() != null) {
            tests.add(x -> x.helps().contains(q.helps()));
        }
        if (ignored != Facet.SEEKS && q.seeks() != null) {
            tests.add(x -> x.seeks().contains(q.seeks()));
        }
        if (ignored != Facet.REGION && q.region() != null) {
            tests.add(x -> x.region().equals(q.region()));
        }
        if (ignored != Facet.APP && q.app() != null) {
            tests.add(x -> x.apps().contains(q.app()));
        }
        if (ignored != Facet.KIND && q.kind() != null) {
            tests.add(x -> x.kind().equals(q.kind()));
        }
        return tests.stream().allMatch(t -> t.test(l));
    }
}
