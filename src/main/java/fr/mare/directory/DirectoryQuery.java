package fr.mare.directory;

/**
 * The directory's filters, as GET parameters: {@code q} (text), {@code aide} (an area where the
 * collective can help), {@code besoin} (an area where it seeks help), {@code region},
 * {@code app} and {@code type}. Null means « any ».
 */
public record DirectoryQuery(String text, String helps, String seeks, String region, String app, String kind) {

    public static final DirectoryQuery ALL = new DirectoryQuery(null, null, null, null, null, null);

    public DirectoryQuery {
        text = blankToNull(text);
        helps = blankToNull(helps);
        seeks = blankToNull(seeks);
        region = blankToNull(region);
        app = blankToNull(app);
        kind = blankToNull(kind);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public boolean isEmpty() {
        return text == null && helps == null && seeks == null && region == null && app == null && kind == null;
    }
}
