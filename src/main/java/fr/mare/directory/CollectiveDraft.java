package fr.mare.directory;

import fr.mare.markdown.Slugs;
import fr.mare.platform.BusinessException;
import fr.mare.platform.BusinessExceptions;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A collective's form as typed: {@link #check()} validates it (without the database) into a
 * {@link Checked} draft, or throws a {@link BusinessException} with a {@code directory.*} key
 * and the field it concerns. Expertise is keyed by area slug.
 */
public record CollectiveDraft(String name, String slug, String presentation, String kind, String region,
                              String sizeBand, String website, Set<String> apps, Map<String, Expertise> expertise) {

    public static final int NAME_MIN = 3;
    public static final int NAME_MAX = 120;
    public static final int PRESENTATION_MAX = 8000;
    public static final int WEBSITE_MAX = 300;
    public static final int NOTE_MAX = 300;
    public static final Set<String> SIZE_BANDS = Set.of("1-10", "11-50", "51-200", "200+");
    /**
     * Path segments of {@code /voisins/…} that are never collectives' slugs. Here, with the rule
     * that checks slugs, rather than in the service that uses this draft (#16).
     */
    public static final Set<String> RESERVED_SLUGS = Set.of("nouveau", "modifier", "recherche", "export");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** One declared expertise as typed. */
    public record Expertise(Direction direction, String note) {
    }

    /** A valid draft: trimmed, with a slug and known codes. */
    public record Checked(String name, String slug, String presentation, CollectiveKind kind, String region,
                          String sizeBand, String website, Set<String> apps, Map<String, Expertise> expertise) {
    }

    /** Every field checked before refusing (#14): one submit tells all that is wrong. */
    public Checked check() {
        BusinessExceptions.Collector checks = new BusinessExceptions.Collector();
        String n = checks.check(this::checkedName);
        String s = n == null ? null : checks.check(() -> checkedSlug(n));
        String p = checks.check(this::checkedPresentation);
        CollectiveKind k = checks.check(() -> {
            try {
                return CollectiveKind.valueOf(kind == null ? "" : kind);
            } catch (IllegalArgumentException e) {
                throw new BusinessException("directory.kind.required", "kind");
            }
        });
        checks.check(() -> {
            if (!Regions.exists(region)) {
                throw new BusinessException("directory.region.required", "region");
            }
            return region;
        });
        checks.check(() -> {
            if (sizeBand == null || !SIZE_BANDS.contains(sizeBand)) {
                throw new BusinessException("directory.size.required", "size");
            }
            return sizeBand;
        });
        String w = website == null || website.isBlank() ? null : website.strip();
        checks.check(() -> {
            if (w != null && !validWebsite(w)) {
                throw new BusinessException("directory.website.invalid", "website");
            }
            return w;
        });
        Set<String> a = checks.check(this::checkedApps);
        Map<String, Expertise> e = new LinkedHashMap<>();
        if (expertise != null) {
            for (Map.Entry<String, Expertise> entry : expertise.entrySet()) {
                Expertise x = entry.getValue();
                if (x == null || x.direction() == null) {
                    continue;
                }
                String note = x.note() == null ? "" : x.note().strip();
                checks.check(() -> {
                    if (note.length() > NOTE_MAX) {
                        throw new BusinessException("directory.note.tooLong", "note-" + entry.getKey(), NOTE_MAX);
                    }
                    return note;
                });
                e.put(entry.getKey(), new Expertise(x.direction(), note));
            }
        }
        checks.throwIfAny();
        return new Checked(n, s, p, k, region, sizeBand, w, Set.copyOf(a), Map.copyOf(e));
    }

    private String checkedName() {
        String n = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (n.isEmpty()) {
            throw new BusinessException("directory.name.required", "name");
        }
        if (n.length() < NAME_MIN) {
            throw new BusinessException("directory.name.tooShort", "name", NAME_MIN);
        }
        if (n.length() > NAME_MAX) {
            throw new BusinessException("directory.name.tooLong", "name", NAME_MAX);
        }
        return n;
    }

    private String checkedSlug(String n) {
        String s = slug == null || slug.isBlank() ? Slugs.slugify(n) : slug.strip().toLowerCase(Locale.ROOT);
        if (s.length() > Slugs.MAX_LENGTH || !SLUG.matcher(s).matches() || RESERVED_SLUGS.contains(s)) {
            throw new BusinessException("directory.slug.invalid", "slug");
        }
        return s;
    }

    private String checkedPresentation() {
        String p = presentation == null ? "" : presentation.strip();
        if (p.isEmpty()) {
            throw new BusinessException("directory.presentation.required", "presentation");
        }
        if (p.length() > PRESENTATION_MAX) {
            throw new BusinessException("directory.presentation.tooLong", "presentation", PRESENTATION_MAX);
        }
        return p;
    }

    private Set<String> checkedApps() {
        Set<String> a = new TreeSet<>();
        if (apps != null) {
            for (String app : apps) {
                if (!Apps.exists(app)) {
                    throw new BusinessException("directory.app.unknown", null);
                }
                a.add(app);
            }
        }
        return a;
    }

    static boolean validWebsite(String w) {
        if (w.length() > WEBSITE_MAX || !(w.startsWith("https://") || w.startsWith("http://"))) {
            return false;
        }
        try {
            URI uri = URI.create(w);
            return uri.getHost() != null && uri.getHost().contains(".");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
