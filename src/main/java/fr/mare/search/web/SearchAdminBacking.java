package fr.mare.search.web;

import fr.mare.account.Caller;
import fr.mare.search.SearchService;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code /admin/recherche}: the state of this node's index and « Reconstruire l'index » (administration). */
@Named
@RequestScoped
public class SearchAdminBacking {

    @Inject
    private SearchService search;

    @Inject
    private Caller caller;

    private SearchService.Status status;

    public SearchService.Status getStatus() {
        if (status == null) {
            status = search.status();
        }
        return status;
    }

    public String rebuild() {
        if (!FormMessages.run("rebuild", () -> search.requestRebuild(caller))) {
            return null;
        }
        FormMessages.flashInfo("search.admin.rebuildRequested");
        Navigation.redirect("/admin/recherche");
        return null;
    }
}
