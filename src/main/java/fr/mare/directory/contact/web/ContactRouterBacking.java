package fr.mare.directory.contact.web;

import fr.mare.web.Bundle;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

/**
 * {@code /messages/…}: one view ({@code messages.xhtml}, OmniFaces MultiViews) whose path picks
 * the fragment of {@code WEB-INF/includes/contact/}: the member's conversations ({@code /messages}),
 * a new one ({@code /messages/nouveau?collectif=slug}) or one conversation ({@code /messages/{id}}).
 * Every path needs a logged-in member (web/AccessFilter).
 */
@Named
@RequestScoped
public class ContactRouterBacking {

    @Inject
    @Param(pathIndex = 0)
    private String first;

    @Inject
    @Param(pathIndex = 1)
    private String second;

    @Inject
    private ContactNewBacking newConversation;

    @Inject
    private ContactConversationBacking conversation;

    private String view;

    public String getView() {
        if (view == null) {
            view = route(first, second);
        }
        return view;
    }

    static String route(String first, String second) {
        if (second != null) {
            return "not-found";
        }
        if (first == null) {
            return "list";
        }
        if ("nouveau".equals(first)) {
            return "new";
        }
        return first.matches("[1-9][0-9]{0,17}") ? "conversation" : "not-found";
    }

    public void load() {
        switch (getView()) {
            case "list" -> { }
            case "new" -> newConversation.load();
            case "conversation" -> conversation.load();
            default -> Pages.notFound("Adresse inconnue");
        }
    }

    public String getTitle() {
        return switch (getView()) {
            case "new" -> Bundle.text("contact.new.title", newConversation.getCollective() == null ? "" : newConversation.getCollective().getName());
            case "conversation" -> conversation.getConversation() == null ? "" : conversation.getConversation().getSubject();
            default -> Bundle.text("contact.list.title");
        };
    }
}
