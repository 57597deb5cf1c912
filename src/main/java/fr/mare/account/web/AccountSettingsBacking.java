package fr.mare.account.web;

import fr.mare.web.ClientAddress;
import fr.mare.account.Account;
import fr.mare.account.AccountService;
import fr.mare.account.CurrentAccount;
import fr.mare.account.LoginSessions;
import fr.mare.account.PasswordRefusals;
import fr.mare.platform.BusinessException;
import fr.mare.platform.SecurityLog;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.inject.Named;

/**
 * {@code /compte}: the member edits their display name, e-mail and password. The page is
 * protected in web.xml; the service acts on the logged-in caller's own account only.
 */
@Named
@RequestScoped
public class AccountSettingsBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private CurrentAccount currentAccount;

    @Inject
    private HttpServletRequest request;

    @Inject
    private LoginSessions loginSessions;

    private String displayName;
    private String email;
    private String currentPassword;
    private String newPassword;
    private boolean emailVerified = true;
    private boolean pendingChange;

    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        Account account = accounts.findByUsername(currentAccount.getUsername())
                .orElseThrow(() -> new IllegalStateException("Compte connecté introuvable"));
        displayName = account.getDisplayName();
        email = account.getShownEmail();
        emailVerified = account.getPendingEmail() == null && account.isEmailVerified();
        pendingChange = account.getPendingEmail() != null && account.getEmail() != null;
    }

    public String saveProfile() {
        Boolean addressChange = FormMessages.call("profile", () -> accounts.updateProfile(currentAccount.getUsername(), displayName,
                email, currentPassword, ClientAddress.of(request)), this::logPasswordRefusal).orElse(null);
        if (addressChange == null) {
            return null;
        }
        currentAccount.refresh();
        if (addressChange) {
            // The same words whether the address is free or another account's (issue #10).
            FormMessages.flashInfo("account.settings.emailLinkSent", email.strip());
        } else {
            FormMessages.flashInfo("account.settings.profileSaved");
        }
        Navigation.redirect("/compte");
        return null;
    }

    public String savePassword() {
        // Every other session of the account ends; this one stays open.
        if (!FormMessages.run("changePassword", () -> survive(accounts.changePassword(currentAccount.getUsername(), currentPassword,
                newPassword, ClientAddress.of(request))), this::logPasswordRefusal)) {
            return null;
        }
        SecurityLog.event("mot-de-passe-changé", "nom", currentAccount.getUsername(), "adresse", ClientAddress.of(request));
        FormMessages.flashInfo("account.settings.passwordSaved");
        Navigation.redirect("/compte");
        return null;
    }

    /** This session survives the revocation it made, here and on the other nodes (its login's row: ADR 0032). */
    private void survive(java.time.Instant revokedAt) {
        Sessions.stamp(request, revokedAt);
        loginSessions.restamp(Sessions.token(request), revokedAt);
    }

    /** « Fermer mes autres sessions »: every session of the account but this one ends at its next request. */
    public String closeOtherSessions() {
        survive(accounts.closeOtherSessions(currentAccount.getUsername()));
        SecurityLog.event("sessions-fermées", "nom", currentAccount.getUsername(), "adresse", ClientAddress.of(request));
        FormMessages.flashInfo("account.settings.sessionsClosed");
        Navigation.redirect("/compte");
        return null;
    }

    /** « Renvoyer le lien » : a new verification link to the account's unproven address (throttled). */
    public String resendVerification() {
        if (!FormMessages.run("verification", () -> accounts.resendVerification(currentAccount.getUsername()))) {
            return null;
        }
        FormMessages.flashInfo("account.verify.resent");
        Navigation.redirect("/compte");
        return null;
    }

    /** A proven address is in use while a new one waits for its link. */
    public boolean isPendingChange() {
        return pendingChange;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    private void logPasswordRefusal(BusinessException e) {
        PasswordRefusals.log(e, currentAccount.getUsername(), ClientAddress.of(request));
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
