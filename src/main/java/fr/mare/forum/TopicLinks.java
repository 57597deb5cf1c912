package fr.mare.forum;


/** The addresses of topics and posts, for pages, feeds and other features (notifications): {@code /t/{id}/{slug}}, with the page and anchor of a post. */
public final class TopicLinks {

    private TopicLinks() {
    }

    public static String of(Topic topic) {
        return "/t/" + topic.getId() + "/" + topic.getSlug();
    }

    public static String of(Topic topic, Post post, int page) {
        return of(topic) + (page > 0 ? "?page=" + (page + 1) : "") + "#post-" + post.getId();
    }
}
