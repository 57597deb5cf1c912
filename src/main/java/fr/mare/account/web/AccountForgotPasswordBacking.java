package fr.mare.account.web;

import fr.mare.web.ClientAddress;
import fr.mare.account.AccountService;
import fr.mare.platform.SecurityLog;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /mot-de-passe-oublie}: asks for a reset link. The answer is the same whether an account
 * has the address or not, and so is its timing: the request is padded to {@link #ANSWER_MILLIS}
 * whatever the work done (a mail written or nothing), the commit included.
 */
@Named
@RequestScoped
public class AccountForgotPasswordBacking {

    static final long ANSWER_MILLIS = 400;

    @Inject
    private AccountService accounts;

    @Inject
    private HttpServletRequest request;

    private String email;

    public String send() {
        long start = System.nanoTime();
        String address = ClientAddress.of(request);
        boolean sent;
        try {
            sent = FormMessages.run("forgot", () -> accounts.requestPasswordReset(email, address),
                    refusal -> SecurityLog.event("réinitialisation-ralentie", "adresse", address));
        } finally {
            padTo(start);
        }
        if (!sent) {
            return null;
        }
        SecurityLog.event("réinitialisation-demandée", "adresse", address);
        FormMessages.flashInfo("account.forgot.sent");
        Navigation.redirect("/mot-de-passe-oublie");
        return null;
    }

    private static void padTo(long start) {
        long left = ANSWER_MILLIS - (System.nanoTime() - start) / 1_000_000;
        if (left > 0) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
