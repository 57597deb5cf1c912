package fr.mare.moderation.web;

import fr.mare.account.Caller;
import fr.mare.moderation.ModerationService;
import fr.mare.moderation.Report;
import fr.mare.moderation.ReportReason;
import fr.mare.moderation.TargetView;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /signaler?cible={type}:{id}}: a logged-in member reports a post, a topic, a tutorial, a
 * collective, a contact message or an account, with a reason and an optional comment. Visitors
 * are sent to log in and come back; an unknown target answers 404 with a French explanation.
 */
@Named
@RequestScoped
public class ModerationReportBacking {

    @Inject
    @Param(name = "cible")
    private String cible;

    @Inject
    private ModerationService moderation;

    @Inject
    private Caller caller;

    private TargetView target;
    private boolean loaded;
    private String reason;
    private String comment;

    public void load() {
        if (caller.isAnonymous()) {
            Pages.loginFirst("/signaler?cible=" + URLEncoder.encode(cible == null ? "" : cible, StandardCharsets.UTF_8));
            return;
        }
        if (getTarget() == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    public TargetView getTarget() {
        if (!loaded) {
            loaded = true;
            target = moderation.reportable(caller, cible).orElse(null);
        }
        return target;
    }

    public String submit() {
        if (getTarget() == null) {
            FormMessages.error("moderation.target.unknown");
            return null;
        }
        ReportReason chosen = parse(reason);
        if (!FormMessages.run("report", () -> moderation.report(caller, cible, chosen, comment))) {
            return null;
        }
        FormMessages.flashInfo("moderation.report.received");
        Navigation.redirect("/moderation/mes-signalements");
        return null;
    }

    private static ReportReason parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return ReportReason.valueOf(typed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public List<ReportReason> getReasons() {
        return List.of(ReportReason.values());
    }

    public int getCommentMax() {
        return Report.COMMENT_MAX;
    }

    public String getCible() {
        return cible;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
