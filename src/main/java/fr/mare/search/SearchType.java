package fr.mare.search;

/** The kinds of documents search finds; {@link #param} is the value of {@code ?type=} in the URL. */
public enum SearchType {
    TOPIC("discussions"),
    TUTORIAL("tutoriels"),
    COLLECTIVE("voisins");

    private final String param;

    SearchType(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    /** The type named in the URL, or null for any other value (no filter). */
    public static SearchType ofParam(String value) {
        for (SearchType type : values()) {
            if (type.param.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
