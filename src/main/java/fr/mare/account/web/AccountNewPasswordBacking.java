package fr.mare.account.web;

import fr.mare.web.ClientAddress;
import fr.mare.account.AccountService;
import fr.mare.platform.SecurityLog;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /nouveau-mot-de-passe?jeton=…}: the page behind a reset link. Opening it changes nothing
 * (mail scanners open links); the new password is set by the form's POST, which uses the link up
 * and ends every session of the account.
 */
@Named
@RequestScoped
public class AccountNewPasswordBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private HttpServletRequest request;

    private String token;
    private String password;
    private boolean valid;

    public void load() {
        valid = accounts.resetLinkValid(token);
        if (!valid && !FacesContext.getCurrentInstance().isPostback()) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    public String save() {
        String username = FormMessages.call("newPassword", () -> accounts.resetPassword(token, password)).orElse(null);
        if (username == null) {
            return null;
        }
        SecurityLog.event("mot-de-passe-réinitialisé", "nom", username, "adresse", ClientAddress.of(request));
        FormMessages.flashInfo("account.reset.done", username);
        Navigation.redirect("/connexion");
        return null;
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isValid() { return valid; }
}
