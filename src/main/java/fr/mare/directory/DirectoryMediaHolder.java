package fr.mare.directory;

import fr.mare.account.Caller;
import fr.mare.media.MediaHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Images in collective profiles (#15): seen by whoever reads the profile's own words ({@link DirectoryVisibility}). */
@ApplicationScoped
public class DirectoryMediaHolder implements MediaHolder {

    static final String KIND = "collective";

    @Inject
    private DirectoryService directory;

    @Inject
    private DirectoryVisibility visibility;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean canSee(Caller reader, long id) {
        return directory.collective(id)
                .map(c -> visibility.canReadProfile(reader, c, !reader.isAnonymous() && directory.canEdit(reader, c)))
                .orElse(false);
    }
}
