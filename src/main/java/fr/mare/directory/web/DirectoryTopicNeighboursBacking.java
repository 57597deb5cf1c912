package fr.mare.directory.web;

import fr.mare.directory.DirectorySearchService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * The directory's side of a discussion page ({@code /t/{id}/…}): « Des voisins connaissent ce
 * sujet », the collectives that can help in the areas of the topic's category or tags. The forum
 * knows nothing of the directory: the page composes the two, passing the category and tags of
 * the discussion it shows, which the forum read for this reader ({@code ForumVisibility}, #10);
 * the page asks only for a discussion its reader reads in full.
 */
@Named
@RequestScoped
public class DirectoryTopicNeighboursBacking {

    @Inject
    private DirectorySearchService search;

    private List<DirectorySearchService.Match> neighbours;

    public List<DirectorySearchService.Match> of(String categorySlug, List<String> tags) {
        if (neighbours == null) {
            neighbours = search.knowingNeighbours(categorySlug, tags == null ? List.of() : tags);
        }
        return neighbours;
    }
}
