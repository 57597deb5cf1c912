package fr.mare.wiki.web;

import fr.mare.account.Caller;
import fr.mare.forum.ForumService;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.Topic;
import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.List;

/**
 * The tutorials' side of a discussion page ({@code /t/{id}/…}): « Documenté dans » the tutorials
 * drafted from it, and « Transformer en tutoriel » on a solved topic for logged-in members.
 */
@Named
@RequestScoped
public class WikiTopicBridgeBacking {

    @Inject
    @Param(pathIndex = 0)
    private String topicParameter;

    @Inject
    private WikiService wiki;

    @Inject
    private ForumService forum;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private Caller caller;

    @Inject
    private fr.mare.forum.ForumVisibility forumVisibility;

    private List<WikiPage> tutorials;

    private Long topicId() {
        return topicParameter != null && topicParameter.matches("[0-9]{1,18}") ? Long.valueOf(topicParameter) : null;
    }

    public List<WikiPage> getTutorials() {
        if (tutorials == null) {
            Long id = topicId();
            // Only for a discussion this reader may read (ForumVisibility, #10).
            tutorials = id == null || threadReading.topicFor(caller, id).filter(t -> forumVisibility.canRead(caller, t)).isEmpty()
                    ? List.of() : wiki.documenting(id);
        }
        return tutorials;
    }

    public boolean isCanConvert() {
        Long id = topicId();
        // A solved discussion whose solution this member may read: the draft copies it (#10).
        return !caller.isAnonymous() && id != null && threadReading.topicFor(caller, id).filter(t -> forumVisibility.canRead(caller, t))
                .flatMap(t -> threadReading.solutionFor(caller, t)).isPresent();
    }
}
