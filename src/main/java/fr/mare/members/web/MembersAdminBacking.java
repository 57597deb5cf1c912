package fr.mare.members.web;

import fr.mare.web.ClientAddress;
import fr.mare.account.Account;
import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.account.Role;
import fr.mare.directory.Collective;
import fr.mare.members.MemberActivity;
import fr.mare.members.MembersAdminService;
import fr.mare.platform.SecurityLog;
import fr.mare.platform.BusinessException;
import fr.mare.web.Bundle;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.cdi.Param;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /admin/comptes} (administrators; the access filter answers 403 to anyone else, and every
 * service method checks again): the search ({@code ?q=…&page=…}, plain GET, works without
 * JavaScript) and one account's page ({@code ?compte=id}) with its actions, each a Faces form
 * (view state: CSRF) followed by a redirect.
 */
@Named
@RequestScoped
public class MembersAdminBacking {

    static final int PAGE_SIZE = 25;

    @Inject
    private AccountService accounts;

    @Inject
    private MembersAdminService admin;

    @Inject
    private Caller caller;

    @Inject
    private HttpServletRequest request;

    private String q;
    private int page;
    /**
     * Read from the request itself (also on a postback: the forms post to the request URI), not by a
     * view parameter: the account's forms are rendered only for an account, and Faces decides which
     * buttons to decode before it applies view parameters.
     */
    @Inject
    @Param(name = "compte")
    private Long compte;
    private List<Account> results;
    private long total;
    private MemberActivity activity;
    private Role role;
    private boolean confirmed;
    private String reason;
    private String days;
    private String collective;
    private Boolean twoFactor;
    private List<Collective> orphans;

    public void load() {
        if (compte != null) {
            if (activity() == null) {
                Pages.notFound("Compte introuvable");
                return;
            }
            role = activity.account().getRole();
            return;
        }
        total = accounts.searchCount(caller, q);
        results = accounts.search(caller, q, page, PAGE_SIZE);
    }

    private MemberActivity activity() {
        if (activity == null && compte != null) {
            activity = admin.activity(caller, compte).orElse(null);
        }
        return activity;
    }

    public String changeRole() {
        if (!requireConfirmation("role")) {
            return null;
        }
        return FormMessages.call("role", () -> admin.changeRole(caller, compte, role)).map(before -> {
            SecurityLog.event("rôle-changé", "compte", compte, "avant", before, "après", role, "par", caller.username(),
                    "adresse", ClientAddress.of(request));
            FormMessages.flashInfo("account.admin.role.done", Bundle.text("Role." + role.name()));
            return back();
        }).orElse(null);
    }

    public String sendReset() {
        if (!FormMessages.run("reset", () -> admin.sendPasswordReset(caller, compte))) {
            return null;
        }
        SecurityLog.event("lien-réinitialisation-envoyé-par-admin", "compte", compte, "par", caller.username(),
                "adresse", ClientAddress.of(request));
        FormMessages.flashInfo("account.admin.reset.done");
        return back();
    }

    public String suspend() {
        if (!requireConfirmation("suspend") || !FormMessages.run("suspend", () -> admin.suspend(caller, compte, reason, days))) {
            return null;
        }
        FormMessages.flashInfo("account.admin.suspend.done");
        return back();
    }

    public String liftSuspension() {
        if (!FormMessages.run("lift", () -> admin.liftSuspension(caller, compte, reason))) {
            return null;
        }
        FormMessages.flashInfo("account.admin.lift.done");
        return back();
    }

    /** Removes the account's second factor (lost phone and codes); confirmed, journalled, the member told by mail. */
    public String resetTwoFactor() {
        if (!requireConfirmation("twofactor") || !FormMessages.run("twofactor", () -> admin.resetTwoFactor(caller, compte))) {
            return null;
        }
        SecurityLog.event("double-authentification-retirée-par-admin", "compte", compte, "par", caller.username(),
                "adresse", ClientAddress.of(request));
        FormMessages.flashInfo("account.admin.twoFactor.done");
        return back();
    }

    /** Makes the account an admin of the typed collective (site administration's handover). */
    public String handOver() {
        if (!requireConfirmation("handover")) {
            return null;
        }
        return FormMessages.call("handover", () -> admin.handOverCollective(caller, compte, collective)).map(name -> {
            SecurityLog.event("collectif-confié-par-admin", "compte", compte, "par", caller.username(), "adresse", ClientAddress.of(request));
            FormMessages.flashInfo("account.admin.handover.done", name);
            return back();
        }).orElse(null);
    }

    /** Whether the shown account has a second factor (the page offers to remove it). */
    public boolean isTwoFactor() {
        if (twoFactor == null) {
            twoFactor = compte != null && admin.hasTwoFactor(caller, compte);
        }
        return twoFactor;
    }

    /** Collectives left without an admin (search page). */
    public List<Collective> getOrphans() {
        if (orphans == null) {
            orphans = admin.collectivesWithoutAdmin(caller);
        }
        return orphans;
    }

    private boolean requireConfirmation(String form) {
        if (!confirmed) {
            FormMessages.error(form, new BusinessException("account.admin.confirmRequired", "confirmed"));
            return false;
        }
        return true;
    }

    private String back() {
        Navigation.redirect("/admin/comptes?compte=" + compte);
        return null;
    }

    /** The search's link to another page of results. */
    public String pageLink(int target) {
        return request.getContextPath() + "/admin/comptes?page=" + target
                + (q == null || q.isBlank() ? "" : "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < total;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public boolean isSelf() {
        return activity() != null && caller.is(activity.account().getId());
    }

    public MemberActivity getActivity() { return activity(); }
    public List<Account> getResults() { return results; }
    public long getTotal() { return total; }
    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public int getPage() { return page; }
    public void setPage(int page) { this.page = Math.max(0, page); }
    public Long getCompte() { return compte; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getDays() { return days; }
    public String getCollective() { return collective; }
    public void setCollective(String collective) { this.collective = collective; }
    public void setDays(String days) { this.days = days; }
}
