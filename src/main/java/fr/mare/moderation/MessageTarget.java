package fr.mare.moderation;

import fr.mare.account.Caller;
import fr.mare.directory.contact.ContactService;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/**
 * A message of a contact conversation (« Contacter ce collectif »). Only the two sides of the
 * conversation read it, so only they can report it; moderation then sees that one message (never
 * the rest of the conversation) and may hide or restore it. Its link is the conversation, where
 * its author and the other side see the decision.
 */
@ApplicationScoped
class MessageTarget implements ModerationTarget {

    private static final int LABEL_MAX = 80;

    @Inject
    private ContactService contacts;

    @Override
    public String type() {
        return "message";
    }

    @Override
    public boolean readableBy(Caller me, long id) {
        return contacts.message(id).flatMap(found -> contacts.conversation(me, found.message().getConversationId())).isPresent();
    }

    @Override
    public Optional<TargetView> find(long id) {
        return contacts.message(id).map(found -> {
            var message = found.message();
            String label = found.conversation() == null ? "" : found.conversation().getSubject();
            return new TargetView(type(), id, Texts.clip(label, LABEL_MAX), message.getBodyHtml(), null, message.getAuthorId(),
                    "/messages/" + message.getConversationId() + "#message-" + id, message.isHidden(), message.getHiddenReason(),
                    false, false, Set.of(message.isHidden() ? ActionKind.RESTORE : ActionKind.HIDE));
        });
    }

    @Override
    public Change apply(Caller me, long id, ActionKind action, String reason, String parameter) {
        switch (action) {
            case HIDE -> contacts.hide(me, id, reason);
            case RESTORE -> contacts.restore(me, id);
            default -> throw new BusinessException("moderation.action.unsupported", null);
        }
        return Change.NONE;
    }
}
