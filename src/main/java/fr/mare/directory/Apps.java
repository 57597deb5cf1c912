package fr.mare.directory;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Nextcloud apps a collective may say it uses: stable codes (stored, in URLs) and their names. */
public final class Apps {

    public static final Map<String, String> ALL;

    static {
        Map<String, String> apps = new LinkedHashMap<>();
        apps.put("fichiers", "Fichiers");
        apps.put("agenda", "Agenda");
        apps.put("contacts", "Contacts");
        apps.put("talk", "Talk");
        apps.put("deck", "Deck");
        apps.put("office", "Collabora / Nextcloud Office");
        apps.put("onlyoffice", "OnlyOffice");
        apps.put("formulaires", "Formulaires");
        apps.put("tables", "Tables");
        apps.put("notes", "Notes");
        apps.put("collectives", "Collectives");
        apps.put("sondages", "Sondages");
        apps.put("mail", "Mail");
        ALL = Map.copyOf(apps);
        ORDER = apps.keySet().toArray(String[]::new);
    }

    private static final String[] ORDER;

    private Apps() {
    }

    /** The codes, in display order. */
    public static java.util.List<String> codes() {
        return java.util.List.of(ORDER);
    }

    public static boolean exists(String code) {
        return code != null && ALL.containsKey(code);
    }

    public static String name(String code) {
        return ALL.getOrDefault(code, code);
    }
}
