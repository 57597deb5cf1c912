package fr.mare.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The markup of page fragments rendered for one reader and kept for the next reader with the
 * same key (ADR 0038): a thread page renders each of its fifty posts once per different thing
 * they show, not once per page view. A key is a value (a record) holding <em>everything</em> the
 * fragment's markup is made of, so a change of any of it (an edit, a like, moderation, the date
 * « il y a 3 heures », what this reader may do) is a different key: nothing is invalidated
 * because nothing stale can be found. At most {@code mare.fragment-cache.max-bytes} (8 MiB) are
 * kept, least used first out; 0 turns the cache off (every fragment rendered each time).
 */
@ApplicationScoped
public class FragmentCache {

    /**
     * A kept fragment: its markup, cut where the page's view state field goes ({@code
     * <mare:viewState/>}): that field is written anew for each page, the rest as kept.
     */
    record Fragment(String[] parts, int weight) {
    }

    /** A key that holds text of its own, counted in its fragment's weight. */
    public interface Sized {
        int chars();
    }

    private static volatile FragmentCache instance;

    @Inject
    @ConfigProperty(name = "mare.fragment-cache.max-bytes", defaultValue = "8388608")
    long maxBytes;

    private Cache<Object, Fragment> fragments;

    /** The application's cache, for components (which get no injection). */
    static FragmentCache instance() {
        FragmentCache known = instance;
        if (known == null) {
            known = CDI.current().select(FragmentCache.class).get();
            instance = known;
        }
        return known;
    }

    @PostConstruct
    void create() {
        fragments = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maxBytes))
                .weigher((Object key, Fragment fragment) -> fragment.weight())
                .build();
    }

    boolean isEnabled() {
        return maxBytes > 0;
    }

    Fragment get(Object key) {
        return fragments.getIfPresent(key);
    }

    /**
     * Keeps a fragment. {@code keyChars}: the characters the key holds on its own (a post's HTML
     * it keeps alive), counted in the fragment's weight with its markup, two bytes each.
     */
    Fragment put(Object key, String[] parts, int keyChars) {
        int chars = keyChars;
        for (String part : parts) {
            chars += part.length();
        }
        Fragment fragment = new Fragment(parts, 2 * chars + 64 * parts.length + 256);
        fragments.put(key, fragment);
        return fragment;
    }
}
