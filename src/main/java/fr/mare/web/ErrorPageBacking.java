package fr.mare.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves the error pages: the status they must answer with, the incident number of a 500 (the
 * same number is in the log, with the stack trace the person never sees), and — for an expired
 * form or a database outage — the text the person had typed, so nothing is lost.
 */
@Named
@RequestScoped
public class ErrorPageBacking {

    private static final Logger LOG = Logger.getLogger(ErrorPageBacking.class.getName());

    /**
     * A field the person typed into: its name (last part of the client id), its label, its value
     * and the request parameter it came in (the field's client id).
     */
    public record SubmittedField(String name, String label, String value, String parameter) {
    }

    @Inject
    private HttpServletRequest request;

    private String incident;

    /** Sets the status of pages reached by exception type (the container would say 500). */
    public void respondWith(int status) {
        jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(status);
    }

    /** The address the person was on, to go back to (never an external one). */
    public String getReturnPath() {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : "/";
        return path.startsWith("/") && !path.startsWith("//") ? path : "/";
    }

    /** Logged once with its stack trace; the person only sees the number. */
    public String getIncident() {
        if (incident == null) {
            incident = UUID.randomUUID().toString().substring(0, 8);
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (failure instanceof Throwable t) {
                LOG.log(Level.SEVERE, "Incident " + incident + " sur " + getReturnPath(), t);
            } else {
                LOG.log(Level.SEVERE, "Incident {0} sur {1} (statut {2})",
                        new Object[] {incident, getReturnPath(), request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)});
            }
        }
        return incident;
    }

    /**
     * What the person typed in the form they sent: every non-empty parameter but Faces'
     * technical ones, buttons, tokens and passwords (never echoed back).
     */
    public List<SubmittedField> getSubmittedFields() {
        if (!"POST".equals(request.getMethod())) {
            return List.of();
        }
        return typedFields(request.getParameterMap());
    }

    /** The typed fields among posted parameters (see {@link #getSubmittedFields()}). */
    public static List<SubmittedField> typedFields(Map<String, String[]> parameters) {
        List<SubmittedField> fields = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String shortName = name.substring(name.lastIndexOf(':') + 1);
            String lower = shortName.toLowerCase(Locale.ROOT);
            if (name.startsWith("jakarta.faces.") || lower.contains("password") || lower.endsWith("submit")
                    || name.equals(CsrfToken.PARAMETER) || !name.contains(":")) {
                continue;
            }
            for (String value : parameter.getValue()) {
                if (value != null && !value.isBlank()) {
                    fields.add(new SubmittedField(shortName, label(shortName), value, name));
                }
            }
        }
        return fields;
    }

    private static String label(String name) {
        String key = "field." + name;
        return Bundle.has(Locale.FRENCH, key) ? Bundle.text(Locale.FRENCH, key) : name;
    }
}
