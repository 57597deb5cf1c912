package fr.mare.directory.web;

import fr.mare.account.AccountSummary;
import fr.mare.account.Caller;
import fr.mare.directory.Apps;
import fr.mare.directory.Collective;
import fr.mare.directory.CollectiveMember;
import fr.mare.directory.Direction;
import fr.mare.directory.DirectorySearchService;
import fr.mare.directory.DirectoryService;
import fr.mare.forum.TopicLinks;
import fr.mare.forum.TopicLists;
import fr.mare.web.FormMessages;
import fr.mare.web.Navigation;
import fr.mare.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.Param;

import java.util.List;
import java.util.Optional;

/**
 * {@code /voisins/{slug}}: a collective's public profile — presentation, apps, expertise, the
 * members who chose to appear, and « Voisins qui peuvent vous aider » both ways. A member of the
 * collective chooses there whether they appear.
 */
@Named
@RequestScoped
public class DirectoryCollectiveBacking {

    @Inject
    @Param(pathIndex = 0)
    private String slug;

    @Inject
    private DirectoryService directory;

    @Inject
    private DirectorySearchService search;

    @Inject
    private Caller caller;

    @Inject
    private fr.mare.directory.DirectoryVisibility visibility;

    private Collective collective;
    private List<String> apps;
    private List<DirectoryService.Declared> expertise;
    private List<AccountSummary> members;
    private List<DirectorySearchService.Match> helpers;
    private List<DirectorySearchService.Match> helped;
    private Optional<CollectiveMember> membership;

    private boolean loaded;

    void load() {
        if (getCollective() == null) {
            Pages.notFound("Collectif introuvable");
        }
    }

    /** Loaded on first use: on a postback, the form's components ask before the view action runs. */
    public Collective getCollective() {
        if (!loaded) {
            loaded = true;
            collective = directory.collective(slug).orElse(null);
        }
        return collective;
    }

    public List<String> getApps() {
        if (apps == null) {
            apps = directory.apps(getCollective());
        }
        return apps;
    }

    public String appName(String code) {
        return Apps.name(code);
    }

    public List<DirectoryService.Declared> getExpertise() {
        if (expertise == null) {
            expertise = directory.expertise(getCollective());
        }
        return expertise;
    }

    public List<DirectoryService.Declared> getCanHelp() {
        return getExpertise().stream().filter(d -> d.direction() == Direction.CAN_HELP).toList();
    }

    public List<DirectoryService.Declared> getSeeksHelp() {
        return getExpertise().stream().filter(d -> d.direction() == Direction.SEEKS_HELP).toList();
    }

    public List<AccountSummary> getMembers() {
        if (members == null) {
            members = directory.visibleMembers(getCollective());
        }
        return members;
    }

    private DirectoryService.Contributions contributions;

    /** What the members who appear contributed: tutorials written, solutions given. */
    public DirectoryService.Contributions getContributions() {
        if (contributions == null) {
            contributions = directory.contributions(getCollective());
        }
        return contributions;
    }

    /** The permalink of a solution: its topic, with {@code ?message=} to find the page and anchor. */
    public String solutionLink(TopicLists.Solution s) {
        return TopicLinks.of(s.topic()) + "?message=" + s.post().getId();
    }

    /** Collectives that can help where this one seeks help. */
    public List<DirectorySearchService.Match> getHelpers() {
        if (helpers == null) {
            helpers = search.matches(getCollective(), Direction.CAN_HELP);
        }
        return helpers;
    }

    /** Collectives seeking help where this one can help. */
    public List<DirectorySearchService.Match> getHelped() {
        if (helped == null) {
            helped = search.matches(getCollective(), Direction.SEEKS_HELP);
        }
        return helped;
    }

    private Optional<CollectiveMember> membership() {
        if (membership == null) {
            membership = getCollective() == null ? Optional.empty() : directory.membership(caller, collective);
        }
        return membership;
    }

    /** Whether this reader reads the profile's own words, or only the moderation notice ({@link DirectoryVisibility}, #10). */
    public boolean isProfileReadable() {
        return visibility.canReadProfile(caller, getCollective(), isCanEdit());
    }

    public boolean isCanEdit() {
        return membership().map(CollectiveMember::isAdmin).orElse(false);
    }

    public boolean isMember() {
        return membership().map(CollectiveMember::isActive).orElse(false);
    }

    public boolean isAppearing() {
        return membership().map(CollectiveMember::isVisible).orElse(false);
    }

    public String toggleVisibility() {
        boolean appearing = isAppearing();
        if (!FormMessages.run("visibility", () -> directory.setVisible(caller, collective.getSlug(), !appearing))) {
            return null;
        }
        FormMessages.flashInfo(isAppearing() ? "directory.visibility.hidden" : "directory.visibility.shown");
        Navigation.redirect("/voisins/" + collective.getSlug());
        return null;
    }

    private String username;
    private List<DirectoryService.Member> allMembers;

    /** Everyone, invited included, for the collective's admins (empty for others). */
    public List<DirectoryService.Member> getAllMembers() {
        if (allMembers == null) {
            allMembers = getCollective() == null ? List.of() : directory.members(caller, collective);
        }
        return allMembers;
    }

    public boolean isInvited() {
        return membership().map(m -> !m.isActive()).orElse(false);
    }

    public String invite() {
        return act("manage", () -> directory.invite(caller, collective.getSlug(), username), "directory.member.invited");
    }

    public String appoint() {
        return act("manage", () -> directory.appoint(caller, collective.getSlug(), username), "directory.member.appointed");
    }

    public String removeMember() {
        return act("manage", () -> directory.remove(caller, collective.getSlug(), username), "directory.member.removed");
    }

    public String accept() {
        return act("invitation", () -> directory.accept(caller, collective.getSlug()), "directory.member.accepted");
    }

    public String leave() {
        return act("leave", () -> directory.leave(caller, collective.getSlug()), "directory.member.left");
    }

    private String act(String form, Runnable action, String done) {
        if (getCollective() == null) {
            return null;
        }
        if (!FormMessages.run(form, action)) {
            return null;
        }
        FormMessages.flashInfo(done);
        Navigation.redirect("/voisins/" + collective.getSlug());
        return null;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }
}
