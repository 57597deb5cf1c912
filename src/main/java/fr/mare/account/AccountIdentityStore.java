package fr.mare.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * The identity store over the {@code account} table. The caller principal's name is the
 * canonical username, so « Camille », « CAMILLE » and « ｃａｍｉｌｌｅ » log into one account.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private AccountService accounts;

    @Inject
    private LoginRefusal refusal;

    /** A suspended account is refused even with the right password; the login page then says until when. */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Account account = accounts.authenticate(login.getCaller(), login.getPasswordAsString()).orElse(null);
        if (account == null) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Suspension suspension = accounts.suspension(account).orElse(null);
        if (suspension != null) {
            refusal.suspended(suspension);
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(account.getUsername(), account.getRole().groups());
    }
}
