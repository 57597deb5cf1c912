package fr.mare.account.web;

import fr.mare.account.AccountService;
import fr.mare.account.CurrentAccount;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code /confirmer-adresse?jeton=…}: the page behind a verification link. Opening it changes
 * nothing (a mail scanner may open it); « Confirmer mon adresse » (POST) uses the link.
 */
@Named
@RequestScoped
public class AccountConfirmAddressBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private CurrentAccount currentAccount;

    private String token;
    private boolean valid;

    public void load() {
        valid = accounts.verificationLinkValid(token);
        if (!valid && !FacesContext.getCurrentInstance().isPostback()) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    public String confirm() {
        AccountService.Verified result = FormMessages.call("confirm", () -> accounts.verifyEmail(token)).orElse(null);
        if (result == null) {
            return null;
        }
        if (currentAccount.isLoggedIn()) {
            currentAccount.refresh();
        }
        FormMessages.flashInfo(result == AccountService.Verified.ADDRESS_REPLACED ? "account.verify.replaced" : "account.verify.done");
        Navigation.redirect(currentAccount.isLoggedIn() ? "/compte" : "/connexion");
        return null;
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public boolean isValid() { return valid; }
}
