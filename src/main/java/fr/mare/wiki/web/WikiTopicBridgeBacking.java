package fr.mare.wiki.web;

import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * The tutorials' side of a discussion page ({@code /t/{id}/…}): « Documenté dans » the tutorials
 * drafted from it. The forum knows nothing of tutorials: the page composes the two, passing the
 * discussion it shows, which the forum read for this reader ({@code ForumVisibility}, #10); the
 * page asks only for a discussion its reader reads in full. « Transformer en tutoriel » needs
 * nothing from here: the page shows it to a member when the forum gave it a readable solution.
 */
@Named
@RequestScoped
public class WikiTopicBridgeBacking {

    @Inject
    private WikiService wiki;

    private List<WikiPage> tutorials;

    /** The listed tutorials drafted from this discussion. */
    public List<WikiPage> tutorialsOf(Long topicId) {
        if (tutorials == null) {
            tutorials = topicId == null ? List.of() : wiki.documenting(topicId);
        }
        return tutorials;
    }
}
