package fr.mare.forum;

/** The filters of topic lists (« sans réponse », « non résolus », « résolus »). */
public enum TopicFilter {
    ALL(""),
    UNANSWERED(" AND t.replyCount = 0"),
    UNSOLVED(" AND t.solutionPostId IS NULL"),
    SOLVED(" AND t.solutionPostId IS NOT NULL");

    final String jpql;

    TopicFilter(String jpql) {
        this.jpql = jpql;
    }

    /** From a URL parameter ({@code ?filtre=sans-reponse}); anything unknown means all. */
    public static TopicFilter fromParameter(String value) {
        if (value == null) {
            return ALL;
        }
        return switch (value) {
            case "sans-reponse" -> UNANSWERED;
            case "non-resolus" -> UNSOLVED;
            case "resolus" -> SOLVED;
            default -> ALL;
        };
    }

    public String parameter() {
        return switch (this) {
            case ALL -> "";
            case UNANSWERED -> "sans-reponse";
            case UNSOLVED -> "non-resolus";
            case SOLVED -> "resolus";
        };
    }
}
