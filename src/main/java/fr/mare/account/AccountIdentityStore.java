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
 * An account with two-factor authentication is not logged in by its password alone: the store
 * refuses and says a code is needed ({@link LoginRefusal}); the second step then presents a
 * {@link SecondFactorCredential} in the request that checked the code (ADR 0023). A node that did
 * not see the login accepts its token ({@link LoginTokenCredential}, ADR 0032) while the login lives.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private AccountService accounts;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private LoginRefusal refusal;

    @Inject
    private LoginSessions loginSessions;

    /** A suspended account is refused even with the right password; the login page then says until when. */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        Account account;
        if (credential instanceof UsernamePasswordCredential login) {
            account = accounts.authenticate(login.getCaller(), login.getPasswordAsString()).orElse(null);
        } else if (credential instanceof SecondFactorCredential second && refusal.passedSecondFactor(second.getCaller())) {
            account = accounts.findByUsername(second.getCaller()).orElse(null);
        } else if (credential instanceof LoginTokenCredential resumed) {
            account = loginSessions.resumable(resumed.token()).flatMap(r -> accounts.find(r.accountId())).orElse(null);
        } else {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (account == null) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Suspension suspension = accounts.suspension(account).orElse(null);
        if (suspension != null) {
            refusal.suspended(suspension);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (credential instanceof UsernamePasswordCredential && twoFactor.enabled(account.getId())) {
            refusal.secondFactorRequired(account.getId());
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(account.getUsername(), account.getRole().groups());
    }
}
