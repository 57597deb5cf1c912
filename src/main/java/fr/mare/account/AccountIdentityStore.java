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

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return accounts.authenticate(login.getCaller(), login.getPasswordAsString())
                .map(account -> new CredentialValidationResult(account.getUsername(), account.getRole().groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
