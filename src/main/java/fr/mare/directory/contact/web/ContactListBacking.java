package fr.mare.directory.contact.web;

import fr.mare.account.Caller;
import fr.mare.directory.contact.ContactService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** {@code /messages}: the member's conversations with collectives, as sender or as an admin, latest first. */
@Named
@RequestScoped
public class ContactListBacking {

    @Inject
    private ContactService contact;

    @Inject
    private Caller caller;

    private List<ContactService.Row> rows;

    public List<ContactService.Row> getRows() {
        if (rows == null) {
            rows = contact.conversations(caller);
        }
        return rows;
    }
}
