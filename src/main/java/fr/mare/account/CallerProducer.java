package fr.mare.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/** Produces the current {@link Caller} from the servlet request's principal and roles. */
@ApplicationScoped
class CallerProducer {

    @Inject
    private HttpServletRequest request;

    @Inject
    private AccountService accounts;

    @Produces
    Caller caller() {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return Caller.ANONYMOUS;
        }
        return accounts.findByUsername(principal.getName())
                .map(a -> new Caller(a.getId(), a.getUsername(), request.isUserInRole("MODERATOR"), request.isUserInRole("ADMIN")))
                .orElse(Caller.ANONYMOUS);
    }
}
