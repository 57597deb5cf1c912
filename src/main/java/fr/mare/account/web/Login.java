package fr.mare.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import fr.mare.account.AccountService;
import fr.mare.account.LoginSessions;
import java.time.Clock;
import java.time.Instant;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * Asks Jakarta Security to log a person in from a Faces action (the login and registration
 * pages). The session id changes at login (Soteria renews it), which defeats session fixation.
 */
@RequestScoped
class Login {

    /**
     * Soteria leaves this attribute behind after a failed login; while it is there, protected
     * URLs of the same session answer an empty 200 instead of redirecting (VERIFIED.md).
     */
    static final String SOTERIA_CALLER_INITIATED = "org.glassfish.soteria.caller_initiated_authentication";

    @Inject
    private SecurityContext security;

    @Inject
    private HttpServletRequest request;

    @Inject
    private Clock clock;

    @Inject
    private AccountService accounts;

    @Inject
    private LoginSessions loginSessions;

    /**
     * SUCCESS: the caller redirects (PRG). SEND_CONTINUE: Soteria already answered (it sends the
     * person back to the page they wanted), the response is complete. Anything else: refused.
     */
    AuthenticationStatus authenticate(String username, String password) {
        return authenticate(new UsernamePasswordCredential(username == null ? "" : username, new Password(password == null ? "" : password)));
    }

    /** The same with any credential the identity store knows (the second step's: ADR 0023). */
    AuthenticationStatus authenticate(Credential credential) {
        FacesContext context = FacesContext.getCurrentInstance();
        HttpServletResponse response = (HttpServletResponse) context.getExternalContext().getResponse();
        if (request.getUserPrincipal() != null) {
            // Logging in as someone (else) starts from nobody: otherwise the session's existing
            // login would be applied again and the typed credentials never checked.
            loginSessions.end(Sessions.token(request));
            try {
                request.logout();
            } catch (jakarta.servlet.ServletException e) {
                throw new IllegalStateException(e);
            }
        }
        AuthenticationStatus status = security.authenticate(request, response, withParams()
                .newAuthentication(true)
                .credential(credential));
        if (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE) {
            Instant now = clock.instant();
            Sessions.stamp(request, now);
            String token = Sessions.bind(request, response);
            // The login's row, which lets the other nodes open it too (ADR 0032).
            if (request.getUserPrincipal() != null) {
                accounts.findByUsername(request.getUserPrincipal().getName())
                        .ifPresent(account -> loginSessions.open(token, account.getId(), now));
            }
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            context.responseComplete();
        } else if (status != AuthenticationStatus.SUCCESS) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(SOTERIA_CALLER_INITIATED);
            }
        }
        return status;
    }
}
