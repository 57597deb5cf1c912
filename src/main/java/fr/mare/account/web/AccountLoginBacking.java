package fr.mare.account.web;

import fr.mare.web.ClientAddress;
import fr.mare.account.LoginRefusal;
import fr.mare.account.LoginThrottle;
import fr.mare.account.PendingLogins;
import fr.mare.account.AccountService;
import fr.mare.account.Suspension;
import fr.mare.account.TwoFactorService;
import fr.mare.platform.SecurityLog;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;

/**
 * {@code /connexion}. The answer to a refused login is the same whether the name exists or
 * not. Throttled attempts are refused before any password is checked.
 */
@Named
@RequestScoped
public class AccountLoginBacking {

    @Inject
    private LoginThrottle throttle;

    @Inject
    private Login login;

    @Inject
    private HttpServletRequest request;

    @Inject
    private LoginRefusal refusal;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private AccountService accounts;

    @Inject
    private PendingLogins pendingLogins;

    @Inject
    private fr.mare.web.SessionDraft draft;

    private String username;
    private String password;
    private String returnTo;

    public String login() {
        String address = ClientAddress.of(request);
        Duration wait = throttle.remainingWait(username, address);
        if (!wait.isZero()) {
            SecurityLog.event("connexion-ralentie", "nom", username, "adresse", address);
            FormMessages.tooManyRequests("account.login.throttled", LoginThrottle.seconds(wait));
            return null;
        }
        AuthenticationStatus status = login.authenticate(username, password);
        if (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE) {
            SecurityLog.event("connexion", "nom", username, "adresse", address);
        }
        if (status == AuthenticationStatus.SUCCESS) {
            throttle.recordSuccess(username);
            draft.keep(Navigation.safeLocalPath(returnTo));
            Navigation.redirect(afterLogin(accounts, twoFactor, username, Navigation.safeLocalPath(returnTo)));
        } else if (status == AuthenticationStatus.SEND_CONTINUE) {
            throttle.recordSuccess(username);
        } else if (refusal.secondFactorAccount() != null) {
            // The password was right; the code comes next, on its own page. The name's failures are
            // not cleared: they go on counting wrong codes (ADR 0023).
            // The step is a row any node can finish (ADR 0036), its token a cookie of this browser.
            SecurityLog.event("connexion-code-demandé", "nom", username, "adresse", address);
            String destination = Navigation.safeLocalPath(returnTo);
            String token = pendingLogins.start(refusal.secondFactorAccount(), destination);
            draft.keep(destination, pendingLogins.current(token).map(PendingLogins.Pending::username).orElse(null));
            SecondFactorStep.keep(request, (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse(), token);
            Navigation.redirect(SecondFactorStep.PAGE);
        } else if (refusal.suspension() != null) {
            // The right password of a suspended account: say until when (not a failure to throttle).
            Suspension suspension = refusal.suspension();
            SecurityLog.event("connexion-refusée-compte-suspendu", "nom", username, "adresse", address);
            if (suspension.indefinite()) {
                FormMessages.error("account.login.suspendedIndefinitely", suspension.reason());
            } else {
                FormMessages.error("account.login.suspended", suspendedUntil(suspension.until()), suspension.reason());
            }
        } else {
            throttle.recordFailure(username, address);
            SecurityLog.event("connexion-refusée", "nom", username, "adresse", address);
            FormMessages.error("account.login.failed");
        }
        return null;
    }

    /**
     * Where a login goes: the page asked for, or first the enrolment page for a moderator or
     * administrator who still has no second factor (they cannot act as such before, ADR 0023).
     */
    static String afterLogin(AccountService accounts, TwoFactorService twoFactor, String username, String destination) {
        boolean mustEnrol = accounts.findByUsername(username)
                .map(twoFactor::mustEnrol).orElse(false);
        return mustEnrol ? AccountTwoFactorBacking.pagePath(destination) : destination;
    }

    static String suspendedUntil(java.time.Instant until) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", java.util.Locale.FRENCH)
                .format(until.atZone(AccountProfileBacking.DISPLAY_ZONE));
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Where to go after logging in ({@code ?retour=/compte}); only paths of this site are followed. */
    public String getReturnTo() {
        return returnTo;
    }

    public void setReturnTo(String returnTo) {
        this.returnTo = returnTo;
    }
}
