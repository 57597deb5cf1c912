package fr.mare.account;

import jakarta.security.enterprise.credential.AbstractClearableCredential;

/**
 * A login made on another node (issue #17, ADR 0032): the {@code MARE_SESSION} token the client
 * sent. The identity store accepts it only if {@link LoginSessions#resumable} finds its login
 * alive, and the account is not suspended.
 */
public final class LoginTokenCredential extends AbstractClearableCredential {

    private String token;

    public LoginTokenCredential(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    @Override
    protected void clearCredential() {
        token = null;
    }
}
