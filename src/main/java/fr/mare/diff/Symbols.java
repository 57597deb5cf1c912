package fr.mare.diff;

import java.util.HashMap;
import java.util.Map;

/**
 * Gives equal strings equal small ints, so the edit-script search compares ints, not strings:
 * one hash lookup per line or word instead of a string comparison at every step.
 */
final class Symbols {

    private final Map<String, Integer> ids = new HashMap<>();

    int id(String text) {
        Integer id = ids.get(text);
        if (id == null) {
            id = ids.size();
            ids.put(text, id);
        }
        return id;
    }
}
