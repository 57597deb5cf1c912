package fr.mare.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The error summary of every form and the accessibility attributes of its fields (#14), in one
 * place: {@code layout.xhtml} shows {@link #getItems()} at the top of the page (a heading and one
 * link per invalid field, focused), {@code mare:field} and the Markdown field ask
 * {@link #invalid} and {@link #describedBy} for {@code aria-invalid} and {@code aria-describedby}.
 * A field's message has the id {@code <field's client id>-error}.
 */
@Named
@RequestScoped
public class FormErrors {

    /** One invalid field: where it is (client id) and what to fix (label and message). */
    public record Item(String clientId, String text) {
    }

    private List<Item> items;

    public boolean invalid(UIComponent component) {
        FacesContext context = FacesContext.getCurrentInstance();
        return component instanceof EditableValueHolder holder && !holder.isValid()
                || !context.getMessageList(component.getClientId(context)).isEmpty();
    }

    /** The help's id and, when the field is invalid, its message's id; null when neither. */
    public String describedBy(UIComponent component, String helpId) {
        String error = invalid(component) ? component.getClientId(FacesContext.getCurrentInstance()) + "-error" : null;
        if (error == null) {
            return helpId == null || helpId.isEmpty() ? null : helpId;
        }
        return helpId == null || helpId.isEmpty() ? error : error + " " + helpId;
    }

    /** The error messages of fields, in the page's order of messages. */
    public List<Item> getItems() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            // Asked while a postback is decoded (is the summary rendered?): the messages come later.
            return List.of();
        }
        if (items == null) {
            items = new ArrayList<>();
            if (context.getMaximumSeverity() != null && context.getMaximumSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0) {
                for (Iterator<String> ids = context.getClientIdsWithMessages(); ids.hasNext(); ) {
                    String clientId = ids.next();
                    if (clientId == null) {
                        continue;
                    }
                    String label = label(context, clientId);
                    for (FacesMessage message : context.getMessageList(clientId)) {
                        if (message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0) {
                            items.add(new Item(clientId, label == null ? message.getSummary() : label + " : " + message.getSummary()));
                        }
                    }
                }
            }
        }
        return items;
    }

    /**
     * The errors of one form ({@code reply}, or a repeated {@code replyTo}/{@code edit} whose
     * client id is {@code posts:3:replyTo}): a form far down a page shows its own summary at its
     * top, where the person is (#14), instead of the page's.
     */
    public List<Item> itemsOf(String form) {
        return getItems().stream().filter(item -> inForm(item.clientId(), form)).toList();
    }

    /**
     * The errors of no form in {@code forms} (space-separated ids; null or empty: every error):
     * the page's summary, at the top of {@code main}, when the forms that show their own are named.
     */
    public List<Item> itemsOutside(String forms) {
        if (forms == null || forms.isBlank()) {
            return getItems();
        }
        List<String> own = List.of(forms.strip().split("\\s+"));
        return getItems().stream().filter(item -> own.stream().noneMatch(form -> inForm(item.clientId(), form))).toList();
    }

    private static boolean inForm(String clientId, String form) {
        return clientId.startsWith(form + ":") || clientId.contains(":" + form + ":");
    }

    /** The summary's heading: how many points to fix. */
    public String title(List<Item> shown) {
        int count = shown.size();
        return count == 1 ? Bundle.text("form.errors.one") : Bundle.text("form.errors.many", count);
    }

    public String getTitle() {
        return title(getItems());
    }

    private static String label(FacesContext context, String clientId) {
        UIComponent field = context.getViewRoot().findComponent(clientId);
        Object label = field == null ? null : field.getAttributes().get("label");
        return label instanceof String text && !text.isBlank() ? text.strip() : null;
    }
}
