package fr.mare.moderation.web;

import fr.mare.account.Caller;
import fr.mare.media.MediaService;
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
 * <p>
 * A content that shows uploaded images lists them (#15, ADR 0026): each has its own
 * « Signaler seulement cette image » link, {@code /signaler?cible=image:{id}}, for the one
 * screenshot that shows what it should not, whatever else the content says.
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
    private MediaService media;

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

    /** One image the reported content shows, as the reader sees it (its description from the page). */
    public record ShownImage(long id, String src, String alt, int width, int height) {
    }

    /** The images the target shows that the reader may see, each reportable by itself; none for an image. */
    public List<ShownImage> getImages() {
        TargetView shown = getTarget();
        if (shown == null || "image".equals(shown.type()) || shown.html() == null || !shown.html().contains(MediaService.PATH)) {
            return List.of();
        }
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parseBodyFragment(shown.html());
        return media.shownIn(shown.html()).stream().filter(image -> !image.isHidden()).map(image -> {
            String src = MediaService.PATH + (image.getDisplayName() == null ? image.getName() : image.getDisplayName());
            org.jsoup.nodes.Element img = page.selectFirst("img[src=\"" + src + "\"]");
            int width = image.getDisplayWidth() == null ? image.getWidth() : image.getDisplayWidth();
            int height = image.getDisplayHeight() == null ? image.getHeight() : image.getDisplayHeight();
            return new ShownImage(image.getId(), src, img == null ? "" : img.attr("alt"), width, height);
        }).toList();
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
