package fr.mare.forum;

import fr.mare.account.Caller;
import fr.mare.media.MediaHolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Images in posts (#15): seen by whoever reads the post in full ({@link ForumVisibility}): not hidden, deleted or pending for them. */
@ApplicationScoped
public class ForumMediaHolder implements MediaHolder {

    static final String KIND = "post";

    @Inject
    private ThreadReading threadReading;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean canSee(Caller reader, long id) {
        return threadReading.readablePost(reader, id).isPresent();
    }
}
