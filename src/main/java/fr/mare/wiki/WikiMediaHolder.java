package fr.mare.wiki;

import fr.mare.account.Caller;
import fr.mare.media.MediaHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Images in tutorials (#15): seen by whoever reads the tutorial's text ({@link WikiVisibility}). */
@ApplicationScoped
public class WikiMediaHolder implements MediaHolder {

    static final String KIND = "tutorial";

    @Inject
    private WikiService wiki;

    @Inject
    private WikiVisibility visibility;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean canSee(Caller reader, long id) {
        return wiki.page(id).map(page -> visibility.canReadText(reader, page)).orElse(false);
    }
}
