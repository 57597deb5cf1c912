package fr.mare.forum.web;

import fr.mare.forum.Category;
import fr.mare.forum.ForumCategories;
import fr.mare.forum.ForumService;
import fr.mare.forum.PostBodies;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicLinks;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * {@code /nouveau-sujet[?categorie=slug]}: title, category and Markdown body; « Aperçu » renders
 * the body on the server (no JavaScript) and keeps everything typed; « Publier » creates the topic
 * and redirects to it.
 */
@Named
@RequestScoped
public class ForumNewTopicBacking {

    @Inject
    private ForumService forum;

    @Inject
    private PostBodies bodies;

    @Inject
    private ForumCategories forumCategories;

    @Inject
    private fr.mare.account.Caller caller;

    private String category;
    private String title;
    private String body;
    private String preview;
    private String tags;

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public void load() {
        if (!FacesContext.getCurrentInstance().isPostback() && category != null && forumCategories.category(category).isEmpty()) {
            category = null;
        }
    }

    public String preview() {
        FormMessages.call("topic", () -> bodies.preview(body)).ifPresent(html -> preview = html);
        return null;
    }

    public String publish() {
        Topic topic = FormMessages.call("topic", () -> forum.createTopic(caller, category, title, body, tags)).orElse(null);
        if (topic == null) {
            return null;
        }
        FormMessages.flashInfo(topic.isPending() ? "forum.newTopic.held" : "forum.newTopic.published");
        Navigation.redirect(TopicLinks.of(topic));
        return null;
    }

    public List<Category> getCategories() {
        return forumCategories.categories();
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getPreview() {
        return preview;
    }
}
