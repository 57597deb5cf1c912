package fr.mare.account;

import jakarta.enterprise.context.RequestScoped;

/**
 * Why the identity store refused a login whose password was right, for the login page to say
 * so in this same request: a suspension, or a second factor still to give (ADR 0023). Told only
 * after the right password, so it reveals nothing to someone guessing names. Also carries, for
 * the second step, that this request checked the account's code.
 */
@RequestScoped
public class LoginRefusal {

    private Suspension suspension;
    private Long secondFactorAccount;
    private String secondFactorPassed;

    void suspended(Suspension suspension) {
        this.suspension = suspension;
    }

    public Suspension suspension() {
        return suspension;
    }

    void secondFactorRequired(long accountId) {
        this.secondFactorAccount = accountId;
    }

    /** The account whose password was right and which now needs its code; null otherwise. */
    public Long secondFactorAccount() {
        return secondFactorAccount;
    }

    /** Called by the second step's page once the code of {@code username} is accepted, in this request. */
    public void secondFactorPassed(String username) {
        this.secondFactorPassed = username;
    }

    boolean passedSecondFactor(String username) {
        return secondFactorPassed != null && secondFactorPassed.equals(username);
    }
}
