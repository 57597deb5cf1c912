package fr.mare.account.web;

import fr.mare.web.ClientAddress;
import fr.mare.account.Account;
import fr.mare.account.AccountService;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.security.enterprise.AuthenticationStatus;

/**
 * {@code /inscription}: creates the account, logs the new member in, and says welcome, with the same
 * words whether the typed address was free or another account's (docs/adr/0021).
 */
@Named
@RequestScoped
public class AccountRegisterBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private Login login;

    @Inject
    private HttpServletRequest request;

    private String username;
    private String email;
    private String password;

    public String register() {
        Account account = FormMessages.call("register", () -> accounts.register(username, email, password, ClientAddress.of(request)))
                .orElse(null);
        if (account == null) {
            return null;
        }
        AuthenticationStatus status = login.authenticate(account.getUsername(), password);
        if (status == AuthenticationStatus.SUCCESS) {
            FormMessages.flashInfo("account.register.done", account.getDisplayName(), account.getPendingEmail());
            Navigation.redirect("/");
        } else if (status != AuthenticationStatus.SEND_CONTINUE) {
            Navigation.redirect("/connexion");
        }
        return null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
