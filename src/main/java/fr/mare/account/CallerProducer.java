package fr.mare.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/** Produces the current {@link Caller} from the servlet request's principal and the account's role. */
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
        // Roles from the account itself (the identity store derives the session's groups from the
        // same column); asking the request fails on error dispatches.
        // A suspended member (suspended during their session) writes nothing, even before
        // account.web.SuspensionFilter logs them out.
        return accounts.findByUsername(principal.getName())
                .filter(a -> accounts.suspension(a).isEmpty())
                .map(a -> Caller.of(AccountSummary.of(a)))
                .orElse(Caller.ANONYMOUS);
    }
}
