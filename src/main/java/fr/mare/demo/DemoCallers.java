package fr.mare.demo;

import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The demo members as callers of the services, read fresh each time (a suspension changes what they may do). */
@ApplicationScoped
class DemoCallers {

    @Inject
    private AccountService accounts;

    Caller as(String username) {
        return Caller.of(accounts.summary(username).orElseThrow(() -> new IllegalStateException("compte de démonstration inconnu : " + username)));
    }
}
