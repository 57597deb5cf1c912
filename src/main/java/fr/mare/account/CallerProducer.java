package fr.mare.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/**
 * Produces the current {@link Caller} from the servlet request's principal and the account's role.
 * A page injects it into several beans (a router and each fragment's bean); the account is read
 * once per request and principal, then the request keeps the answer.
 */
@ApplicationScoped
class CallerProducer {

    private static final String REQUEST_ATTRIBUTE = CallerProducer.class.getName();

    /** The caller worked out for one principal name within this request. */
    private record Known(String principal, Caller caller) {
    }

    @Inject
    private HttpServletRequest request;

    @Inject
    private AccountService accounts;

    @Inject
    private TwoFactorService twoFactor;

    @Produces
    Caller caller() {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return Caller.ANONYMOUS;
        }
        if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Known known && known.principal().equals(principal.getName())) {
            return known.caller();
        }
        // Roles from the account itself (the identity store derives the session's groups from the
        // same column); asking the request fails on error dispatches.
        // A suspended member (suspended during their session) writes nothing, even before
        // account.web.SuspensionFilter logs them out.
        Caller caller = accounts.findByUsername(principal.getName())
                .filter(a -> accounts.suspension(a).isEmpty())
                // Moderation and administration without their second factor act as a member (ADR 0023).
                .map(a -> twoFactor.mustEnrol(a) ? new Caller(a.getId(), a.getUsername(), false, false) : Caller.of(AccountSummary.of(a)))
                .orElse(Caller.ANONYMOUS);
        request.setAttribute(REQUEST_ATTRIBUTE, new Known(principal.getName(), caller));
        return caller;
    }
}
