package fr.mare.forum.web;

import fr.mare.forum.TopicFilter;
import fr.mare.forum.TopicPage;

/** The query strings of a filtered, keyset-paged topic list ({@code /discussions}, {@code /c/{slug}}). */
final class TopicListLinks {

    private TopicListLinks() {
    }

    /** {@code filtre=…&apres=…} of the page after {@code page}, or null on the last one. */
    static String nextPageQuery(TopicFilter filter, TopicPage page) {
        if (page == null || page.next() == null) {
            return null;
        }
        String parameter = filter.parameter();
        return (parameter.isEmpty() ? "" : "filtre=" + parameter + "&") + "apres=" + page.next().toParameter();
    }
}
