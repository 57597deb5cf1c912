package fr.mare.media.web;

import fr.mare.account.Caller;
import fr.mare.media.MediaImage;
import fr.mare.media.MediaService;
import fr.mare.platform.BusinessException;
import fr.mare.platform.RateLimitedException;
import fr.mare.web.Bundle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ActionEvent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * « Envoyer l'image » in every form that writes Markdown (issue #15), without JavaScript: the
 * form ({@code WEB-INF/includes/media/upload.xhtml}) is sent whole, as multipart, by a button
 * whose id ends in {@code upload}; the file (id ending in {@code image}) is stored and
 * {@code ![description](/medias/…)} is written into the text area of the same form, at the
 * cursor when the page's script said where it was ({@code caret}), else at the end.
 * <p>
 * The button is immediate: it acts before any field of the form is validated, and the page is
 * rendered again from what was sent, so every field keeps what was typed — the text with the
 * image added, or unchanged with a message when the image is refused. Nothing of the form is
 * saved: publishing stays the form's own button.
 */
@Named
@RequestScoped
public class MediaUploadBacking {

    private static final Logger LOG = Logger.getLogger(MediaUploadBacking.class.getName());
    private static final int TOO_MANY_REQUESTS = 429;
    static final int ALT_MAX = 300;

    @Inject
    private MediaService media;

    @Inject
    private Caller caller;

    @Inject
    private HttpServletRequest request;

    /** The action listener of the upload button; its {@code textId} attribute names the text area (default {@code body}). */
    public void upload(ActionEvent event) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.renderResponse();
        UIComponent button = event.getComponent();
        UIComponent form = button;
        while (form != null && !(form instanceof UIForm)) {
            form = form.getParent();
        }
        Object textId = button.getAttributes().get("textId");
        UIComponent text = form == null ? null : form.findComponent(textId == null ? "body" : textId.toString());
        UIComponent file = form == null ? null : form.findComponent("image");
        UIComponent altField = form == null ? null : form.findComponent("imageAlt");
        if (!(text instanceof EditableValueHolder typed) || file == null || !(altField instanceof EditableValueHolder altInput)) {
            throw new IllegalStateException("upload button outside an upload form: " + button.getClientId(context));
        }
        String alt = altInput.getSubmittedValue() instanceof String s ? s.strip() : "";
        Part part = part(file.getClientId(context));
        if (part == null || part.getSize() == 0) {
            error(context, file, "media.noFile");
            return;
        }
        if (alt.isEmpty()) {
            error(context, altField, "media.altRequired");
            return;
        }
        if (alt.length() > ALT_MAX) {
            error(context, altField, "media.altTooLong", ALT_MAX);
            return;
        }
        MediaImage image;
        try {
            if (part.getSize() > media.maxBytes()) {
                throw new BusinessException("media.tooLarge", "image", fr.mare.media.MediaService.megabytes(media.maxBytes()));
            }
            image = media.upload(caller, read(part), part.getSubmittedFileName());
        } catch (BusinessException e) {
            error(context, file, e.messageKey(), e.arguments());
            if (e instanceof RateLimitedException) {
                context.getExternalContext().setResponseStatus(TOO_MANY_REQUESTS);
            }
            return;
        }
        String markdown = MediaService.markdown(image, alt);
        String current = typed.getSubmittedValue() instanceof String s ? s : "";
        typed.setSubmittedValue(insert(current, markdown, request.getParameter("caret")));
        altInput.setSubmittedValue("");
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Bundle.text("media.uploaded", markdown), null));
    }

    /** The file size limit, in megabytes, for the form's help text. */
    public String getMaxMegabytes() {
        return MediaService.megabytes(media.maxBytes());
    }

    private Part part(String clientId) {
        try {
            return request.getPart(clientId);
        } catch (IOException | ServletException | IllegalStateException e) {
            // Not multipart, or over the container's own limit.
            LOG.log(Level.FINE, "upload without a readable file part", e);
            return null;
        }
    }

    private byte[] read(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, media.maxBytes() + 1));
        } catch (IOException e) {
            throw new BusinessException("media.unreadable", "image");
        }
    }

    private static void error(FacesContext context, UIComponent field, String key, Object... arguments) {
        context.addMessage(field.getClientId(context), new FacesMessage(FacesMessage.SEVERITY_ERROR, Bundle.text(key, arguments), null));
    }

    /**
     * {@code text} with {@code markdown} as a paragraph of its own: at {@code caret} (a position
     * counted as the browser's script counts it, a line break being one character even when the
     * form sent CR LF), or at the end when there is none or it is out of range.
     */
    static String insert(String text, String markdown, String caret) {
        int at = position(text, caret);
        if (at < 0) {
            String kept = text.stripTrailing();
            return kept.isEmpty() ? markdown : kept + "\r\n\r\n" + markdown;
        }
        String before = text.substring(0, at);
        String after = text.substring(at);
        String lead = before.isEmpty() || before.endsWith("\n\n") || before.endsWith("\r\n\r\n") ? ""
                : before.endsWith("\n") ? "\r\n" : "\r\n\r\n";
        String trail = after.isEmpty() ? "" : after.startsWith("\r\n") || after.startsWith("\n") ? "\r\n" : "\r\n\r\n";
        return before + lead + markdown + trail + after;
    }

    private static int position(String text, String caret) {
        if (caret == null || caret.isBlank()) {
            return -1;
        }
        int logical;
        try {
            logical = Integer.parseInt(caret.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
        if (logical < 0) {
            return -1;
        }
        int seen = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (seen == logical) {
                return i;
            }
            if (i < text.length() && !(text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')) {
                seen++;
            }
        }
        return -1;
    }
}
