package fr.mare.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One feature's coarse URL rules (security issue #10): the paths of its pages that need a
 * logged-in caller in a role. Each feature declares its own, next to its pages, with a CDI
 * producer ({@code XxxUrls}); {@link AccessRules} gathers them for {@link AccessFilter}. A path is
 * exact, or a prefix when it ends with "/". Fine-grained rules stay in each feature's service and
 * policy: these only spare people a useless page.
 */
public final class UrlRules {

    private final String feature;
    private final Map<String, String> roles = new LinkedHashMap<>();

    private UrlRules(String feature) {
        this.feature = feature;
    }

    public static UrlRules of(String feature) {
        return new UrlRules(feature);
    }

    /** Paths for any logged-in member. */
    public UrlRules member(String... paths) {
        return put("MEMBER", paths);
    }

    /** Paths for moderators (and administrators). */
    public UrlRules moderator(String... paths) {
        return put("MODERATOR", paths);
    }

    /** Paths for administrators. */
    public UrlRules admin(String... paths) {
        return put("ADMIN", paths);
    }

    private UrlRules put(String role, String... paths) {
        for (String path : paths) {
            if (!path.startsWith("/") || roles.putIfAbsent(path, role) != null) {
                throw new IllegalArgumentException(feature + " : règle d'adresse invalide ou en double : " + path);
            }
        }
        return this;
    }

    public String feature() {
        return feature;
    }

    /** Path to the role it needs, in the order declared. */
    public Map<String, String> roles() {
        return Collections.unmodifiableMap(roles);
    }
}
