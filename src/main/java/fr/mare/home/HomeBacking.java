package fr.mare.home;

import fr.mare.account.Account;
import fr.mare.account.AccountService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The home page: a welcome, what exists so far, and the newest members. */
@Named
@RequestScoped
public class HomeBacking {

    private static final int NEWEST = 12;

    @Inject
    private AccountService accounts;


    private List<Account> newestMembers;
    private Long memberCount;

    public List<Account> getNewestMembers() {
        if (newestMembers == null) {
            newestMembers = accounts.newest(NEWEST);
        }
        return newestMembers;
    }

    public long getMemberCount() {
        if (memberCount == null) {
            memberCount = accounts.count();
        }
        return memberCount;
    }
}
