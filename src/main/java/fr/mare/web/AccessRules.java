package fr.mare.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every feature's {@link UrlRules}, gathered once at start (#10). Two features claiming the same
 * path is a mistake found at deployment, not a rule picked by chance. The site's own rule is the
 * administration area: every page under {@code /admin/} needs an administrator, whichever feature
 * it belongs to, so a new administration page is never public by mistake.
 */
@ApplicationScoped
public class AccessRules {

    /** The administration area, the shared core's one rule. */
    static final UrlRules SITE = UrlRules.of("site").admin("/admin/");

    @Inject
    @Any
    private Instance<UrlRules> declared;

    private Map<String, String> rules;

    protected AccessRules() {
    }

    /** The rules of the given features (tests); the deployed bean reads every feature's producer. */
    static AccessRules of(List<UrlRules> features) {
        AccessRules access = new AccessRules();
        access.rules = merge(features);
        return access;
    }

    @PostConstruct
    void gather() {
        rules = merge(declared.stream().toList());
    }

    private static Map<String, String> merge(List<UrlRules> features) {
        Map<String, String> merged = new HashMap<>(SITE.roles());
        Map<String, String> owner = new HashMap<>();
        SITE.roles().keySet().forEach(path -> owner.put(path, SITE.feature()));
        for (UrlRules feature : features) {
            feature.roles().forEach((path, role) -> {
                String before = owner.putIfAbsent(path, feature.feature());
                if (before != null) {
                    throw new IllegalStateException("L'adresse " + path + " est déclarée par " + before + " et par " + feature.feature());
                }
                merged.put(path, role);
            });
        }
        return Map.copyOf(merged);
    }

    /**
     * The role a normalized path needs ({@link AccessFilter#normalizedPath}): an exact rule first,
     * else the longest prefix rule; null when the page is open to everyone.
     */
    public String requiredRole(String path) {
        String exact = rules.get(path);
        if (exact != null) {
            return exact;
        }
        String role = null;
        int longest = -1;
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            String prefix = rule.getKey();
            if (prefix.endsWith("/") && path.startsWith(prefix) && prefix.length() > longest) {
                role = rule.getValue();
                longest = prefix.length();
            }
        }
        return role;
    }
}
