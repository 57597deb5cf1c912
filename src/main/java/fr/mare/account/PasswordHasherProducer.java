package fr.mare.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * The one {@link PasswordHasher} of the application, at full cost: 600,000 iterations, unless
 * {@code mare.password.iterations} ({@code MARE_PASSWORD_ITERATIONS}) says otherwise. A lower
 * cost is for the tests' server, where each of a thousand sign-ups and log-ins would spend 0.3 s
 * of a core (docs/adr/0037); Mare says at start that it is not for a real site. A count raised
 * later takes effect at each member's next log-in ({@link PasswordHasher#needsRehash}).
 */
@ApplicationScoped
class PasswordHasherProducer {

    private static final Logger LOG = Logger.getLogger(PasswordHasherProducer.class.getName());

    /** Below this, a hash is too cheap to be worth its name, even in tests. */
    static final int MIN_ITERATIONS = 1_000;

    @Inject
    @ConfigProperty(name = "mare.password.iterations", defaultValue = "" + PasswordHasher.DEFAULT_ITERATIONS)
    int iterations;

    /** Created with the application, so that a wrong count stops the start and a low one is said at once. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // Observing is enough: the container has created this bean, hence run check().
    }

    @PostConstruct
    void check() {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalStateException("MARE_PASSWORD_ITERATIONS vaut " + iterations + " : il faut au moins "
                    + MIN_ITERATIONS + " (600 000 par défaut).");
        }
        if (iterations < PasswordHasher.DEFAULT_ITERATIONS) {
            LOG.warning(() -> "MARE_PASSWORD_ITERATIONS = " + iterations + " : les mots de passe sont hachés avec moins des "
                    + PasswordHasher.DEFAULT_ITERATIONS + " itérations recommandées. Réservé aux essais, jamais pour un vrai site.");
        }
    }

    /** Dependent scope: the hasher is final and stateless, so it needs no proxy. */
    @Produces
    PasswordHasher hasher() {
        return new PasswordHasher(iterations);
    }
}
