package fr.mare.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of a member whose session ended while writing (#14). Their « Publier » reaches a
 * members' page without a session: instead of a bare redirect to the login page, {@link AccessFilter}
 * answers with a login page (a plain form sent to {@code /connexion}, the login form's own
 * fields), which carries the typed fields in hidden inputs (in that
 * browser's page only, {@code no-store}: nothing is kept on the server for a stranger to read).
 * Once the password is right, the login keeps them in the member's own new session
 * ({@link #keep}), and the page they were sending shows them again in its form, once, with a
 * sentence that says why ({@link #apply}, from the layout): one click publishes.
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
    private static final String SESSION_KEY = "fr.mare.sessionDraft";

    /** What is kept in the member's session between the login and the page: path and fields. */
    record Kept(String path, LinkedHashMap<String, String> fields, String messageKey) implements Serializable {
    }

    @Inject
    private HttpServletRequest request;

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

    /** After a right password: the carried fields wait in the member's session for {@code destination}. */
    public void keep(String destination) {
        keep(destination, getCarried(), "account.login.draftRestored");
    }

    /**
     * The « formulaire expiré » page of a signed-in member (#14): the text they sent waits in their
     * session, and its « Réessayer » link opens the form with it.
     */
    public void keepExpired(String returnPath) {
        if (request.getUserPrincipal() != null && "POST".equals(request.getMethod())) {
            keep(returnPath, ErrorPageBacking.typedFields(request.getParameterMap()), "error.expired.restored");
        }
    }

    private void keep(String destination, List<ErrorPageBacking.SubmittedField> carried, String messageKey) {
        if (carried.isEmpty()) {
            return;
        }
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        carried.forEach(field -> fields.putIfAbsent(field.parameter(), field.value()));
        request.getSession(true).setAttribute(SESSION_KEY, new Kept(pathOf(destination), fields, messageKey));
    }

    /** On the page the text was sent to (not a postback): its fields show the kept text, once. */
    public void apply() {
        FacesContext context = FacesContext.getCurrentInstance();
        HttpSession session = request.getSession(false);
        if (session == null || context.isPostback() || !(session.getAttribute(SESSION_KEY) instanceof Kept kept)
                || request.getUserPrincipal() == null) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(kept.path())) {
            return;
        }
        session.removeAttribute(SESSION_KEY);
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

    private static String pathOf(String destination) {
        int query = destination.indexOf('?');
        return query < 0 ? destination : destination.substring(0, query);
    }
}
