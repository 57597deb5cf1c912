package fr.mare.account;

import jakarta.security.enterprise.credential.AbstractClearableCredential;

/**
 * The second step of a login (ADR 0023): names the account whose password was checked in an
 * earlier request and whose code was just accepted in this one. It proves nothing by itself: the
 * identity store accepts it only when {@link LoginRefusal#secondFactorPassed} says this very
 * request checked the code, which no form field can say.
 */
public final class SecondFactorCredential extends AbstractClearableCredential {

    private final String username;

    public SecondFactorCredential(String username) {
        this.username = username;
    }

    public String getCaller() {
        return username;
    }

    @Override
    protected void clearCredential() {
        // nothing secret in it
    }
}
