package fr.mare.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one {@link PasswordHasher} of the application, at full cost (600,000 iterations). */
@ApplicationScoped
class PasswordHasherProducer {

    /** Dependent scope: the hasher is final and stateless, so it needs no proxy. */
    @Produces
    PasswordHasher hasher() {
        return new PasswordHasher();
    }
}
