package fr.mare.members.web;

import fr.mare.web.ClientAddress;
import fr.mare.account.CurrentAccount;
import fr.mare.account.PasswordRefusals;
import fr.mare.directory.DirectoryService;
import fr.mare.members.MemberDataService;
import fr.mare.platform.BusinessException;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code /mes-donnees}, « Vos données » (members; the access filter sends visitors to log in):
 * download one's data, delete one's account. Both act on the session's own account (the name
 * never comes from the form) and need the current password, throttled like every
 * current-password check of {@code /compte}.
 */
@Named
@RequestScoped
public class MembersDataBacking {

    @Inject
    private MemberDataService data;

    @Inject
    private CurrentAccount currentAccount;

    @Inject
    private HttpServletRequest request;

    private List<DirectoryService.Held> runAlone;

    private String exportPassword;
    private String erasePassword;
    private boolean removePosts;
    private boolean confirmed;

    /** Sends the ZIP as the answer to this POST (no page follows); a refusal shows the page again with its message. */
    public String export() {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        if (!FormMessages.run("export", () -> data.export(currentAccount.getUsername(), exportPassword, ClientAddress.of(request), zip), e -> logRefusal(e))) {
            return null;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/zip");
        external.setResponseContentLength(zip.size());
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"mare-mes-donnees.zip\"");
        external.setResponseHeader("Cache-Control", "no-store");
        try {
            zip.writeTo(external.getResponseOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
        return null;
    }

    /** Deletes the account, then ends this session (the others end at their next request) and says goodbye. */
    public String erase() {
        if (!confirmed) {
            FormMessages.error("erase", new BusinessException("account.data.erase.confirmRequired", "confirmed"));
            return null;
        }
        if (!FormMessages.run("erase", () -> data.erase(currentAccount.getUsername(), erasePassword, removePosts, ClientAddress.of(request)), e -> logRefusal(e))) {
            return null;
        }
        try {
            request.logout();
        } catch (ServletException e) {
            // The session is invalidated below all the same.
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        Navigation.redirect("/compte-supprime");
        return null;
    }

    /** The collectives the member runs alone (the page warns, and asks to hand over those with other members). */
    public List<DirectoryService.Held> getCollectivesRunAlone() {
        if (runAlone == null) {
            Long id = currentAccount.getId();
            runAlone = id == null ? List.of() : data.collectivesRunAlone(id);
        }
        return runAlone;
    }

    private void logRefusal(BusinessException e) {
        PasswordRefusals.log(e, currentAccount.getUsername(), ClientAddress.of(request));
    }

    public String getExportPassword() { return exportPassword; }
    public void setExportPassword(String exportPassword) { this.exportPassword = exportPassword; }
    public String getErasePassword() { return erasePassword; }
    public void setErasePassword(String erasePassword) { this.erasePassword = erasePassword; }
    public boolean isRemovePosts() { return removePosts; }
    public void setRemovePosts(boolean removePosts) { this.removePosts = removePosts; }
    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
}
