package fr.mare.account;

import fr.mare.platform.BusinessException;
import fr.mare.platform.BusinessExceptions;
import fr.mare.platform.RateLimitedException;
import fr.mare.platform.SecurityLog;

/** The security-log line of a refused current-password check (/compte, « Vos données »): throttled or wrong. */
public final class PasswordRefusals {

    private PasswordRefusals() {
    }

    public static void log(BusinessException e, String username, String address) {
        if (e instanceof BusinessExceptions several) {
            several.all().forEach(each -> log(each, username, address));
            return;
        }
        if (e instanceof RateLimitedException) {
            SecurityLog.event("mot-de-passe-actuel-ralenti", "nom", username, "adresse", address);
        } else if ("account.password.currentWrong".equals(e.messageKey())) {
            SecurityLog.event("mot-de-passe-actuel-refusé", "nom", username, "adresse", address);
        }
    }
}
