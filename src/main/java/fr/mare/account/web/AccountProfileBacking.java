package fr.mare.account.web;

import fr.mare.account.Account;
import fr.mare.account.AccountService;
import fr.mare.account.CurrentAccount;
import fr.mare.web.Navigation;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * {@code /u/{username}}: a member's public profile. Any spelling that leads to the same
 * canonical name ({@code /u/Camille}) is redirected to the canonical address.
 */
@Named
@RequestScoped
public class AccountProfileBacking {

    static final ZoneId DISPLAY_ZONE = ZoneId.of("Europe/Paris");

    @Inject
    @Param(pathIndex = 0)
    private String username;

    @Inject
    private AccountService accounts;

    @Inject
    private CurrentAccount currentAccount;

    private Account account;

    public void load() {
        account = username == null ? null : accounts.findByUsername(username).orElse(null);
        if (account == null || account.isErased()) {
            // A deleted account has no profile: its posts say « ancien membre » and link here (ADR 0022).
            account = null;
            Pages.notFound("Profil introuvable");
            return;
        }
        if (!account.getUsername().equals(username)) {
            Navigation.redirect("/u/" + URLEncoder.encode(account.getUsername(), StandardCharsets.UTF_8));
        }
    }

    public Account getAccount() {
        return account;
    }

    public boolean isOwn() {
        return account.getUsername().equals(currentAccount.getUsername());
    }
}
