package fr.mare.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one mail, built once and rendered twice: plain text and a simple HTML version,
 * every piece of which is escaped (a member's display name or a topic title can hold anything).
 * Paragraphs and one or more links (a button-like link in HTML, the bare address in text).
 */
public final class MailBody {

    private sealed interface Block permits Paragraph, Link {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Link(String label, String url) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    public static MailBody create() {
        return new MailBody();
    }

    public MailBody paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    /** A link: only {@code http(s)} addresses, built by Mare from its public address. */
    public MailBody link(String label, String url) {
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException("lien de courriel non http(s)");
        }
        blocks.add(new Link(label, url));
        return this;
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (!out.isEmpty()) {
                out.append("\n\n");
            }
            switch (block) {
                case Paragraph p -> out.append(p.text());
                case Link l -> out.append(l.label()).append(" :\n").append(l.url());
            }
        }
        return out.append("\n\n-- \nMare\n").toString();
    }

    public String html() {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"></head>"
                + "<body style=\"font-family:sans-serif;line-height:1.5;color:#1d2733;max-width:40em\">\n");
        for (Block block : blocks) {
            switch (block) {
                case Paragraph p -> out.append("<p>").append(escape(p.text()).replace("\n", "<br>")).append("</p>\n");
                case Link l -> out.append("<p><a href=\"").append(escape(l.url()))
                        .append("\" style=\"display:inline-block;padding:.5em 1em;background:#0b5cad;color:#fff;text-decoration:none;border-radius:4px\">")
                        .append(escape(l.label())).append("</a></p>\n<p style=\"font-size:.9em;color:#555\">")
                        .append(escape(l.url())).append("</p>\n");
            }
        }
        return out.append("<p style=\"color:#555\">— Mare</p>\n</body></html>\n").toString();
    }

    /** HTML escaping of text and attribute values (double-quoted). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
