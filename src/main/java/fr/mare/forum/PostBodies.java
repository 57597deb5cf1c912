package fr.mare.forum;

import fr.mare.markdown.ContentTooLargeException;
import fr.mare.markdown.Markdown;
import fr.mare.markdown.Rendered;
import fr.mare.media.MediaService;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A post's body, from what was typed to what it leaves behind (#16: the posting service keeps the
 * rules of posting, this keeps the text): the Markdown pipeline with mentions linked, the preview,
 * the site paths and images the body uses, and the mentions it announces. The one pipeline for
 * a question, a reply, an edit and a preview, so that what is previewed is what is published.
 */
@ApplicationScoped
public class PostBodies {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Markdown markdown;

    @Inject
    private Mentions mentions;

    @Inject
    private MediaService media;

    @Inject
    private Event<ForumEvent> events;

    /** Server-side preview: the same pipeline as publishing, nothing saved. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String preview(String typed) {
        return render(typed).html();
    }

    /** The typed Markdown rendered, mentions linked; refused when empty or longer than {@link ForumService#BODY_MAX}. */
    Rendered render(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new BusinessException("forum.body.required", "body");
        }
        if (typed.length() > ForumService.BODY_MAX) {
            throw new BusinessException("forum.body.tooLong", "body", ForumService.BODY_MAX);
        }
        try {
            Rendered rendered = markdown.render(typed);
            return new Rendered(mentions.link(rendered.html()), rendered.version(), rendered.headings(), rendered.links(),
                    rendered.linkCount());
        } catch (ContentTooLargeException e) {
            throw new BusinessException("forum.body.tooLong", "body", ForumService.BODY_MAX);
        }
    }

    /** Remembers the images and the site paths a new post uses (internal links only, without query or fragment). */
    void saveLinks(Post post, Rendered body) {
        media.used(ForumMediaHolder.KIND, post.getId(), body.html());
        String host = markdown.siteHost();
        Set<String> targets = new LinkedHashSet<>();
        for (String link : body.links()) {
            URI uri;
            try {
                uri = URI.create(link);
            } catch (IllegalArgumentException e) {
                continue;
            }
            boolean internal = uri.getHost() == null
                    || host.equalsIgnoreCase(uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
            if (internal && uri.getRawPath() != null && uri.getRawPath().startsWith("/") && uri.getRawPath().length() <= 255) {
                targets.add(URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8));
            }
        }
        targets.forEach(target -> em.persist(new PostLink(post.getId(), target)));
    }

    /** After an edit: the links of the new text replace those of the old one. */
    void relink(Post post, Rendered body) {
        em.createQuery("DELETE FROM PostLink l WHERE l.postId = :post").setParameter("post", post.getId()).executeUpdate();
        saveLinks(post, body);
    }

    /** Announces the members a published post mentions (after commit, ADR 0007), never its author. */
    void fireMentions(long topicId, Post post) {
        Set<Long> mentioned = new HashSet<>(mentions.mentionedIn(post.getBodyHtml()));
        mentioned.remove(post.getAuthorId());
        if (!mentioned.isEmpty()) {
            events.fire(new ForumEvent.MembersMentioned(topicId, post.getId(), post.getAuthorId(), Set.copyOf(mentioned)));
        }
    }
}
