package fr.mare.directory;

import fr.mare.platform.BusinessException;

import java.util.Collection;
import java.util.List;

/**
 * Rules of the expertise vocabulary, pure logic: what a typed area name must be, and which
 * areas a collective's form offers (the areas in use, plus the retired ones it already declares,
 * so that its admins may keep or drop them; a retired area is never offered to a new declaration).
 */
public final class Vocabulary {

    public static final int NAME_MIN = 3;
    public static final int NAME_MAX = 120;

    private Vocabulary() {
    }

    /** The name as stored (stripped), or a {@code directory.area.nameLength} error on the {@code name} field. */
    public static String name(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.length() < NAME_MIN || name.length() > NAME_MAX) {
            throw new BusinessException("directory.area.nameLength", "name", NAME_MIN, NAME_MAX);
        }
        return name;
    }

    /** The areas offered on a collective's form, in vocabulary order. */
    public static List<ExpertiseArea> offered(List<ExpertiseArea> all, Collection<Long> declaredAreaIds) {
        return all.stream().filter(a -> !a.isRetired() || declaredAreaIds.contains(a.getId())).toList();
    }
}
