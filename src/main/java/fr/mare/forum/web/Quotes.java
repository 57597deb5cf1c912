package fr.mare.forum.web;

/** The Markdown quote that « Citer » puts in a reply form. */
final class Quotes {

    private Quotes() {
    }

    static String quote(String username, String markdown) {
        StringBuilder quote = new StringBuilder();
        if (!username.isEmpty()) {
            quote.append("> @").append(username).append(" :\n>\n");
        }
        for (String line : markdown.strip().split("\\R", -1)) {
            quote.append(line.isEmpty() ? ">" : "> " + line).append('\n');
        }
        return quote.append('\n').toString();
    }
}
