package fr.mare.notification.web;

import fr.mare.notification.MailCategory;
import fr.mare.notification.MailChoices;
import fr.mare.web.Bundle;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /desabonnement?compte=…&type=…&jeton=…}: the page behind a notification mail's
 * « Ne plus recevoir ces courriels » link. Opening it changes nothing (GET never changes state; mail
 * scanners open links); its button (POST) turns the category off, without login.
 */
@Named
@RequestScoped
public class NotificationUnsubscribeBacking {

    @Inject
    private MailChoices choices;

    private String account;
    private String type;
    private String token;
    private List<MailCategory> target;

    public void load() {
        target = choices.unsubscribeTarget(account, type, token).orElse(null);
        if (target == null && !FacesContext.getCurrentInstance().isPostback()) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
        }
    }

    public String confirm() {
        List<MailCategory> unsubscribed = FormMessages.call("unsubscribe", () -> choices.unsubscribe(account, type, token)).orElse(null);
        if (unsubscribed == null) {
            return null;
        }
        target = unsubscribed;
        FormMessages.flashInfo("notification.unsubscribe.done", getWhat());
        Navigation.redirect("/desabonnement?compte=" + encode(account) + "&type=" + encode(type) + "&jeton=" + encode(token));
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    public boolean isValid() {
        return target != null;
    }

    /** The categories the link turns off, as words (« réponses à vos messages, mentions »). */
    public String getWhat() {
        if (target == null || target.isEmpty()) {
            return Bundle.text("notification.unsubscribe.nothing");
        }
        return target.stream().map(c -> Bundle.text("notification.mail.category." + c.id())).collect(Collectors.joining(", "));
    }

    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
}
