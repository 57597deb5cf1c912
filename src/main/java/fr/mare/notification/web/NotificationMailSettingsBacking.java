package fr.mare.notification.web;

import fr.mare.account.Caller;
import fr.mare.account.CurrentAccount;
import fr.mare.notification.MailCategory;
import fr.mare.notification.MailChoices;
import fr.mare.platform.BusinessException;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * « Mes courriels » on {@code /compte} (members only; its own section and form): per category of notification, « tout de suite », « dans
 * le résumé quotidien » or « jamais » by mail. A plain Faces form (works without JavaScript), then
 * Post/Redirect/Get. Says so when the address is not proven yet: no notification mail goes then.
 */
@Named
@RequestScoped
public class NotificationMailSettingsBacking {

    @Inject
    private MailChoices choices;

    @Inject
    private Caller caller;

    @Inject
    private CurrentAccount currentAccount;

    @Inject
    private fr.mare.account.AccountService accounts;

    private final Map<String, String> modes = new HashMap<>();
    private Boolean addressProven;
    private boolean loaded;

    /** The saved choices, once per request, unless this is the form coming back (its values are the typed ones). */
    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (!FacesContext.getCurrentInstance().isPostback()) {
            choices.of(caller).forEach((category, mode) -> modes.put(category.id(), mode.name()));
        }
    }

    public String save() {
        Map<MailCategory, MailCategory.Mode> chosen = new EnumMap<>(MailCategory.class);
        for (MailCategory category : MailCategory.values()) {
            String value = modes.get(category.id());
            try {
                chosen.put(category, MailCategory.Mode.valueOf(value == null ? "" : value));
            } catch (IllegalArgumentException e) {
                FormMessages.error("mails", new BusinessException("notification.mailSettings.invalid", null));
                return null;
            }
        }
        choices.save(caller, chosen);
        FormMessages.flashInfo("notification.mailSettings.saved");
        Navigation.redirect("/compte#courriels");
        return null;
    }

    public List<MailCategory> getCategories() {
        return Arrays.asList(MailCategory.values());
    }

    public List<MailCategory.Mode> getChoices() {
        return Arrays.asList(MailCategory.Mode.values());
    }

    public Map<String, String> getModes() {
        ensureLoaded();
        return modes;
    }

    public boolean isAddressProven() {
        if (addressProven == null) {
            addressProven = accounts.findByUsername(currentAccount.getUsername()).map(a -> a.isEmailVerified()).orElse(false);
        }
        return addressProven;
    }
}
