package fr.mare.directory.contact.web;

import fr.mare.account.Caller;
import fr.mare.directory.Collective;
import fr.mare.directory.contact.ContactMessage;
import fr.mare.directory.contact.ContactService;
import fr.mare.directory.contact.Conversation;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.List;

/**
 * {@code /messages/{id}}: one conversation, for its parties only (the sender and the collective's
 * current admins; anyone else gets the same 404 as for a conversation that does not exist), with a
 * reply form. A message hidden by moderation shows why, not its text; messages of the other side
 * carry « Signaler ».
 */
@Named
@RequestScoped
public class ContactConversationBacking {

    @Inject
    @Param(pathIndex = 0)
    private String id;

    @Inject
    private ContactService contact;

    @Inject
    private Caller caller;

    private Conversation conversation;
    private Collective collective;
    private boolean loaded;
    private List<ContactService.Item> messages;
    private String body;

    void load() {
        if (getConversation() == null) {
            Pages.notFound("Conversation introuvable");
        }
    }

    /** Loaded on first use: on a postback, the form's components ask before the view action runs. */
    public Conversation getConversation() {
        if (!loaded) {
            loaded = true;
            conversation = id == null || !id.matches("[1-9][0-9]{0,17}") ? null
                    : contact.conversation(caller, Long.parseLong(id)).orElse(null);
            collective = conversation == null ? null : contact.collectiveOf(conversation);
        }
        return conversation;
    }

    public Collective getCollective() {
        getConversation();
        return collective;
    }

    public boolean isSentByMe() {
        return getConversation() != null && caller.is(conversation.getSenderId());
    }

    public List<ContactService.Item> getMessages() {
        if (messages == null) {
            messages = getConversation() == null ? List.of() : contact.messages(caller, conversation);
        }
        return messages;
    }

    public boolean mine(ContactService.Item item) {
        return caller.is(item.message().getAuthorId());
    }

    public String reply() {
        if (getConversation() == null) {
            return null;
        }
        ContactMessage sent = FormMessages.call("reply", () -> contact.reply(caller, conversation.getId(), body)).orElse(null);
        if (sent == null) {
            return null;
        }
        FormMessages.flashInfo("contact.reply.sent");
        Navigation.redirect("/messages/" + conversation.getId() + "#message-" + sent.getId());
        return null;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
