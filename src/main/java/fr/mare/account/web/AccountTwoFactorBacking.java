package fr.mare.account.web;

import fr.mare.web.Cookies;
import fr.mare.web.ClientAddress;
import fr.mare.account.Account;
import fr.mare.account.AccountService;
import fr.mare.account.CurrentAccount;
import fr.mare.account.TwoFactorService;
import fr.mare.platform.BusinessException;
import fr.mare.platform.SecurityLog;
import fr.mare.web.Bundle;
import fr.mare.web.CookieExpiry;
import fr.mare.web.SealedValues;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code /double-authentification} (ADR 0023): turn two-factor authentication on (a QR code
 * and the secret in text, then a first code), see the backup codes once, turn it off (password
 * and a code) or get new backup codes. Moderators and administrators without it are sent here
 * before moderation and administration pages; {@code ?retour=} brings them back once enrolled.
 */
@Named
@RequestScoped
public class AccountTwoFactorBacking {

    static final String PAGE = "/double-authentification";
    static final String CODES_COOKIE = "MARE_BACKUP_CODES";
    private static final java.time.Duration CODES_LIFETIME = java.time.Duration.ofMinutes(2);

    @Inject
    private AccountService accounts;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private CurrentAccount currentAccount;

    @Inject
    private HttpServletRequest request;

    private String code;
    private String password;
    private String returnTo;
    private boolean enabled;
    private boolean required;
    private TwoFactorService.Enrolment pending;
    private List<String> backupCodes;
    private long backupCodesLeft;

    static String pagePath(String returnTo) {
        return returnTo == null || returnTo.equals("/") ? PAGE
                : PAGE + "?retour=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
    }

    /**
     * Before the view is built, postbacks included: which forms are rendered (so decoded) depends
     * on it, and a view action would come too late for a postback.
     */
    @PostConstruct
    void init() {
        if (currentAccount.getUsername() == null) {
            return;
        }
        Account account = account();
        enabled = twoFactor.enabled(account.getId());
        required = twoFactor.requiredFor(account.getRole());
        pending = enabled ? null : twoFactor.pending(account).orElse(null);
        backupCodesLeft = enabled ? twoFactor.backupCodesLeft(account.getId()) : 0;
    }

    public String start() {
        if (!FormMessages.run("start", () -> twoFactor.begin(account()))) {
            return null;
        }
        Navigation.redirect(pagePath(returnTo));
        return null;
    }

    public String confirm() {
        Account account = account();
        List<String> codes = FormMessages.call("confirm", () -> twoFactor.confirm(account, code, ClientAddress.of(request)),
                logRefusal("double-authentification-code-refusé", account)).orElse(null);
        if (codes == null) {
            return null;
        }
        SecurityLog.event("double-authentification-activée", "nom", account.getUsername(), "adresse", ClientAddress.of(request));
        showOnce(codes);
        FormMessages.flashInfo("account.twoFactor.enabled");
        Navigation.redirect(pagePath(returnTo));
        return null;
    }

    public String disable() {
        Account account = account();
        if (!FormMessages.run("disable", () -> twoFactor.disable(account, password, code, ClientAddress.of(request)),
                logRefusal("double-authentification-désactivation-refusée", account))) {
            return null;
        }
        SecurityLog.event("double-authentification-désactivée", "nom", account.getUsername(), "adresse", ClientAddress.of(request));
        FormMessages.flashInfo("account.twoFactor.disabled");
        Navigation.redirect(PAGE);
        return null;
    }

    public String renewBackupCodes() {
        Account account = account();
        List<String> codes = FormMessages.call("renew", () -> twoFactor.renewBackupCodes(account, password, code, ClientAddress.of(request)),
                logRefusal("codes-de-secours-refusés", account)).orElse(null);
        if (codes == null) {
            return null;
        }
        SecurityLog.event("codes-de-secours-renouvelés", "nom", account.getUsername(), "adresse", ClientAddress.of(request));
        showOnce(codes);
        Navigation.redirect(PAGE);
        return null;
    }

    /** Where to go once enrolled, when sent here by a moderation or administration page. */
    public String getContinuePath() {
        return Navigation.safeLocalPath(returnTo);
    }

    /**
     * The codes go to the page after the redirect, which any node may serve (issue #17, ADR 0036):
     * sealed (AES-GCM, a key derived from the one all nodes share, bound to this account) in the
     * {@value #CODES_COOKIE} cookie, two minutes, read once. Never in a node's session, nor in clear.
     */
    private void showOnce(List<String> codes) {
        response().addHeader("Set-Cookie", CODES_COOKIE + "=" + SealedValues.seal(codesPurpose(), String.join(" ", codes))
                + "; Path=" + cookiePath() + CookieExpiry.in(CODES_LIFETIME) + "; HttpOnly; SameSite=Strict"
                + (request.isSecure() ? "; Secure" : ""));
    }

    private String codesPurpose() {
        return "backup-codes:" + currentAccount.getUsername();
    }

    private String cookiePath() {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse();
    }

    private Account account() {
        return accounts.findByUsername(currentAccount.getUsername())
                .orElseThrow(() -> new IllegalStateException("Compte connecté introuvable"));
    }

    public String getQrCode() {
        return pending == null ? null : QrSvg.of(pending.otpauth(), Bundle.text("account.twoFactor.qrLabel"));
    }

    public String getSecret() {
        return pending == null ? null : fr.mare.account.Totp.grouped(pending.secret());
    }

    /** For {@code /compte}, which does not load this page's state. */
    public boolean isActiveForCurrent() {
        return enabled;
    }

    public boolean isPending() { return pending != null; }
    public boolean isEnabled() { return enabled; }
    public boolean isRequired() { return required; }
    /** Before the page is written (its headers still open): the codes' cookie opened and forgotten. */
    public void loadBackupCodes() {
        getBackupCodes();
    }

    /** The codes just made, once: opened from their cookie on the GET after the redirect, which is then forgotten. */
    public List<String> getBackupCodes() {
        if (backupCodes == null) {
            backupCodes = List.of();
            String sealed = sentCodes();
            if (sealed != null && "GET".equals(request.getMethod()) && currentAccount.getUsername() != null) {
                backupCodes = SealedValues.open(codesPurpose(), sealed, CODES_LIFETIME)
                        .map(codes -> List.of(codes.split(" "))).orElse(List.of());
                response().addHeader("Set-Cookie", CODES_COOKIE + "=; Path=" + cookiePath() + "; Max-Age=0; HttpOnly; SameSite=Strict"
                        + (request.isSecure() ? "; Secure" : ""));
            }
        }
        return backupCodes;
    }

    private String sentCodes() {
        return Cookies.sent(request, CODES_COOKIE);
    }
    public long getBackupCodesLeft() { return backupCodesLeft; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getReturnTo() { return returnTo; }
    public void setReturnTo(String returnTo) { this.returnTo = returnTo; }

    /** The security log line of a refused step (a wrong code, a wrong password). */
    private Consumer<BusinessException> logRefusal(String event, Account account) {
        return refusal -> SecurityLog.event(event, "nom", account.getUsername(), "adresse", ClientAddress.of(request));
    }
}
