package fr.mare.wiki;

import java.util.regex.Pattern;

/**
 * The Markdown of a tutorial drafted from a solved discussion: the question quoted with its
 * author, the accepted solution with its author, and the link back, so the attribution the
 * license asks for travels with the text. Stored texts are French, like the rest of the content.
 */
final class TopicDraft {

    private static final Pattern LINE_START = Pattern.compile("(?m)^");

    private TopicDraft() {
    }

    static String body(String topicTitle, String topicPath, String questionAuthor, String question,
                       String solutionAuthor, String solution) {
        String link = "[« " + escape(topicTitle) + " »](" + topicPath + ")";
        return "## La question\n\n"
                + "Posée par @" + questionAuthor + " dans la discussion " + link + " :\n\n"
                + LINE_START.matcher(question.strip()).replaceAll("> ") + "\n\n"
                + "## La solution\n\n"
                + "Proposée par @" + solutionAuthor + " et choisie comme solution :\n\n"
                + solution.strip() + "\n\n"
                + "---\n\n"
                + "*Tutoriel tiré de la discussion " + link + ", avec les contributions de @" + questionAuthor
                + (questionAuthor.equals(solutionAuthor) ? "" : " et @" + solutionAuthor) + ".*\n";
    }

    private static String escape(String title) {
        return title.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("*", "\\*").replace("_", "\\_");
    }
}
