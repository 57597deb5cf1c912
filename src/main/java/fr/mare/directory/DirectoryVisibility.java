package fr.mare.directory;

import fr.mare.account.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one rule of who reads what of a collective's profile (#10). A profile hidden by moderation
 * keeps its name and address (its page answers, with the notice), but its own words — the
 * presentation and the notes on its expertise — are read only by its admins and moderation; it
 * leaves every list that shows profiles (the directory, the export {@code /voisins.json},
 * « Voisins qui peuvent vous aider », « Des voisins connaissent ce sujet »), each of which embeds
 * {@link #LISTED}.
 */
@ApplicationScoped
public class DirectoryVisibility {

    /** JPQL, a collective aliased {@code c} that lists and the export show. */
    public static final String LISTED = "c.moderation.hiddenAt IS NULL";

    /** Whether this caller reads the profile's own words ({@code admin}: the caller is one of its active admins). */
    public boolean canReadProfile(Caller caller, Collective collective, boolean admin) {
        return collective != null && (!collective.isHidden() || caller.moderator() || admin);
    }
}
