package fr.mare.mail.web;

import fr.mare.account.Caller;
import fr.mare.mail.MailSettings;
import fr.mare.mail.Outbox;
import fr.mare.mail.OutboxEntry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/**
 * {@code /admin/courriels} (administrators; {@link Outbox} checks it again): the newest mails of
 * the outbox and their state, and one mail's text with {@code ?id=}. Without SMTP this is where the
 * mails Mare would have sent can be read (the demo shows every flow here).
 */
@Named
@RequestScoped
public class MailAdminBacking {

    private static final int LIST_SIZE = 200;

    @Inject
    private Outbox outbox;

    @Inject
    private MailSettings settings;

    @Inject
    private Caller caller;

    private Long id;
    private OutboxEntry selected;
    private List<OutboxEntry> entries;
    private long waiting;

    public void load() {
        if (id != null) {
            selected = outbox.find(caller.admin(), id).orElse(null);
            if (selected == null) {
                FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
            }
            return;
        }
        entries = outbox.newest(caller.admin(), LIST_SIZE);
        waiting = outbox.countWaiting(caller.admin());
    }

    public boolean isSmtpConfigured() {
        return settings.smtpConfigured();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public OutboxEntry getSelected() { return selected; }
    public List<OutboxEntry> getEntries() { return entries; }
    public long getWaiting() { return waiting; }
}
