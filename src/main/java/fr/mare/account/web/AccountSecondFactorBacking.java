package fr.mare.account.web;

import fr.mare.web.ClientAddress;
import fr.mare.account.AccountService;
import fr.mare.account.LoginRefusal;
import fr.mare.account.LoginThrottle;
import fr.mare.account.PendingLogins;
import fr.mare.account.SecondFactorCredential;
import fr.mare.account.TwoFactorService;
import fr.mare.platform.SecurityLog;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;

/**
 * {@code /code-de-connexion}: the second step of a login with two-factor authentication (ADR
 * 0023), a plain form (no JavaScript). The code of the app, or a backup code. Wrong and replayed
 * codes count as failed logins (same throttle, same counters as the password); the login ends
 * only when a code is accepted, and a code is accepted once.
 */
@Named
@RequestScoped
public class AccountSecondFactorBacking {

    @Inject
    private HttpServletRequest request;

    @Inject
    private PendingLogins pendingLogins;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private AccountService accounts;

    @Inject
    private LoginThrottle throttle;

    @Inject
    private LoginRefusal refusal;

    @Inject
    private Login login;

    private String code;

    /** Without a login half done (or after five minutes, or ten wrong codes), back to the login page. */
    public void load() {
        String token = SecondFactorStep.token(request);
        if (!FacesContext.getCurrentInstance().isPostback() && pendingLogins.current(token).isEmpty()) {
            if (token != null) {
                SecondFactorStep.forget(request, response());
            }
            Navigation.redirect("/connexion");
        }
    }

    public String verify() {
        // The step is read from the database, not from this node's session (ADR 0036): the
        // password may have been checked by another node.
        String token = SecondFactorStep.token(request);
        PendingLogins.Pending step = pendingLogins.current(token).orElse(null);
        if (step == null) {
            return stepExpired();
        }
        String address = ClientAddress.of(request);
        Duration wait = throttle.remainingWait(step.username(), address);
        if (!wait.isZero()) {
            SecurityLog.event("code-ralenti", "nom", step.username(), "adresse", address);
            FormMessages.tooManyRequests("account.twoFactor.throttled", LoginThrottle.seconds(wait));
            return null;
        }
        TwoFactorService.Check result = twoFactor.check(step.accountId(), code);
        if (result == TwoFactorService.Check.WRONG || result == TwoFactorService.Check.REPLAYED) {
            throttle.recordFailure(step.username(), address);
            pendingLogins.wrongCode(token);
            SecurityLog.event(result == TwoFactorService.Check.REPLAYED ? "code-rejoué-refusé" : "code-refusé",
                    "nom", step.username(), "adresse", address);
            FormMessages.error("account.twoFactor.codeWrong");
            return null;
        }
        if (!pendingLogins.finish(token)) {
            // Finished meanwhile by the same code sent to another node, or expired this instant.
            return stepExpired();
        }
        SecondFactorStep.forget(request, response());
        refusal.secondFactorPassed(step.username());
        AuthenticationStatus status = login.authenticate(new SecondFactorCredential(step.username()));
        if (status != AuthenticationStatus.SUCCESS && status != AuthenticationStatus.SEND_CONTINUE) {
            // Suspended between the two steps: the login page says until when.
            FormMessages.flashInfo("account.twoFactor.stepExpired");
            Navigation.redirect("/connexion");
            return null;
        }
        throttle.recordSuccess(step.username());
        SecurityLog.event("connexion", "nom", step.username(), "adresse", address, "second-facteur",
                result == TwoFactorService.Check.BACKUP_CODE ? "code-de-secours" : "application");
        if (result == TwoFactorService.Check.BACKUP_CODE) {
            FormMessages.flashInfo("account.twoFactor.backupCodeUsed", twoFactor.backupCodesLeft(step.accountId()));
        }
        if (status == AuthenticationStatus.SUCCESS) {
            Navigation.redirect(AccountLoginBacking.afterLogin(accounts, twoFactor, step.username(), step.returnTo()));
        }
        return null;
    }

    private String stepExpired() {
        SecondFactorStep.forget(request, response());
        FormMessages.flashInfo("account.twoFactor.stepExpired");
        Navigation.redirect("/connexion");
        return null;
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse();
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
