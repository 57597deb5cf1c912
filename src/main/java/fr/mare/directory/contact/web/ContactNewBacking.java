package fr.mare.directory.contact.web;

import fr.mare.account.Caller;
import fr.mare.directory.Collective;
import fr.mare.directory.DirectoryService;
import fr.mare.directory.contact.ContactService;
import fr.mare.directory.contact.Conversation;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

/**
 * {@code /messages/nouveau?collectif=slug}: « Contacter ce collectif » — a subject and a Markdown
 * message to the collective's admins. « Aperçu » renders on the server; « Envoyer » starts the
 * conversation and opens it. A refusal (rate limit…) keeps everything typed.
 */
@Named
@RequestScoped
public class ContactNewBacking {

    @Inject
    @Param(name = "collectif")
    private String slug;

    @Inject
    private DirectoryService directory;

    @Inject
    private ContactService contact;

    @Inject
    private Caller caller;

    private Collective collective;
    private boolean loaded;
    private String subject;
    private String body;
    private String preview;

    void load() {
        if (getCollective() == null) {
            Pages.notFound("Collectif introuvable");
        }
    }

    public Collective getCollective() {
        if (!loaded) {
            loaded = true;
            collective = directory.collective(slug).orElse(null);
        }
        return collective;
    }

    /** False for the collective's own admins: they answer, they do not contact themselves. */
    public boolean isCanContact() {
        return getCollective() != null && contact.canContact(caller, collective);
    }

    public String preview() {
        FormMessages.call("contact", () -> contact.preview(body)).ifPresent(html -> preview = html);
        return null;
    }

    public String send() {
        if (getCollective() == null) {
            return null;
        }
        Conversation started = FormMessages.call("contact", () -> contact.start(caller, collective.getSlug(), subject, body)).orElse(null);
        if (started == null) {
            return null;
        }
        FormMessages.flashInfo("contact.new.sent", collective.getName());
        Navigation.redirect("/messages/" + started.getId());
        return null;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getPreview() {
        return preview;
    }
}
