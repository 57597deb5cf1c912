package fr.mare.web;

import fr.mare.platform.BusinessException;
import fr.mare.platform.BusinessExceptions;
import fr.mare.platform.RateLimitedException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns results into messages: a {@link BusinessException} lands next to its field (found by
 * the id the field's client id ends with), anything else at the top of the form. Messages that
 * must survive a redirect (Post/Redirect/Get) travel with it ({@link OnceMessages}).
 * <p>
 * {@link #run} and {@link #call} are the one place a page bean turns a service's refusal into a
 * message (#16): the bean returns null, Faces shows the same view again, and every field keeps
 * what the person typed. A null form id puts the message at the top of the page (a button in a
 * list, say); {@link #callInRow} serves forms repeated in a list.
 */
public final class FormMessages {

    private static final int TOO_MANY_REQUESTS = 429;

    private FormMessages() {
    }

    /** The refusal next to its field of the form {@code formId}, or at the top of the page when {@code formId} is null. */
    public static void error(String formId, BusinessException e) {
        FacesContext context = FacesContext.getCurrentInstance();
        report(e, field -> {
            UIComponent component = formId == null ? null : context.getViewRoot().findComponent(formId + ":" + field);
            return component != null ? component.getClientId(context) : null;
        });
    }

    /**
     * {@link #error(String, BusinessException)} for a form repeated by a {@code ui:repeat} (a
     * thread's row forms, #14), which no component search finds: each refusal goes to
     * {@code rowFormClientId:field} ({@code posts:3:edit:body}), the client id its field will have
     * when the row is rendered again.
     */
    public static void errorInRow(String rowFormClientId, BusinessException e) {
        report(e, field -> rowFormClientId + ":" + field);
    }

    private static void report(BusinessException e, java.util.function.UnaryOperator<String> clientIdOfField) {
        if (e instanceof BusinessExceptions several) {
            several.all().forEach(each -> report(each, clientIdOfField));
            return;
        }
        FacesContext context = FacesContext.getCurrentInstance();
        // Not marked invalid: an invalid input re-renders its (already cleared) submitted
        // value, which would erase what the person typed. The page marks it from the message.
        String clientId = e.field() == null ? null : clientIdOfField.apply(e.field());
        add(clientId, FacesMessage.SEVERITY_ERROR, Bundle.text(e.messageKey(), e.arguments()));
        context.validationFailed();
        if (e instanceof RateLimitedException) {
            context.getExternalContext().setResponseStatus(TOO_MANY_REQUESTS);
        }
    }

    /**
     * Runs one user action for the form {@code formId}. A {@link BusinessException} becomes its
     * message (next to its field) and false is returned: the bean then returns null so the page
     * is shown again with the typed input.
     */
    public static boolean run(String formId, Runnable action) {
        return run(formId, action, refusal -> {
        });
    }

    /** {@link #run} for an action with a result: empty when refused (the message is added). */
    public static <T> Optional<T> call(String formId, Supplier<T> action) {
        return call(formId, action, refusal -> {
        });
    }

    /**
     * {@link #call(String, Supplier)} that also hands the refusal to {@code onRefusal} (a security
     * log line, say) after its message is added.
     */
    public static <T> Optional<T> call(String formId, Supplier<T> action, Consumer<BusinessException> onRefusal) {
        return attempt(action, e -> error(formId, e), onRefusal);
    }

    /** {@link #run} with {@code onRefusal} as in {@link #call(String, Supplier, Consumer)}. */
    public static boolean run(String formId, Runnable action, Consumer<BusinessException> onRefusal) {
        return call(formId, () -> {
            action.run();
            return Boolean.TRUE;
        }, onRefusal).isPresent();
    }

    /** {@link #call(String, Supplier)} for a form repeated by a {@code ui:repeat}, as {@link #errorInRow}. */
    public static <T> Optional<T> callInRow(String rowFormClientId, Supplier<T> action) {
        return attempt(action, e -> errorInRow(rowFormClientId, e), refusal -> {
        });
    }

    private static <T> Optional<T> attempt(Supplier<T> action, Consumer<BusinessException> message,
                                           Consumer<BusinessException> onRefusal) {
        try {
            return Optional.of(action.get());
        } catch (BusinessException e) {
            message.accept(e);
            onRefusal.accept(e);
            return Optional.empty();
        }
    }

    /** A refusal for going too fast, at the top of the form: the page answers 429, the text stays. */
    public static void tooManyRequests(String key, Object... arguments) {
        error(key, arguments);
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(TOO_MANY_REQUESTS);
    }

    public static void error(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_ERROR, Bundle.text(key, arguments));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /**
     * An information message shown on the next page, after a redirect, on whichever node serves it
     * ({@link OnceMessages}, ADR 0036).
     */
    public static void flashInfo(String key, Object... arguments) {
        keepForNextPage();
        add(null, FacesMessage.SEVERITY_INFO, Bundle.text(key, arguments));
    }

    /** The messages of this request (a refusal, say) are shown by the page the redirect leads to. */
    public static void keepForNextPage() {
        OnceMessages.keep(FacesContext.getCurrentInstance());
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
