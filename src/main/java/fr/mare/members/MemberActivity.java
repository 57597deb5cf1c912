package fr.mare.members;

import fr.mare.account.Account;
import fr.mare.account.AccountEvent;
import fr.mare.account.AccountSummary;
import fr.mare.account.Suspension;
import fr.mare.moderation.JournalEntry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the administrators' page shows of one account: its state, how much it wrote, the latest of
 * each, what moderation did to it and what happened to the account itself.
 */
public record MemberActivity(Account account, Suspension suspension, long posts, long topics, long revisions,
                             long reportsMade, long reportsAbout, List<Line> latestPosts, List<Line> latestTopics,
                             List<Line> latestRevisions, List<Line> latestReports, List<JournalEntry> journal,
                             List<AccountEvent> events, Map<Long, AccountSummary> people) {

    /** One item of a list: what, where, when, and a note (« supprimé », « masqué »…, empty if none). */
    public record Line(String label, String link, Instant at, String note) {
    }

    public boolean isSuspended() {
        return suspension != null;
    }

    /** The name of whoever did an event (an administrator, the member) or « système ». */
    public String actorName(Long id) {
        AccountSummary who = id == null ? null : people.get(id);
        return who == null ? "—" : who.displayName() + " (@" + who.username() + ")";
    }
}
