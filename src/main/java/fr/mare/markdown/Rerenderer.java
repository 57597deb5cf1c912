package fr.mare.markdown;

import fr.mare.platform.DatabaseReady;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the promise of the stored renderer version (#16): at start, in the background, every
 * {@link StoredHtml} re-renders its rows of an older {@link MarkdownRenderer#VERSION}, a batch per
 * transaction. It is resumable by construction: a row's version changes with its HTML in the
 * same transaction, so a stop (or a failed batch) leaves the rest stale and the next start goes
 * on from there. Readers meanwhile see the old HTML, which was sanitised when it was stored.
 */
@ApplicationScoped
public class Rerenderer {

    private static final Logger LOG = Logger.getLogger(Rerenderer.class.getName());

    static final int BATCH = 100;

    @Inject
    @Any
    private Instance<StoredHtml<?>> stores;

    @Resource
    private ManagedExecutorService executor;

    /** After the seeds (demo 100, administrator 200): the pages answer while it runs. */
    void onDatabaseReady(@Observes @Priority(300) DatabaseReady ready) {
        start();
    }

    /** Starts a pass over every feature in the background. */
    public Future<Integer> start() {
        List<StoredHtml<?>> all = stores.stream().toList();
        return executor.submit(() -> all.stream().mapToInt(Rerenderer::rerenderAll).sum());
    }

    /** Re-renders every stale row of one store; a failed batch stops this store until the next start. */
    static int rerenderAll(StoredHtml<?> store) {
        int batches = 0;
        try {
            for (long after = store.rerender(0, BATCH); after >= 0; after = store.rerender(after, BATCH)) {
                batches++;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Nouveau rendu de " + store.what() + " interrompu ; il reprendra au prochain démarrage.", e);
        }
        if (batches > 0) {
            int done = batches;
            LOG.info(() -> "Nouveau rendu de " + store.what() + " : " + done + " lot(s) de " + BATCH + " au plus.");
        }
        return batches;
    }
}
