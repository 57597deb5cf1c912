package fr.mare.moderation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A target as written in {@code /signaler?cible={type}:{id}}: a lower-case type and a positive id. */
public record TargetKey(String type, long id) {

    private static final Pattern FORMAT = Pattern.compile("([a-z]{1,20}):([1-9][0-9]{0,17})");

    /** Empty for anything malformed (no colon, upper case, id 0 or negative, too long). */
    public static Optional<TargetKey> parse(String cible) {
        if (cible == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(cible.strip());
        return m.matches() ? Optional.of(new TargetKey(m.group(1), Long.parseLong(m.group(2)))) : Optional.empty();
    }

    @Override
    public String toString() {
        return type + ":" + id;
    }
}
