package fr.mare.account;

import jakarta.enterprise.context.RequestScoped;

/**
 * Why the identity store refused a login whose password was right, for the login page to say
 * so in this same request: only a suspension, for now. Told only after the right password, so
 * it reveals nothing to someone guessing names.
 */
@RequestScoped
public class LoginRefusal {

    private Suspension suspension;

    void suspended(Suspension suspension) {
        this.suspension = suspension;
    }

    public Suspension suspension() {
        return suspension;
    }
}
