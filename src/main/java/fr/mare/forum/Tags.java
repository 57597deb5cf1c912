package fr.mare.forum;

import fr.mare.markdown.Slugs;
import fr.mare.platform.BusinessException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Free tags, normalized once so that « Synchro », « synchro » and « synchro  » are one tag:
 * the slug of what was typed (lower-case ASCII with dashes), 2 to 30 characters, at most
 * {@value #MAX} per topic.
 */
public final class Tags {

    public static final int MAX = 5;
    static final int MAX_LENGTH = 30;

    private Tags() {
    }

    /** Comma-separated input to normalized tags, without duplicates, in the order typed. */
    public static List<String> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String part : typed.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            String tag = normalize(part);
            if (tag.length() < 2 || tag.length() > MAX_LENGTH) {
                throw new BusinessException("forum.tags.invalid", "tags", MAX_LENGTH);
            }
            tags.add(tag);
        }
        if (tags.size() > MAX) {
            throw new BusinessException("forum.tags.tooMany", "tags", MAX);
        }
        return List.copyOf(tags);
    }

    public static String normalize(String typed) {
        String slug = Slugs.slugify(typed.strip());
        return "sans-titre".equals(slug) ? "" : slug;
    }
}
