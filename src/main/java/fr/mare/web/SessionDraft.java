package fr.mare.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text of a member whose session ended while writing (#14). Their « Publier » reaches a
 * members' page without a session: instead of a bare redirect to the login page, {@link AccessFilter}
 * answers with a login page (a plain form sent to {@code /connexion}, the login form's own
 * fields), which carries the typed fields in hidden inputs (in that
 * browser's page only, {@code no-store}: nothing is kept on the server for a stranger to read).
 * Once the password is right, the login keeps them for that member ({@link #keep}: a row of
 * {@link KeptDrafts}, named by the {@value #COOKIE} cookie of this browser, so any node may serve
 * the next page, issue #17, ADR 0036), and the page they were sending shows them again in its
 * form, once, with a sentence that says why ({@link #apply}, from the layout): one click publishes.
 * Pages without that cookie cost nothing.
 */
@Named
@RequestScoped
public class SessionDraft {

    /** Request attribute: the fields of the refused post, set by {@link AccessFilter}. */
    public static final String FIELDS = "fr.mare.sessionDraft.fields";
    /** Request attribute: where the refused post was going (the login's « retour »). */
    public static final String RETURN = "fr.mare.sessionDraft.return";
    /** Prefix of the hidden inputs of the login form that carry the fields. */
    public static final String PREFIX = "brouillon.";
    /** The cookie that names the kept text ({@link KeptDrafts}). */
    static final String COOKIE = "MARE_DRAFT";

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SessionDraft.class.getName());

    @Inject
    private HttpServletRequest request;

    @Inject
    private KeptDrafts drafts;

    public String getReturnPath() {
        return request.getAttribute(RETURN) instanceof String path ? path : "/";
    }

    /** The fields carried by this login page: from the refused post, or from the login form's hidden inputs. */
    public List<ErrorPageBacking.SubmittedField> getCarried() {
        if (request.getAttribute(FIELDS) instanceof List<?> fields) {
            List<ErrorPageBacking.SubmittedField> carried = new ArrayList<>();
            fields.forEach(field -> carried.add((ErrorPageBacking.SubmittedField) field));
            return carried;
        }
        if (!"POST".equals(request.getMethod())) {
            return List.of();
        }
        Map<String, String[]> posted = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith(PREFIX)) {
                posted.put(name.substring(PREFIX.length()), values);
            }
        });
        return ErrorPageBacking.typedFields(posted);
    }

    /** After a right password: the carried fields wait for the member at {@code destination}. */
    public void keep(String destination) {
        keep(destination, request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
    }

    /**
     * The same for {@code owner}, a member whose login is not finished yet (the code of the second
     * factor comes first, maybe on another node): only they will see the text.
     */
    public void keep(String destination, String owner) {
        keep(destination, owner, getCarried(), "account.login.draftRestored");
    }

    /**
     * The « formulaire expiré » page of a signed-in member (#14): the text they sent waits for them,
     * and its « Réessayer » link opens the form with it.
     */
    public void keepExpired(String returnPath) {
        if (request.getUserPrincipal() != null && "POST".equals(request.getMethod())) {
            keep(returnPath, request.getUserPrincipal().getName(), ErrorPageBacking.typedFields(request.getParameterMap()),
                    "error.expired.restored");
        }
    }

    private void keep(String destination, String owner, List<ErrorPageBacking.SubmittedField> carried, String messageKey) {
        if (carried.isEmpty() || owner == null) {
            return;
        }
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        carried.forEach(field -> fields.putIfAbsent(field.parameter(), field.value()));
        String path = Navigation.pathOf(destination);
        String token;
        try {
            token = drafts.keep(owner, path, fields, messageKey);
        } catch (RuntimeException e) {
            // The database away: the page still answers (it shows the text to copy); never the text in the log.
            LOG.warning(() -> "Texte non gardé pour " + path + " : " + e.getClass().getSimpleName());
            return;
        }
        response().addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=" + cookiePath() + CookieExpiry.in(KeptDrafts.LIFETIME)
                + "; HttpOnly; SameSite=Lax"
                + (request.isSecure() ? "; Secure" : ""));
    }

    /** On the page the text was sent to (not a postback): its fields show the kept text, once. */
    public void apply() {
        FacesContext context = FacesContext.getCurrentInstance();
        String token = sentToken();
        if (token == null || context.isPostback() || request.getUserPrincipal() == null) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<KeptDrafts.Kept> taken = drafts.take(token, request.getUserPrincipal().getName(), path);
        if (taken == null || taken.isPresent()) {
            // Shown now, or nothing (any more) under the token: the browser forgets it.
            response().addHeader("Set-Cookie", COOKIE + "=; Path=" + cookiePath() + "; Max-Age=0; HttpOnly; SameSite=Lax"
                    + (request.isSecure() ? "; Secure" : ""));
        }
        if (taken == null || taken.isEmpty()) {
            return;
        }
        KeptDrafts.Kept kept = taken.get();
        boolean restored = false;
        for (Map.Entry<String, String> field : kept.fields().entrySet()) {
            UIComponent component;
            try {
                component = context.getViewRoot().findComponent(field.getKey());
            } catch (IllegalArgumentException notAField) {
                continue;
            }
            if (component instanceof EditableValueHolder input) {
                input.setSubmittedValue(field.getValue());
                restored = true;
            }
        }
        if (restored) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, Bundle.text(kept.messageKey()), null));
        }
    }

    private String sentToken() {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && KeptDrafts.wellFormed(cookie.getValue())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private String cookiePath() {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse();
    }
}
