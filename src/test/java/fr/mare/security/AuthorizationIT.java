package fr.mare.security;

import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.Sql;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Form;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * « Autorisations prouvées » (issue 6): every write action of Mare, tried by every kind of
 * caller, with the expected outcome, observed in the database (never only in the HTTP status
 * or in a hidden button).
 * <p>
 * <b>The table.</b> {@link #TABLE} holds one {@link Row} per write action: a name, a
 * {@link Scenario} that prepares fresh data for one attempt (a topic, a post, a tutorial, a
 * collective… owned by the {@link Kind#OWNER}) and says how the attempt is made and how its
 * effect is seen, and one {@link Expect expected outcome} per {@link Kind} of caller, in the
 * order ANONYMOUS, MEMBER, OWNER, MODERATOR, ADMIN, SUSPENDED. {@link #everyActionByEveryCaller()}
 * turns each (action, caller) cell into a test named after both. {@code OWNER} is, per row, the
 * one the action is about: the author of the post or topic, the creator of the tutorial, the
 * admin of the collective, the recipient of the notification, or (account rows) the holder of
 * the account — account actions always act on the logged-in caller's own account, so every
 * logged-in kind is the owner of what it changes there.
 * <p>
 * <b>How a caller who does not see the form still posts it.</b> Faces keeps the view state on
 * the server, in the session: a form is only accepted with a view state of the caller's own
 * session. So each attempt (1) loads the page in the caller's own session; (2) if the form and
 * its button are rendered there, fills and submits it as a browser would; (3) otherwise takes
 * the form's action, field names and button from the page of someone who sees it (the row's
 * reference: the owner, a moderator, an admin or a third member) and posts them with a view
 * state of the caller's own session, taken from {@link #viewStateSources the best page that
 * has one}: the same page (the topic page always has a form, even for anonymous visitors), else
 * a page of the same Faces view ({@code /voisins/nouveau}, {@code /tutoriels/nouveau}, a
 * tutorial's history), else any page with a form ({@code /nouveau-sujet}, {@code /connexion}).
 * <p>
 * What was found by trying (Mojarra 4, partial state saving): a view state of the same view is
 * accepted and the posted page is rebuilt for the caller; components the caller may not use are
 * not rendered, hence not decoded (the page's {@code rendered} conditions call the same
 * policies' {@code can…} methods, on the server, at postback), and the services' {@code require…}
 * checks refuse the rest. Exception (issue #17): the row forms of a thread page are all decoded
 * at postback (their row may hold another post by then), so there the services' checks alone
 * refuse, which this table proves. A view state issued for <em>another</em> view used to crash the
 * restore ({@code UIComponentBase.restoreState}: a 500, logged as an incident, nothing written);
 * {@code web/UnrestorableViewHandler} now answers it like an expired form (400). Only anonymous
 * visitors on {@code /voisins/…} are left with such a borrowed view state (no page of that view
 * has a form for them). Every refusal must be a clean answer, below 500. Each
 * test message (and the {@code [authz]} lines of the test output) says which way the form was
 * obtained and what came back.
 * <p>
 * <b>Effects.</b> An attempt is ALLOWED when its effect is in the database afterwards (a row
 * written, a column changed) and DENIED when it is not; each row checks its own effect, so
 * a refusal cannot be mistaken for a page that merely hid a button.
 * <p>
 * <b>Forged requests.</b> {@link #everyFacesFormNeedsItsViewState()} replays each action by a
 * caller who is allowed, without the view state: nothing may happen.
 * {@link #plainServletPostsNeedTheirToken()} does the same for the POSTs that are not Faces
 * forms ({@code /deconnexion}).
 * <p>
 * <b>Adding a feature</b> (see docs/security.md, « Autorisations prouvées »): add one
 * {@link Row} per new write action to {@link #TABLE} with its six expectations.
 * <p>
 * <b>Suspended members.</b> The {@link Kind#SUSPENDED} caller is a member who logged in, then
 * was suspended (in the database, as a moderator's action would): each attempt starts from such
 * a session, which Mare ends at its next request (the member reads as an anonymous visitor, and
 * every service treats a suspended account as anonymous). Every write is refused to them.
 * <p>
 * <b>Row forms.</b> The forms repeated over a list (a thread's posts, the moderation queue's
 * targets, a tutorial's confirmed revert: {@code web.RowForms}) are plain HTML forms carrying the
 * page's view state and decoded by one Faces form of the page; they are listed in
 * {@link #PLAIN_FORMS} and their buttons' actions in {@link #ACTIONS}. The logout form is a
 * servlet's, with the session's CSRF token ({@code csrf}): a replayed one gets the caller's own
 * token (from their {@code /compte} page), and the forged replay drops the token as it drops a view
 * state.
 * <p>
 * Logging in and registering are open to everyone and only write the caller's own account
 * (AccountIT covers them); previews write nothing. {@link #everyFormActionHasARow()} keeps the
 * table complete: every action method a page's button calls, and every servlet that accepts a
 * POST, must be listed in {@link #ACTIONS} (or {@link #SERVLET_POSTS}) with the rows that prove
 * it. Test accounts are created by registration, made older than the newcomer period and given
 * their role in the database (there is no role page yet), so that anti-abuse rules for new
 * accounts never blur an authorization result.
 */
class AuthorizationIT extends MareIT {

    /** The kinds of caller, in the order of the table's columns. */
    enum Kind { ANONYMOUS, MEMBER, OWNER, MODERATOR, ADMIN, SUSPENDED }

    /** What a caller may do. */
    enum Expect { ALLOW, DENY }

    private static final Expect A = Expect.ALLOW;
    private static final Expect D = Expect.DENY;
    /** « Added with suspension »: the moderation feature (issue 6) brings suspended accounts. */

    private static final String PASSWORD = "une phrase de passe pour les essais";
    private static final String CATEGORY = "fichiers-partage-et-synchronisation";

    // ------------------------------------------------------------------ the table

    /** One write action: its name, how to try it, and what each kind of caller may do. */
    record Row(String action, Scenario scenario, Map<Kind, Expect> expected) {
    }

    /** Prepares fresh data for one attempt by a caller of this kind, and says how to attempt it. */
    @FunctionalInterface
    interface Scenario {
        Trial prepare(Cast cast, Kind kind) throws Exception;
    }

    /** The effect of an action, read in the database. */
    @FunctionalInterface
    interface Effect {
        boolean happened() throws SQLException;
    }

    /**
     * One attempt: the page that holds the form ({@code form} is a form id suffix, or
     * {@code #elementId} for the form around that element), the button, how to fill the form,
     * who sees the form for sure, and the effect.
     */
    record Trial(String path, String form, String button, Consumer<Form> fill, WebClient reference, Effect effect, WebClient caller) {

        Trial(String path, String form, String button, Consumer<Form> fill, WebClient reference, Effect effect) {
            this(path, form, button, fill, reference, effect, null);
        }

        /**
         * The session that attempts the action: the cast's of that kind, unless the scenario gave
         * its own (an action that would consume the account, such as deleting it, uses a fresh one).
         */
        WebClient callerFrom(Cast cast, Kind kind) throws SQLException {
            return caller != null ? caller : cast.client(kind);
        }
    }

    private static Row row(String action, Scenario scenario, Expect... expected) {
        if (expected.length != Kind.values().length) {
            throw new IllegalArgumentException(action + ": one expectation per kind of caller " + List.of(Kind.values()));
        }
        Map<Kind, Expect> map = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            map.put(kind, Objects.requireNonNull(expected[kind.ordinal()]));
        }
        return new Row(action, scenario, map);
    }

    //                                                                        ANON MEMB OWNR MODO ADMN SUSP
    static final List<Row> TABLE = List.of(
            // ---- forum
            row("forum : nouveau sujet", AuthorizationIT::newTopic,                D, A, A, A, A, D),
            row("forum : répondre", AuthorizationIT::reply,                       D, A, A, A, A, D),
            row("forum : répondre à un message", AuthorizationIT::replyToPost,     D, A, A, A, A, D),
            row("forum : répondre dans un sujet verrouillé", AuthorizationIT::replyLocked, D, D, D, A, A, D),
            row("forum : modifier un message", AuthorizationIT::editPost,          D, D, A, A, A, D),
            row("forum : supprimer un message", AuthorizationIT::deletePost,       D, D, A, A, A, D),
            row("forum : marquer la solution", AuthorizationIT::markSolution,      D, D, A, A, A, D),
            row("forum : dire merci", AuthorizationIT::like,                       D, A, D, A, A, D),
            row("forum : suivre / ne plus suivre", AuthorizationIT::watch,         D, A, A, A, A, D),
            // OWNER: the author of the topic answered; the uploader owns the image (#15).
            row("images : envoyer une image", AuthorizationIT::uploadImage,       D, A, A, A, A, D),
            row("forum : créer une catégorie", AuthorizationIT::createCategory,    D, D, D, D, A, D),
            row("forum : modifier une catégorie", AuthorizationIT::updateCategory, D, D, D, D, A, D),
            row("recherche : reconstruire l'index", AuthorizationIT::rebuildSearchIndex, D, D, D, D, A, D),
            // ---- tutorials (WikiPolicy)
            row("tutoriels : écrire", AuthorizationIT::createTutorial,             D, A, A, A, A, D),
            row("tutoriels : modifier", (c, k) -> editTutorial(c, Lock.OPEN),      D, A, A, A, A, D),
            row("tutoriels : modifier un tutoriel protégé", (c, k) -> editTutorial(c, Lock.PROTECTED), D, D, D, A, A, D),
            row("tutoriels : modifier un tutoriel archivé", (c, k) -> editTutorial(c, Lock.ARCHIVED), D, D, D, A, A, D),
            row("tutoriels : revenir à une version", (c, k) -> revertTutorial(c, Lock.OPEN), D, A, A, A, A, D),
            row("tutoriels : revenir à une version (protégé)", (c, k) -> revertTutorial(c, Lock.PROTECTED), D, D, D, A, A, D),
            row("tutoriels : relu et à jour", (c, k) -> reviewTutorial(c, Lock.OPEN), D, A, A, A, A, D),
            row("tutoriels : relu et à jour (protégé)", (c, k) -> reviewTutorial(c, Lock.PROTECTED), D, D, D, A, A, D),
            row("tutoriels : signaler « plus à jour »", AuthorizationIT::signalOutdated, D, A, A, A, A, D),
            row("tutoriels : protéger", (c, k) -> moderateTutorial(c, "protect", "protected"), D, D, D, A, A, D),
            row("tutoriels : archiver", (c, k) -> moderateTutorial(c, "archive", "archived"), D, D, D, A, A, D),
            row("tutoriels : retirer la protection", (c, k) -> unlockTutorial(c, Lock.PROTECTED), D, D, D, A, A, D),
            row("tutoriels : désarchiver", (c, k) -> unlockTutorial(c, Lock.ARCHIVED), D, D, D, A, A, D),
            // ---- collectives (DirectoryPolicy: site roles give no power over a collective)
            row("collectifs : présenter un collectif", AuthorizationIT::createCollective, D, A, A, A, A, D),
            row("collectifs : modifier", AuthorizationIT::editCollective,          D, D, A, D, D, D),
            row("collectifs : inviter", AuthorizationIT::invite,                   D, D, A, D, D, D),
            row("collectifs : accepter une invitation", AuthorizationIT::accept,   D, D, A, D, D, D),
            row("collectifs : décliner une invitation", AuthorizationIT::decline, D, D, A, D, D, D),
            row("collectifs : quitter", AuthorizationIT::leave,                    D, D, A, D, D, D),
            row("collectifs : retirer un membre", AuthorizationIT::removeMember,   D, D, A, D, D, D),
            row("collectifs : nommer admin", AuthorizationIT::appoint,             D, D, A, D, D, D),
            row("collectifs : paraître sur le profil", AuthorizationIT::visibility, D, D, A, D, D, D),
            row("collectifs : ajouter un domaine", AuthorizationIT::createArea,   D, D, D, D, A, D),
            row("collectifs : renommer un domaine", AuthorizationIT::renameArea,  D, D, D, D, A, D),
            row("collectifs : retirer un domaine", AuthorizationIT::retireArea,   D, D, D, D, A, D),
            // OWNER: an admin of the collective, who does not contact their own collective.
            row("contact : écrire à un collectif", AuthorizationIT::contactCollective, D, A, D, A, A, D),
            // OWNER: an admin of the contacted collective; moderators only reach a message through a report.
            row("contact : répondre dans une conversation", AuthorizationIT::replyInConversation, D, D, A, D, D, D),
            // ---- notifications (OWNER: the recipient)
            // OWNER: the author of the reported message, who does not report their own.
            row("modération : signaler un message", AuthorizationIT::reportPost,   D, A, D, A, A, D),
            // OWNER: the member who uploaded the image and published it in a reply.
            row("modération : signaler une image", AuthorizationIT::reportImage,   D, A, D, A, A, D),
            // OWNER: the author of the target (or, for suspensions and approvals, a member unrelated to it).
            row("modération : classer sans suite", (c, k) -> moderate(c, "DISMISS", Target.REPORTED_POST), D, D, D, A, A, D),
            row("modération : masquer", (c, k) -> moderate(c, "HIDE", Target.REPORTED_POST),                D, D, D, A, A, D),
            row("modération : rétablir", (c, k) -> moderate(c, "RESTORE", Target.HIDDEN_POST),              D, D, D, A, A, D),
            row("modération : modifier", (c, k) -> moderate(c, "EDIT", Target.REPORTED_POST),               D, D, D, A, A, D),
            row("modération : supprimer", (c, k) -> moderate(c, "DELETE", Target.REPORTED_POST),            D, D, D, A, A, D),
            row("modération : verrouiller un sujet", (c, k) -> moderate(c, "LOCK", Target.TOPIC),          D, D, D, A, A, D),
            row("modération : déverrouiller un sujet", (c, k) -> moderate(c, "UNLOCK", Target.LOCKED_TOPIC), D, D, D, A, A, D),
            row("modération : déplacer un sujet", (c, k) -> moderate(c, "MOVE", Target.TOPIC),             D, D, D, A, A, D),
            row("modération : avertir l'auteur", (c, k) -> moderate(c, "WARN", Target.REPORTED_POST),       D, D, D, A, A, D),
            row("modération : suspendre l'auteur", (c, k) -> moderate(c, "SUSPEND", Target.STRANGERS_POST), D, D, D, A, A, D),
            row("modération : lever une suspension", (c, k) -> moderate(c, "LIFT_SUSPENSION", Target.SUSPENDED_AUTHORS_POST), D, D, D, A, A, D),
            row("modération : valider un message en attente", (c, k) -> moderate(c, "APPROVE", Target.PENDING_POST), D, D, D, A, A, D),
            row("modération : refuser un message en attente", (c, k) -> moderate(c, "REJECT", Target.PENDING_POST), D, D, D, A, A, D),

            row("notifications : marquer lue celle d'un autre", AuthorizationIT::markRead, D, D, A, D, D, D),
            row("notifications : tout marquer lu (celles du propriétaire)", AuthorizationIT::markAllRead, D, D, A, D, D, D),
            // ---- accounts (always the caller's own account: every logged-in kind is its owner)
            row("compte : modifier son profil", AuthorizationIT::updateProfile,    D, A, A, A, A, D),
            row("compte : changer son mot de passe", AuthorizationIT::changePassword, D, A, A, A, A, D),
            row("compte : fermer ses autres sessions", AuthorizationIT::closeOtherSessions, D, A, A, A, A, D),
            row("compte : renvoyer le lien de confirmation", AuthorizationIT::resendVerification, D, A, A, A, A, D),
            row("compte : télécharger ses données", AuthorizationIT::exportData,       D, A, A, A, A, D),
            row("compte : supprimer son compte", AuthorizationIT::eraseAccount,        D, A, A, A, A, D),

            row("comptes (admin) : changer un rôle", (c, k) -> administer(c, "role"),  D, D, D, D, A, D),
            row("comptes (admin) : envoyer un lien de mot de passe", (c, k) -> administer(c, "reset"), D, D, D, D, A, D),
            row("comptes (admin) : suspendre", (c, k) -> administer(c, "suspend"),     D, D, D, D, A, D),
            row("comptes (admin) : lever une suspension", (c, k) -> administer(c, "lift"), D, D, D, D, A, D),
            row("comptes (admin) : retirer la double authentification", (c, k) -> administer(c, "twofactor"), D, D, D, D, A, D),
            row("comptes (admin) : confier un collectif", (c, k) -> administer(c, "handover"), D, D, D, D, A, D));

    /** Marks an action method that writes nothing, in {@link #ACTIONS}. */
    private static final String NO_WRITE = "(writes nothing)";

    /** The rows of the moderation forms' one action (ModerationActionsBacking.act), one per kind of action. */
    private static final String MODERATION_ACTIONS = "modération : classer sans suite;modération : masquer;modération : rétablir;"
            + "modération : modifier;modération : supprimer;modération : verrouiller un sujet;modération : déverrouiller un sujet;"
            + "modération : déplacer un sujet;modération : avertir l'auteur;modération : suspendre l'auteur;"
            + "modération : lever une suspension;modération : valider un message en attente;"
            + "modération : refuser un message en attente";

    /**
     * Every action method the pages' buttons call, with the rows of {@link #TABLE} that prove it
     * (several, separated by « ; »), or why it needs none.
     */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("forumNewTopicBacking.publish", "forum : nouveau sujet"),
            Map.entry("forumNewTopicBacking.preview", NO_WRITE),
            Map.entry("searchAdminBacking.rebuild", "recherche : reconstruire l'index"),
            Map.entry("forumTopicBacking.reply", "forum : répondre;forum : répondre à un message;forum : répondre dans un sujet verrouillé"),
            Map.entry("forumTopicBacking.save", "forum : modifier un message"),
            Map.entry("forumTopicBacking.delete", "forum : supprimer un message"),
            Map.entry("forumTopicBacking.markSolution", "forum : marquer la solution"),
            Map.entry("forumTopicBacking.like", "forum : dire merci"),
            Map.entry("forumTopicBacking.toggleWatch", "forum : suivre / ne plus suivre"),
            Map.entry("mediaUploadBacking.upload", "images : envoyer une image"),
            Map.entry("forumCategoriesAdminBacking.create", "forum : créer une catégorie"),
            Map.entry("forumCategoriesAdminBacking.save", "forum : modifier une catégorie"),
            Map.entry("wikiEditBacking.save", "tutoriels : écrire;tutoriels : modifier;tutoriels : modifier un tutoriel protégé;"
                    + "tutoriels : modifier un tutoriel archivé"),
            Map.entry("wikiEditBacking.preview", NO_WRITE),
            Map.entry("wikiHistoryBacking.revert", "tutoriels : revenir à une version;tutoriels : revenir à une version (protégé)"),
            Map.entry("wikiPageBacking.markReviewed", "tutoriels : relu et à jour;tutoriels : relu et à jour (protégé)"),
            Map.entry("wikiPageBacking.signalOutdated", "tutoriels : signaler « plus à jour »"),
            Map.entry("wikiPageBacking.toggleProtected", "tutoriels : protéger;tutoriels : retirer la protection"),
            Map.entry("wikiPageBacking.toggleArchived", "tutoriels : archiver;tutoriels : désarchiver"),
            Map.entry("directoryEditBacking.save", "collectifs : présenter un collectif;collectifs : modifier"),
            Map.entry("directoryCollectiveBacking.invite", "collectifs : inviter"),
            Map.entry("directoryCollectiveBacking.accept", "collectifs : accepter une invitation"),
            Map.entry("directoryCollectiveBacking.leave", "collectifs : quitter;collectifs : décliner une invitation"),
            Map.entry("directoryCollectiveBacking.removeMember", "collectifs : retirer un membre"),
            Map.entry("directoryCollectiveBacking.appoint", "collectifs : nommer admin"),
            Map.entry("directoryCollectiveBacking.toggleVisibility", "collectifs : paraître sur le profil"),
            Map.entry("directoryAreasAdminBacking.create", "collectifs : ajouter un domaine"),
            Map.entry("directoryAreasAdminBacking.save", "collectifs : renommer un domaine"),
            Map.entry("directoryAreasAdminBacking.retire", "collectifs : retirer un domaine"),
            Map.entry("contactNewBacking.send", "contact : écrire à un collectif"),
            Map.entry("contactNewBacking.preview", NO_WRITE),
            Map.entry("contactConversationBacking.reply", "contact : répondre dans une conversation"),
            Map.entry("moderationReportBacking.submit", "modération : signaler un message;modération : signaler une image"),
            Map.entry("moderationActionsBacking.act", MODERATION_ACTIONS),
            Map.entry("notificationListBacking.markRead", "notifications : marquer lue celle d'un autre"),
            Map.entry("notificationListBacking.markAllRead", "notifications : tout marquer lu (celles du propriétaire)"),
            Map.entry("accountSettingsBacking.saveProfile", "compte : modifier son profil"),
            Map.entry("accountSettingsBacking.savePassword", "compte : changer son mot de passe"),
            Map.entry("accountSettingsBacking.closeOtherSessions", "compte : fermer ses autres sessions"),
            Map.entry("accountSettingsBacking.resendVerification", "compte : renvoyer le lien de confirmation"),
            Map.entry("membersDataBacking.export", "compte : télécharger ses données"),
            Map.entry("membersDataBacking.erase", "compte : supprimer son compte"),
            Map.entry("membersAdminBacking.changeRole", "comptes (admin) : changer un rôle"),
            Map.entry("membersAdminBacking.sendReset", "comptes (admin) : envoyer un lien de mot de passe"),
            Map.entry("membersAdminBacking.suspend", "comptes (admin) : suspendre"),
            Map.entry("membersAdminBacking.liftSuspension", "comptes (admin) : lever une suspension"),
            Map.entry("membersAdminBacking.resetTwoFactor", "comptes (admin) : retirer la double authentification"),
            Map.entry("membersAdminBacking.handOver", "comptes (admin) : confier un collectif"),
            Map.entry("accountForgotPasswordBacking.send", "(open to everyone, sends a link to the address's owner only: PasswordResetIT)"),
            Map.entry("accountNewPasswordBacking.save", "(open to whoever holds the mailed link, single use: PasswordResetIT)"),
            Map.entry("accountConfirmAddressBacking.confirm", "(open to whoever holds the mailed link, single use: VerificationIT)"),
            Map.entry("accountLoginBacking.login", "(open to everyone, writes only the caller's own session: AccountIT)"),
            Map.entry("notificationMailSettingsBacking.save", "(the logged-in caller's own choices only, account from the session: NotificationMailIT)"),
            Map.entry("notificationUnsubscribeBacking.confirm", "(no login: the kind of mail of the account the signed token names, nothing else: NotificationMailIT)"),
            Map.entry("accountSecondFactorBacking.verify", "(the login's second step: only the account whose password this session gave, TwoFactorIT)"),
            Map.entry("accountTwoFactorBacking.start", "(the logged-in caller's own account only, name from the session: TwoFactorIT)"),
            Map.entry("accountTwoFactorBacking.confirm", "(the logged-in caller's own account only, needs its code: TwoFactorIT)"),
            Map.entry("accountTwoFactorBacking.disable", "(the logged-in caller's own account only, needs password and code: TwoFactorIT)"),
            Map.entry("accountTwoFactorBacking.renewBackupCodes", "(the logged-in caller's own account only, needs password and code: TwoFactorIT)"),
            Map.entry("accountRegisterBacking.register", "(open to everyone, creates the caller's own account: AccountIT)"));

    /**
     * The plain HTML forms, by the start of their id, with the rows that prove them: row forms
     * decoded by a Faces form of their page (web.RowForms), and the logout form, a servlet's (below).
     */
    static final Map<String, String> PLAIN_FORMS = Map.of(
            // A target's action form in the moderation queue or on its page, decoded by the moderation-actions Faces form.
            "act-", MODERATION_ACTIONS,
            "logout", "(LogoutServlet: plainServletPostsNeedTheirToken)",
            // The session-ended page (#14) posts the /connexion login form's own fields: open to everyone,
            // it writes only the caller's new session (accountLoginBacking.login above; ForumIT's ended-session test).
            "login", "(the /connexion login form: accountLoginBacking.login; ForumIT.aMemberWhoseSessionEnded…)",
            // An unread notification's « marquer comme lue », decoded by the notification-actions Faces form.
            "notification-", "notifications : marquer lue celle d'un autre",
            // A post's own form on a thread page (ADR 0024), decoded by the thread-actions Faces form.
            "post-", "forum : supprimer un message;forum : marquer la solution;forum : dire merci",
            // « Revenir à cette version », confirmed (#14): decoded by the history Faces form.
            "history-confirm", "tutoriels : revenir à une version;tutoriels : revenir à une version (protégé)");

    private static final Pattern PLAIN_FORM = Pattern.compile("<form\\b[^>]*?\\bid=\"([\\w-]*)[^>]*?\\bmethod=\"post\"");

    /** The servlets that accept a POST, each proved by {@link #plainServletPostsNeedTheirToken()}. */
    static final List<String> SERVLET_POSTS = List.of("LogoutServlet",
            // RFC 8058 one-click unsubscribe: no login and no view state by design; the signed token
            // names the account and the kind, and a wrong one answers 404 (NotificationMailIT).
            "OneClickUnsubscribeServlet");

    /** A button's action, or its action listener (the image upload of #15 acts before validation, as a listener). */
    private static final Pattern BUTTON_ACTION = Pattern.compile("<h:command(?:Button|Link)\\b[^>]*?\\b(?:action|actionListener)=\"#\\{(\\w+\\.\\w+)");

    @Test
    void everyFormActionHasARow() throws IOException {
        Set<String> called = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher matcher = BUTTON_ACTION.matcher(Files.readString(page));
                while (matcher.find()) {
                    called.add(matcher.group(1));
                }
            }
        }
        assertFalse(called.isEmpty(), "the pages were read");
        Set<String> missing = new TreeSet<>(called);
        missing.removeAll(ACTIONS.keySet());
        assertTrue(missing.isEmpty(), "write actions with no row in AuthorizationIT.TABLE (add rows, then list them in ACTIONS): " + missing);
        Set<String> rows = new TreeSet<>(TABLE.stream().map(Row::action).toList());
        for (Map.Entry<String, String> entry : ACTIONS.entrySet()) {
            assertTrue(called.contains(entry.getKey()), "no page calls " + entry.getKey() + " any more: remove it from ACTIONS");
            if (!entry.getValue().startsWith("(")) {
                for (String row : entry.getValue().split(";")) {
                    assertTrue(rows.contains(row), entry.getKey() + " names a row that is not in the table: " + row);
                }
            }
        }

        Set<String> plainForms = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher matcher = PLAIN_FORM.matcher(Files.readString(page));
                while (matcher.find()) {
                    plainForms.add(matcher.group(1));
                }
            }
        }
        assertEquals(new TreeSet<>(PLAIN_FORMS.keySet()), plainForms, "plain POST forms (list each in PLAIN_FORMS with its rows)");
        for (String proved : PLAIN_FORMS.values()) {
            if (!proved.startsWith("(")) {
                for (String row : proved.split(";")) {
                    assertTrue(rows.contains(row), "PLAIN_FORMS names a row that is not in the table: " + row);
                }
            }
        }

        Set<String> servlets = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(source).contains("void doPost(")) {
                    servlets.add(source.getFileName().toString().replace(".java", ""));
                }
            }
        }
        assertEquals(new TreeSet<>(SERVLET_POSTS), servlets, "servlets that accept a POST (give each its token tests)");
    }

    // ------------------------------------------------------------------ the callers

    /** The accounts of a run: one per kind of caller, plus a third member who plays the others. */
    static final class Cast {
        final URI base;
        final Map<Kind, String> usernames = new EnumMap<>(Kind.class);
        final Map<Kind, String> passwords = new EnumMap<>(Kind.class);
        final Map<Kind, WebClient> sessions = new EnumMap<>(Kind.class);
        final String thirdName;
        final WebClient third;
        final String suspendedName;

        Cast(URI base) throws SQLException {
            this.base = base;
            for (Kind kind : List.of(Kind.MEMBER, Kind.OWNER, Kind.MODERATOR, Kind.ADMIN)) {
                WebClient registering = new WebClient(base);
                usernames.put(kind, registering.registerNewMember(prefix(kind), PASSWORD));
                passwords.put(kind, PASSWORD);
            }
            WebClient thirdClient = new WebClient(base);
            thirdName = thirdClient.registerNewMember("tiers", PASSWORD);
            // Older than any newcomer rule; roles given in the database (no role page yet), before logging in.
            update("UPDATE account SET created_at = created_at - INTERVAL 400 DAY WHERE username IN (?, ?, ?, ?, ?)",
                    usernames.get(Kind.MEMBER), usernames.get(Kind.OWNER), usernames.get(Kind.MODERATOR),
                    usernames.get(Kind.ADMIN), thirdName);
            update("UPDATE account SET role = 'MODERATOR' WHERE username = ?", usernames.get(Kind.MODERATOR));
            update("UPDATE account SET role = 'ADMIN' WHERE username = ?", usernames.get(Kind.ADMIN));
            for (Kind kind : usernames.keySet()) {
                sessions.put(kind, login(kind));
            }
            third = new WebClient(base);
            assertEquals(302, third.login(thirdName, PASSWORD).status());
            suspendedName = new WebClient(base).registerNewMember("suspendu", PASSWORD);
            update("UPDATE account SET created_at = created_at - INTERVAL 400 DAY WHERE username = ?", suspendedName);
        }

        /**
         * A session of the suspended member, opened while they could still log in, then suspended
         * (indefinitely): what a member holds when a moderator suspends them mid-visit.
         */
        WebClient suspendedSession() throws SQLException {
            update("UPDATE account SET suspended_at = NULL, suspended_until = NULL, suspension_reason = NULL WHERE username = ?",
                    suspendedName);
            WebClient client = new WebClient(base);
            assertEquals(302, client.login(suspendedName, PASSWORD).status());
            update("UPDATE account SET suspended_at = NOW(6), suspension_reason = 'essai des autorisations' WHERE username = ?",
                    suspendedName);
            return client;
        }

        private static String prefix(Kind kind) {
            return switch (kind) {
                case MEMBER -> "membre";
                case OWNER -> "proprio";
                case MODERATOR -> "veilleur";
                case ADMIN -> "gerante";
                default -> throw new IllegalArgumentException(kind.name());
            };
        }

        /** A new session of this kind's account. */
        WebClient login(Kind kind) {
            WebClient client = new WebClient(base);
            Page done = client.login(usernames.get(kind), passwords.get(kind));
            assertEquals(302, done.status(), "login of " + kind + ": " + done.mainText());
            return client;
        }

        /** The caller's session: a fresh one for anonymous visitors and suspended members, the account's own otherwise. */
        WebClient client(Kind kind) throws SQLException {
            return switch (kind) {
                case ANONYMOUS -> new WebClient(base);
                case SUSPENDED -> suspendedSession();
                default -> sessions.get(kind);
            };
        }

        WebClient owner() {
            return sessions.get(Kind.OWNER);
        }

        long id(Kind kind) throws SQLException {
            return accountId(usernames.get(kind));
        }
    }

    private static Cast cast;

    private synchronized Cast cast() throws Exception {
        if (cast == null) {
            cast = new Cast(base.toURI());
        }
        return cast;
    }

    // ------------------------------------------------------------------ the tests

    @TestFactory
    Stream<DynamicNode> everyActionByEveryCaller() {
        return TABLE.stream().map(row -> DynamicContainer.dynamicContainer(row.action(),
                Stream.of(Kind.values()).map(kind -> DynamicTest.dynamicTest(kind + " → " + row.expected().get(kind),
                        () -> check(row, kind)))));
    }

    private void check(Row row, Kind kind) throws Exception {
        Expect expected = row.expected().get(kind);
        Cast cast = cast();
        Trial trial = row.scenario().prepare(cast, kind);
        assertFalse(trial.effect().happened(), row.action() + ": the effect is already there before the attempt");
        Attempt attempt = obtain(cast, kind, trial);
        attempt.submit(trial);
        boolean happened = trial.effect().happened();
        System.out.println("[authz] " + row.action() + " | " + kind + " | " + (happened ? "ALLOW" : "DENY") + " | " + attempt);
        assertEquals(expected == Expect.ALLOW, happened,
                row.action() + " by " + kind + ": expected " + expected + " but the effect " + (happened ? "happened" : "did not happen")
                        + " — " + attempt);
        // A refusal is a clean answer (the page, the service, the access filter or an expired form), never an incident.
        assertTrue(attempt.answer().status() < 500, row.action() + " by " + kind + ": " + attempt);
    }

    @TestFactory
    Stream<DynamicNode> everyFacesFormNeedsItsViewState() {
        return TABLE.stream().map(row -> {
            Kind allowed = Stream.of(Kind.OWNER, Kind.MEMBER, Kind.MODERATOR, Kind.ADMIN)
                    .filter(k -> row.expected().get(k) == Expect.ALLOW).findFirst().orElseThrow();
            return DynamicTest.dynamicTest(row.action() + " — " + allowed + " sans view state", () -> {
                Cast cast = cast();
                Trial trial = row.scenario().prepare(cast, allowed);
                Attempt attempt = obtain(cast, allowed, trial);
                assertTrue(attempt.usedOwnForm(), "the allowed caller sees the form: " + attempt);
                trial.fill().accept(attempt.form());
                Page forged = attempt.form().replayedBy(trial.callerFrom(cast, allowed), null).submit(trial.button());
                assertFalse(trial.effect().happened(), row.action() + ": done without a view state (" + forged.status() + ")");
                // The same form with its view state does work: the refusal above is the missing view state's.
                attempt.submit(trial);
                assertTrue(trial.effect().happened(), row.action() + ": the genuine form should work for " + allowed + " — " + attempt);
            });
        });
    }

    /** A Faces form as one caller sends it: the form, how it was obtained, and (once sent) the answer. */
    static final class Attempt {
        private final Form form;
        private final boolean usedOwnForm;
        private final String how;
        private Page answer;

        Attempt(Form form, boolean usedOwnForm, String how) {
            this.form = form;
            this.usedOwnForm = usedOwnForm;
            this.how = how;
        }

        Page answer() {
            return answer;
        }

        Form form() {
            return form;
        }

        boolean usedOwnForm() {
            return usedOwnForm;
        }

        void submit(Trial trial) {
            trial.fill().accept(form);
            answer = form.submit(trial.button());
        }

        @Override
        public String toString() {
            String text = answer == null ? "" : answer.mainText();
            return how + "; answer " + (answer == null ? "none" : answer.status()
                    + (answer.isRedirect() ? " → " + answer.location() : "")
                    + (answer.body().contains("id=\"error-expired\"") ? " (view expired)" : "")
                    + " « " + text.substring(0, Math.min(200, text.length())) + " »");
        }
    }

    /** The caller's own CSRF token (the logout form of a logged-in page), or an empty one for a visitor. */
    private static String csrfOf(WebClient caller) {
        Page account = caller.get("/compte");
        var token = account.status() == 200 ? account.html().selectFirst("form#logout input[name=csrf]") : null;
        return token == null ? "" : token.val();
    }

    /** Gets the form as the caller would, or else the reference's form with the caller's own view state. */
    private static Attempt obtain(Cast cast, Kind kind, Trial trial) throws SQLException {
        WebClient caller = trial.callerFrom(cast, kind);
        Page own = caller.get(trial.path());
        Form form;
        boolean usedOwn;
        String how;
        Form mine = own.status() == 200 ? find(own, trial.form()) : null;
        if (mine != null && mine.hasButton(trial.button())) {
            form = mine;
            usedOwn = true;
            how = "own form";
        } else {
            Page reference = trial.reference().get(trial.path());
            Form theirs = find(reference, trial.form());
            if (theirs == null) {
                fail("the reference caller does not see form " + trial.form() + " on " + trial.path() + ": " + reference.mainText());
            }
            String viewState = own.status() == 200 ? own.viewState() : null;
            String from = trial.path();
            for (String fallback : viewStateSources(trial.path())) {
                if (viewState == null) {
                    Page page = caller.get(fallback);
                    viewState = page.status() == 200 ? page.viewState() : null;
                    from = fallback;
                }
            }
            form = theirs.replayedBy(caller, viewState);
            if (form.has("csrf")) {
                form.set("csrf", csrfOf(caller));
            }
            usedOwn = false;
            how = "form replayed from a caller who sees it, GET " + trial.path() + " answered " + own.status()
                    + (viewState == null ? ", no view state in this session" : ", view state of the caller's " + from);
        }
        return new Attempt(form, usedOwn, how);
    }

    /**
     * Where else a caller may get a view state of their own session, best first: a page of the
     * same Faces view (MultiViews: every {@code /voisins/…} address is {@code voisins.xhtml},
     * every {@code /tutoriels/…} one {@code tutoriels.xhtml}), then any page with a form.
     */
    static List<String> viewStateSources(String path) {
        List<String> sources = new ArrayList<>();
        if (path.startsWith("/voisins/")) {
            sources.add("/voisins/nouveau");
        } else if (path.startsWith("/tutoriels/")) {
            sources.add("/tutoriels/nouveau");
            String slug = path.substring("/tutoriels/".length()).split("[/?]")[0];
            if (!slug.equals("nouveau")) {
                sources.add("/tutoriels/" + slug + "/historique"); // its form is there for everyone, anonymous visitors included
            }
        }
        sources.add("/nouveau-sujet");
        sources.add("/connexion");
        return sources;
    }

    private static Form find(Page page, String locator) {
        if (locator.startsWith("#")) {
            // A visitor sees a post's « merci » count outside any form (#11): no form for them.
            org.jsoup.nodes.Element element = page.html().getElementById(locator.substring(1));
            return element == null || element.closest("form") == null ? null : page.formAround(locator.substring(1));
        }
        if (locator.contains("*")) {
            // A row form (web.RowForms) named after its row: the first of the page (notification-*-read).
            Pattern id = Pattern.compile(Pattern.quote(locator).replace("*", "\\E[0-9]+\\Q"));
            return page.html().select("form[id]").stream().filter(f -> id.matcher(f.id()).matches()).findFirst()
                    .map(f -> page.form(f.id())).orElse(null);
        }
        return page.hasFormEndingWith(locator) ? page.formEndingWith(locator) : null;
    }

    @TestFactory
    Stream<DynamicNode> plainServletPostsNeedTheirToken() {
        List<DynamicNode> tests = new ArrayList<>();
        for (Kind kind : List.of(Kind.MEMBER, Kind.OWNER, Kind.MODERATOR, Kind.ADMIN)) {
            tests.add(DynamicTest.dynamicTest("/deconnexion sans jeton — " + kind + " → DENY", () -> {
                WebClient session = cast().login(kind);
                Page refused = session.post("/deconnexion", Map.of());
                assertEquals(403, refused.status(), "a logout without the session's token is refused");
                assertEquals(200, session.get("/compte").status(), "still logged in");
                Page wrong = session.post("/deconnexion", Map.of("csrf", "pas-le-bon-jeton"));
                assertEquals(403, wrong.status(), "nor with another token");
                assertEquals(200, session.get("/compte").status(), "still logged in");
            }));
            tests.add(DynamicTest.dynamicTest("/deconnexion avec le jeton — " + kind + " → ALLOW", () -> {
                WebClient session = cast().login(kind);
                String token = session.get("/compte").html().selectFirst("form#logout input[name=csrf]").val();
                Page done = session.post("/deconnexion", Map.of("csrf", token));
                assertEquals(303, done.status());
                assertEquals(302, session.get("/compte").status(), "logged out: /compte sends to the login page");
            }));
        }
        tests.add(DynamicTest.dynamicTest("/deconnexion — SUSPENDED → already logged out", () -> {
            WebClient session = cast().suspendedSession();
            assertEquals(302, session.get("/compte").status(), "a suspended member's session ends at its next request");
            assertTrue(session.post("/deconnexion", Map.of()).status() >= 300, "nothing left to log out, and no token");
        }));
        return tests.stream();
    }

    // ------------------------------------------------------------------ forum scenarios

    private static Trial newTopic(Cast cast, Kind kind) {
        String title = "Une question pour les autorisations " + Names.username("q");
        return new Trial("/nouveau-sujet?categorie=" + CATEGORY, "topic", "submit",
                f -> f.set("title", title).set("category", CATEGORY).set("body", "Le corps de la question."),
                cast.owner(), () -> count("SELECT COUNT(*) FROM forum_topic WHERE title = ?", title) > 0);
    }

    private static String ask(WebClient author) {
        return Discussions.ask(author, CATEGORY, "Un sujet pour les autorisations " + Names.username("s"), "La question.", null);
    }

    private static long topicId(String topic) {
        return Long.parseLong(topic.split("/")[2]);
    }

    private static Trial reply(Cast cast, Kind kind) {
        String topic = ask(cast.owner());
        String body = "Une réponse " + Names.username("r");
        return new Trial(topic, "reply", "submit", f -> f.set("body", body), cast.owner(),
                () -> count("SELECT COUNT(*) FROM forum_post WHERE body_markdown = ?", body) > 0);
    }

    private static Trial replyToPost(Cast cast, Kind kind) {
        String topic = ask(cast.owner());
        long post = Discussions.reply(cast.third, topic, null, "Un message auquel répondre.");
        String body = "Une réponse à un message " + Names.username("r");
        return new Trial(topic + "?repondre=" + post, "replyTo", "submit", f -> f.set("body", body), cast.owner(),
                () -> count("SELECT COUNT(*) FROM forum_post WHERE body_markdown = ? AND parent_id = ?", body, post) > 0);
    }

    private static Trial replyLocked(Cast cast, Kind kind) throws SQLException {
        String topic = ask(cast.owner());
        // Locking is a moderation action still to come (issue 6): the database plays it, as ForumIT does.
        update("UPDATE forum_topic SET locked = TRUE WHERE id = ?", topicId(topic));
        String body = "Une réponse malgré le verrou " + Names.username("r");
        return new Trial(topic, "reply", "submit", f -> f.set("body", body), cast.sessions.get(Kind.MODERATOR),
                () -> count("SELECT COUNT(*) FROM forum_post WHERE body_markdown = ?", body) > 0);
    }

    /** The owner's topic with a reply by the owner; returns {topic, post id}. */
    private static Object[] topicWithOwnersReply(Cast cast) {
        String topic = ask(cast.owner());
        long post = Discussions.reply(cast.owner(), topic, null, "La réponse du propriétaire.");
        return new Object[] {topic, post};
    }

    private static Trial editPost(Cast cast, Kind kind) {
        Object[] t = topicWithOwnersReply(cast);
        long post = (long) t[1];
        String body = "Un texte corrigé " + Names.username("e");
        return new Trial(t[0] + "?modifier=" + post, "edit", "submit", f -> f.set("body", body), cast.owner(),
                () -> count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND body_markdown = ?", post, body) > 0);
    }

    private static Trial deletePost(Cast cast, Kind kind) {
        Object[] t = topicWithOwnersReply(cast);
        long post = (long) t[1];
        // The confirmation's fields (#14): its form is the row form's, plus « confirm ».
        return new Trial((String) t[0], "#likes-" + post, "delete", f -> f.put("confirm", "oui"), cast.owner(),
                () -> count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND deleted_at IS NOT NULL", post) > 0);
    }

    private static Trial markSolution(Cast cast, Kind kind) {
        String topic = ask(cast.owner());
        long answer = Discussions.reply(cast.third, topic, null, "Une solution proposée par un tiers.");
        return new Trial(topic, "#likes-" + answer, "solution", f -> { }, cast.owner(),
                () -> count("SELECT COUNT(*) FROM forum_topic WHERE id = ? AND solution_post_id = ?", topicId(topic), answer) > 0);
    }

    private static Trial like(Cast cast, Kind kind) {
        Object[] t = topicWithOwnersReply(cast);
        long post = (long) t[1];
        return new Trial((String) t[0], "#likes-" + post, "like", f -> { }, cast.third,
                () -> count("SELECT COUNT(*) FROM forum_like WHERE post_id = ?", post) > 0);
    }

    private static Trial watch(Cast cast, Kind kind) throws SQLException {
        String topic = ask(cast.owner());
        String before = subscriptions(topicId(topic));
        return new Trial(topic, "watch", "watch-toggle", f -> { }, cast.owner(),
                () -> !subscriptions(topicId(topic)).equals(before));
    }

    private static String subscriptions(long topic) throws SQLException {
        return text("SELECT COALESCE(GROUP_CONCAT(account_id, ':', watching ORDER BY account_id), '') FROM forum_subscription WHERE topic_id = ?",
                topic);
    }

    private static Trial createCategory(Cast cast, Kind kind) {
        String name = "Catégorie " + Names.username("c");
        return new Trial("/admin/categories", "newCategory", "submit",
                f -> f.set("name", name).set("description", "Une catégorie d'essai.").set("position", "90"),
                cast.sessions.get(Kind.ADMIN), () -> count("SELECT COUNT(*) FROM forum_category WHERE name = ?", name) > 0);
    }

    /** The effect: this node's count of rebuild requests, read on the administration page, went up. */
    private static Trial rebuildSearchIndex(Cast cast, Kind kind) {
        WebClient admin = cast.sessions.get(Kind.ADMIN);
        long before = rebuildRequests(admin);
        return new Trial("/admin/recherche", "rebuild", "submit", f -> { }, admin, () -> rebuildRequests(admin) > before);
    }

    private static long rebuildRequests(WebClient admin) {
        return Long.parseLong(admin.get("/admin/recherche").html().getElementById("search-rebuild-requests").text().strip());
    }

    private static Trial updateCategory(Cast cast, Kind kind) throws SQLException {
        WebClient admin = cast.sessions.get(Kind.ADMIN);
        String name = "Catégorie " + Names.username("c");
        Page created = admin.get("/admin/categories").form("newCategory")
                .set("name", name).set("description", "À renommer.").set("position", "91").submit();
        assertEquals(302, created.status(), created.mainText());
        String slug = text("SELECT slug FROM forum_category WHERE name = ?", name);
        String id = admin.get("/admin/categories").html().select("form[id$=:category]").stream()
                .filter(form -> form.select("h2 .username").text().equals("/c/" + slug)).findFirst().orElseThrow().id();
        String renamed = name + " renommée";
        return new Trial("/admin/categories", id, "submit", f -> f.set("name", renamed), admin,
                () -> count("SELECT COUNT(*) FROM forum_category WHERE slug = ? AND name = ?", slug, renamed) > 0);
    }

    // ------------------------------------------------------------------ tutorial scenarios

    enum Lock { OPEN, PROTECTED, ARCHIVED }

    private static String tutorialTitle() {
        return "Un tutoriel pour les autorisations " + Names.username("w");
    }

    private static Consumer<Form> tutorialFields(String title, String body) {
        return f -> f.set("title", title).set("section", CATEGORY).set("level", "debutant").set("audience", "MEMBRE")
                .set("body", body).set("summary", "Essai");
    }

    private static Trial createTutorial(Cast cast, Kind kind) {
        String title = tutorialTitle();
        return new Trial("/tutoriels/nouveau", "wiki", "submit", tutorialFields(title, "Le texte du tutoriel."), cast.owner(),
                () -> count("SELECT COUNT(*) FROM wiki_page WHERE title = ?", title) > 0);
    }

    /** A tutorial written by the owner (two versions), then protected or archived by a moderator; returns its slug. */
    private static String tutorial(Cast cast, Lock lock) {
        String title = tutorialTitle();
        Page saved = cast.owner().get("/tutoriels/nouveau").form("wiki").set("title", title).set("section", CATEGORY)
                .set("level", "debutant").set("audience", "MEMBRE").set("body", "Première version.").set("summary", "v1").submit();
        assertEquals(302, saved.status(), saved.mainText());
        String path = saved.location().substring(saved.location().indexOf("/tutoriels/"));
        Page edited = cast.owner().get(path + "/modifier").form("wiki").set("body", "Deuxième version.").set("summary", "v2").submit();
        assertEquals(302, edited.status(), edited.mainText());
        if (lock != Lock.OPEN) {
            Page locked = cast.sessions.get(Kind.MODERATOR).get(path).form("moderation")
                    .submit(lock == Lock.PROTECTED ? "protect" : "archive");
            assertEquals(302, locked.status(), locked.mainText());
        }
        return path.substring("/tutoriels/".length());
    }

    private static WebClient tutorialReference(Cast cast, Lock lock) {
        return lock == Lock.OPEN ? cast.owner() : cast.sessions.get(Kind.MODERATOR);
    }

    private static Trial editTutorial(Cast cast, Lock lock) {
        String slug = tutorial(cast, lock);
        String body = "Une modification " + Names.username("m");
        return new Trial("/tutoriels/" + slug + "/modifier", "wiki", "submit", f -> f.set("body", body), tutorialReference(cast, lock),
                () -> count("SELECT COUNT(*) FROM wiki_revision r JOIN wiki_page p ON p.id = r.page_id WHERE p.slug = ? AND r.body_markdown = ?",
                        slug, body) > 0);
    }

    private static Trial revertTutorial(Cast cast, Lock lock) {
        String slug = tutorial(cast, lock);
        return new Trial("/tutoriels/" + slug + "/historique", "history", "revert", f -> f.put("confirm", "oui"), tutorialReference(cast, lock),
                () -> count("SELECT COUNT(*) FROM wiki_page WHERE slug = ? AND revision_count = 3", slug) > 0);
    }

    private static Trial reviewTutorial(Cast cast, Lock lock) {
        String slug = tutorial(cast, lock);
        return new Trial("/tutoriels/" + slug, "review", "submit", f -> f.set("reviewVersion", "31"), tutorialReference(cast, lock),
                () -> count("SELECT COUNT(*) FROM wiki_page WHERE slug = ? AND last_reviewed_at IS NOT NULL", slug) > 0);
    }

    private static Trial signalOutdated(Cast cast, Kind kind) {
        String slug = tutorial(cast, Lock.OPEN);
        return new Trial("/tutoriels/" + slug, "outdated", "submit", f -> f.set("comment", "Le menu a changé."), cast.owner(),
                () -> count("SELECT COUNT(*) FROM wiki_outdated_signal s JOIN wiki_page p ON p.id = s.page_id WHERE p.slug = ?", slug) > 0);
    }

    private static Trial moderateTutorial(Cast cast, String button, String column) {
        String slug = tutorial(cast, Lock.OPEN);
        return new Trial("/tutoriels/" + slug, "moderation", button, f -> { }, cast.sessions.get(Kind.MODERATOR),
                () -> count("SELECT COUNT(*) FROM wiki_page WHERE slug = ? AND " + column + " = TRUE", slug) > 0);
    }

    private static Trial unlockTutorial(Cast cast, Lock lock) {
        String slug = tutorial(cast, lock);
        String column = lock == Lock.PROTECTED ? "protected" : "archived";
        return new Trial("/tutoriels/" + slug, "moderation", lock == Lock.PROTECTED ? "protect" : "archive", f -> { },
                cast.sessions.get(Kind.MODERATOR),
                () -> count("SELECT COUNT(*) FROM wiki_page WHERE slug = ? AND " + column + " = FALSE", slug) > 0);
    }

    // ------------------------------------------------------------------ collective scenarios

    private static Consumer<Form> collectiveFields(String name, String presentation) {
        return f -> f.set("name", name).set("presentation", presentation).set("kind", "ASSOCIATION").set("region", "35").set("size", "11-50");
    }

    private static String collectiveName() {
        return "Collectif des autorisations " + Names.username("k").replace("-", "");
    }

    private static Trial createCollective(Cast cast, Kind kind) {
        String name = collectiveName();
        return new Trial("/voisins/nouveau", "collective", "submit", collectiveFields(name, "Nous essayons les droits."), cast.owner(),
                () -> count("SELECT COUNT(*) FROM collective WHERE name = ?", name) > 0);
    }

    /** A collective founded by {@code founder}; returns its slug. */
    private static String collective(WebClient founder) {
        WebClient.Form form = founder.get("/voisins/nouveau").form("collective");
        collectiveFields(collectiveName(), "Nous essayons les droits.").accept(form);
        Page saved = form.submit();
        assertEquals(302, saved.status(), saved.mainText());
        return saved.location().substring(saved.location().indexOf("/voisins/") + "/voisins/".length());
    }

    /** {@code admin} invites {@code username} and the invited member's session accepts. */
    private static void join(WebClient admin, String slug, String username, WebClient invited) {
        assertEquals(302, admin.get("/voisins/" + slug).form("manage").set("username", username).submit().status());
        if (invited != null) {
            assertEquals(302, invited.get("/voisins/" + slug).form("invitation").submit().status());
        }
    }

    private static long collectiveId(String slug) throws SQLException {
        return count("SELECT id FROM collective WHERE slug = ?", slug);
    }

    private static Trial editCollective(Cast cast, Kind kind) {
        String slug = collective(cast.owner());
        String presentation = "Une présentation modifiée " + Names.username("p");
        return new Trial("/voisins/" + slug + "/modifier", "collective", "submit", f -> f.set("presentation", presentation), cast.owner(),
                () -> count("SELECT COUNT(*) FROM collective WHERE slug = ? AND presentation_markdown = ?", slug, presentation) > 0);
    }

    private static Trial invite(Cast cast, Kind kind) throws SQLException {
        String slug = collective(cast.owner());
        long c = collectiveId(slug);
        long third = accountId(cast.thirdName);
        return new Trial("/voisins/" + slug, "manage", "submit", f -> f.set("username", cast.thirdName), cast.owner(),
                () -> count("SELECT COUNT(*) FROM collective_member WHERE collective_id = ? AND account_id = ?", c, third) > 0);
    }

    private static Trial accept(Cast cast, Kind kind) throws SQLException {
        String slug = collective(cast.third);
        join(cast.third, slug, cast.usernames.get(Kind.OWNER), null);
        long c = collectiveId(slug);
        return new Trial("/voisins/" + slug, "invitation", "submit", f -> { }, cast.owner(),
                () -> count("SELECT COUNT(*) FROM collective_member WHERE collective_id = ? AND status = 'ACTIVE'", c) > 1);
    }

    private static Trial decline(Cast cast, Kind kind) throws SQLException {
        String slug = collective(cast.third);
        join(cast.third, slug, cast.usernames.get(Kind.OWNER), null);
        long c = collectiveId(slug);
        return new Trial("/voisins/" + slug, "decline", "submit", f -> { }, cast.owner(),
                () -> count("SELECT COUNT(*) FROM collective_member WHERE collective_id = ?", c) < 2);
    }

    private static Trial leave(Cast cast, Kind kind) throws SQLException {
        String slug = collective(cast.third);
        join(cast.third, slug, cast.usernames.get(Kind.OWNER), cast.owner());
        long c = collectiveId(slug);
        return new Trial("/voisins/" + slug, "leave", "submit", f -> { }, cast.owner(),
                () -> count("SELECT COUNT(*) FROM collective_member WHERE collective_id = ?", c) < 2);
    }

    /** The owner's collective with the third member active in it. */
    private static String collectiveWithThird(Cast cast) {
        String slug = collective(cast.owner());
        join(cast.owner(), slug, cast.thirdName, cast.third);
        return slug;
    }

    private static Trial removeMember(Cast cast, Kind kind) throws SQLException {
        String slug = collectiveWithThird(cast);
        long c = collectiveId(slug);
        long third = accountId(cast.thirdName);
        return new Trial("/voisins/" + slug, "manage", "remove", f -> f.set("username", cast.thirdName), cast.owner(),
                () -> count("SELECT COUNT(*) FROM collective_member WHERE collective_id = ? AND account_id = ?", c, third) == 0);
    }

    private static Trial appoint(Cast cast, Kind kind) throws SQLException {
        String slug = collectiveWithThird(cast);
        long c = collectiveId(slug);
        long third = accountId(cast.thirdName);
        return new Trial("/voisins/" + slug, "manage", "appoint", f -> f.set("username", cast.thirdName), cast.owner(),
                () -> count("SELECT COUNT(*) FROM collective_member WHERE collective_id = ? AND account_id = ? AND role = 'ADMIN'", c, third) > 0);
    }

    private static Trial visibility(Cast cast, Kind kind) throws SQLException {
        String slug = collective(cast.owner());
        long c = collectiveId(slug);
        String before = text("SELECT GROUP_CONCAT(account_id, ':', visible ORDER BY account_id) FROM collective_member WHERE collective_id = ?", c);
        return new Trial("/voisins/" + slug, "visibility", "submit", f -> { }, cast.owner(),
                () -> !Objects.equals(before,
                        text("SELECT GROUP_CONCAT(account_id, ':', visible ORDER BY account_id) FROM collective_member WHERE collective_id = ?", c)));
    }

    private static Trial createArea(Cast cast, Kind kind) {
        String name = "Domaine " + Names.username("d");
        return new Trial("/admin/domaines", "newArea", "submit", f -> f.set("name", name).set("position", "500"),
                cast.sessions.get(Kind.ADMIN), () -> count("SELECT COUNT(*) FROM expertise_area WHERE name = ?", name) > 0);
    }

    /** A fresh area of the vocabulary, and the id of its form on /admin/domaines. */
    private static String[] area(WebClient admin) throws SQLException {
        String name = "Domaine " + Names.username("d");
        Page created = admin.get("/admin/domaines").form("newArea").set("name", name).set("position", "501").submit();
        assertEquals(302, created.status(), created.mainText());
        String slug = text("SELECT slug FROM expertise_area WHERE name = ?", name);
        String id = admin.get("/admin/domaines").html().select("form.area-form").stream()
                .filter(form -> form.select("h2 .username").text().equals(slug)).findFirst().orElseThrow().id();
        return new String[] {slug, id};
    }

    private static Trial renameArea(Cast cast, Kind kind) throws SQLException {
        WebClient admin = cast.sessions.get(Kind.ADMIN);
        String[] area = area(admin);
        String renamed = "Domaine renommé " + Names.username("d");
        return new Trial("/admin/domaines", area[1], "submit", f -> f.set("name", renamed), admin,
                () -> count("SELECT COUNT(*) FROM expertise_area WHERE slug = ? AND name = ?", area[0], renamed) > 0);
    }

    private static Trial retireArea(Cast cast, Kind kind) throws SQLException {
        WebClient admin = cast.sessions.get(Kind.ADMIN);
        String[] area = area(admin);
        return new Trial("/admin/domaines", area[1], "retire", f -> { }, admin,
                () -> count("SELECT COUNT(*) FROM expertise_area WHERE slug = ? AND retired_at IS NOT NULL", area[0]) > 0);
    }

    // ------------------------------------------------------------------ moderation scenarios

    private static Trial reportPost(Cast cast, Kind kind) {
        String topic = ask(cast.third);
        long post = Discussions.reply(cast.owner(), topic, null, "Une réponse à signaler " + Names.username("m"));
        return new Trial("/signaler?cible=post:" + post, "report", "submit", f -> f.set("reason", "SPAM").set("comment", "Publicité."),
                cast.third, () -> count("SELECT COUNT(*) FROM moderation_report WHERE target_type = 'post' AND target_id = ?", post) > 0);
    }

    /** A different picture for each attempt: its size tells its row apart (height {@value #IMAGE_HEIGHT}). */
    private static final java.util.concurrent.atomic.AtomicInteger IMAGE_WIDTHS = new java.util.concurrent.atomic.AtomicInteger(300);
    private static final int IMAGE_HEIGHT = 77;

    private static byte[] png(int width) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, IMAGE_HEIGHT, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static Trial uploadImage(Cast cast, Kind kind) throws IOException {
        String topic = ask(cast.owner());
        int width = IMAGE_WIDTHS.incrementAndGet();
        byte[] png = png(width);
        return new Trial(topic, "reply", "upload", f -> f.attach("image", "capture.png", "image/png", png).set("imageAlt", "Une capture"),
                cast.owner(), () -> count("SELECT COUNT(*) FROM media_image WHERE width = ? AND height = ?", width, IMAGE_HEIGHT) > 0);
    }

    private static Trial reportImage(Cast cast, Kind kind) throws Exception {
        String topic = ask(cast.third);
        int width = IMAGE_WIDTHS.incrementAndGet();
        Page uploaded = cast.owner().get(topic).form("reply").set("body", "Voici mon écran.")
                .attach("image", "ecran.png", "image/png", png(width)).set("imageAlt", "Mon écran").submit("upload");
        assertEquals(200, uploaded.status(), uploaded.mainText());
        assertEquals(302, uploaded.form("reply").submit().status(), "the reply with its image is published");
        long image = count("SELECT id FROM media_image WHERE width = ? AND height = ?", width, IMAGE_HEIGHT);
        return new Trial("/signaler?cible=image:" + image, "report", "submit", f -> f.set("reason", "PERSONAL_DATA").set("comment", "Une adresse."),
                cast.third, () -> count("SELECT COUNT(*) FROM moderation_report WHERE target_type = 'image' AND target_id = ?", image) > 0);
    }

    /** What a moderation action is tried on, prepared fresh for each attempt. */
    enum Target { REPORTED_POST, HIDDEN_POST, TOPIC, LOCKED_TOPIC, STRANGERS_POST, SUSPENDED_AUTHORS_POST, PENDING_POST }

    /**
     * One action of the moderation forms ({@code /moderation/cible?cible=…}, a row form decoded by
     * the page's {@code moderation-actions} Faces form) on a fresh target; the effect is its line in the journal, which every
     * action writes. Suspensions and approvals act on a disposable author, never on the cast.
     */
    private static Trial moderate(Cast cast, String action, Target target) throws Exception {
        WebClient moderator = cast.sessions.get(Kind.MODERATOR);
        String cible = switch (target) {
            case REPORTED_POST -> {
                long post = Discussions.reply(cast.owner(), ask(cast.third), null, "Une réponse signalée " + Names.username("m"));
                // A fresh reporter each time: reports are rate-limited per member.
                WebClient reporter = new WebClient(cast.base);
                reporter.registerNewMember("rapporteur", PASSWORD);
                assertEquals(302, reporter.get("/signaler?cible=post:" + post).form("report").set("reason", "OFF_TOPIC").submit().status());
                yield "post:" + post;
            }
            case HIDDEN_POST -> {
                long post = Discussions.reply(cast.owner(), ask(cast.third), null, "Une réponse masquée " + Names.username("m"));
                assertEquals(302, moderationForm(moderator, "post:" + post).set("action", "HIDE").set("reason", "à revoir").submit().status());
                yield "post:" + post;
            }
            case TOPIC, LOCKED_TOPIC -> {
                long topic = topicId(ask(cast.owner()));
                if (target == Target.LOCKED_TOPIC) {
                    update("UPDATE forum_topic SET locked = TRUE WHERE id = ?", topic);
                }
                yield "topic:" + topic;
            }
            case STRANGERS_POST, SUSPENDED_AUTHORS_POST -> {
                WebClient stranger = new WebClient(cast.base);
                String name = stranger.registerNewMember("inconnu", PASSWORD);
                long post = Discussions.reply(stranger, ask(cast.third), null, "Une réponse d'un inconnu " + Names.username("m"));
                if (target == Target.SUSPENDED_AUTHORS_POST) {
                    update("UPDATE account SET suspended_at = NOW(6), suspension_reason = 'essai' WHERE username = ?", name);
                }
                yield "post:" + post;
            }
            case PENDING_POST -> {
                WebClient newcomer = new WebClient(cast.base);
                String name = newcomer.registerNewMember("nouveau", PASSWORD);
                update("UPDATE account SET posts_to_approve = 1 WHERE username = ?", name);
                long post = Discussions.reply(newcomer, ask(cast.third), null, "Un premier message " + Names.username("m"));
                assertEquals(1, count("SELECT COUNT(*) FROM forum_post WHERE id = ? AND pending", post), "the newcomer's post waits");
                yield "post:" + post;
            }
        };
        String type = cible.substring(0, cible.indexOf(':'));
        long id = Long.parseLong(cible.substring(cible.indexOf(':') + 1));
        return new Trial("/moderation/cible?cible=" + cible, "act-" + cible.replace(':', '-'), "submit",
                f -> {
                    f.set("action", action).set("reason", "raison de l'essai");
                    if (action.equals("MOVE")) {
                        f.set("category", "talk-et-visio");
                    } else if (action.equals("EDIT")) {
                        f.set("body", "Le texte revu par la modération.");
                    } else if (action.equals("SUSPEND")) {
                        f.set("days", "3");
                    }
                }, moderator,
                () -> count("SELECT COUNT(*) FROM moderation_action WHERE action = ? AND target_type = ? AND target_id = ?",
                        action, type, id) > 0);
    }

    private static Form moderationForm(WebClient moderator, String cible) {
        return moderator.get("/moderation/cible?cible=" + cible).form("act-" + cible.replace(':', '-'));
    }

    // ------------------------------------------------------------------ contact scenarios

    private static Trial contactCollective(Cast cast, Kind kind) throws SQLException {
        String slug = collective(cast.owner());
        long c = collectiveId(slug);
        String subject = "Une question " + Names.username("q");
        return new Trial("/messages/nouveau?collectif=" + slug, "contact", "submit",
                f -> f.set("subject", subject).set("body", "Bonjour, pourriez-vous nous aider ?"), cast.third,
                () -> count("SELECT COUNT(*) FROM contact_conversation WHERE collective_id = ? AND subject = ?", c, subject) > 0);
    }

    /**
     * A conversation the third member started with the owner's collective, written in the database
     * (starting one through the page is the row above; the per-day contact limit would stop the
     * third member after a few attempts here).
     */
    private static Trial replyInConversation(Cast cast, Kind kind) throws SQLException {
        long c = collectiveId(collective(cast.owner()));
        long sender = accountId(cast.thirdName);
        update("INSERT INTO contact_conversation (collective_id, sender_id, subject, created_at, last_message_at, message_count)"
                + " VALUES (?, ?, 'Sauvegardes', NOW(6), NOW(6), 1)", c, sender);
        long conversation = count("SELECT MAX(id) FROM contact_conversation WHERE sender_id = ?", sender);
        update("INSERT INTO contact_message (conversation_id, author_id, body_markdown, body_html, renderer_version, created_at)"
                + " VALUES (?, ?, 'Bonjour', '<p>Bonjour</p>', 1, NOW(6))", conversation, sender);
        return new Trial("/messages/" + conversation, "reply", "submit", f -> f.set("body", "Avec plaisir, écrivez-nous."), cast.owner(),
                () -> count("SELECT COUNT(*) FROM contact_message WHERE conversation_id = ?", conversation) > 1);
    }

    // ------------------------------------------------------------------ notification scenarios

    /** A reply by the third member to a new topic of {@code author}: the author's notification id. */
    private static long notificationFor(Cast cast, WebClient author, long authorId) throws SQLException {
        String topic = ask(author);
        Discussions.reply(cast.third, topic, null, "Une réponse qui notifie " + Names.username("n"));
        return count("SELECT MAX(id) FROM notification WHERE recipient_id = ? AND topic_id = ?", authorId, topicId(topic));
    }

    private static Trial markRead(Cast cast, Kind kind) throws SQLException {
        long target = notificationFor(cast, cast.owner(), cast.id(Kind.OWNER));
        if (kind != Kind.ANONYMOUS && kind != Kind.OWNER && kind != Kind.SUSPENDED) {
            // The caller has a notification of their own, so their page has a genuine « marquer lu » form whose id they change.
            notificationFor(cast, cast.sessions.get(kind), cast.id(kind));
        }
        return new Trial("/notifications", "notification-*-read", "mark-read", f -> f.set("notification", Long.toString(target)), cast.owner(),
                () -> count("SELECT COUNT(*) FROM notification WHERE id = ? AND read_at IS NOT NULL", target) > 0);
    }

    private static Trial markAllRead(Cast cast, Kind kind) throws SQLException {
        long target = notificationFor(cast, cast.owner(), cast.id(Kind.OWNER));
        return new Trial("/notifications", "all", "mark-all-read", f -> { }, cast.owner(),
                () -> count("SELECT COUNT(*) FROM notification WHERE id = ? AND read_at IS NOT NULL", target) > 0);
    }

    // ------------------------------------------------------------------ account scenarios

    private static Trial updateProfile(Cast cast, Kind kind) {
        String name = "Nom " + Names.username("d");
        return new Trial("/compte", "profile", "submit", f -> f.set("displayName", name), cast.owner(),
                () -> count("SELECT COUNT(*) FROM account WHERE display_name = ?", name) > 0);
    }

    private static Trial changePassword(Cast cast, Kind kind) throws SQLException {
        // A suspended member types their own password (they know it); the others' are the cast's.
        Kind holder = kind == Kind.ANONYMOUS || kind == Kind.SUSPENDED ? Kind.OWNER : kind;
        String before = hashesOfTestAccounts(cast);
        String current = kind == Kind.SUSPENDED ? PASSWORD : cast.passwords.get(holder);
        String next = current.endsWith(" bis") ? PASSWORD : current + " bis";
        return new Trial("/compte", "changePassword", "submit", f -> f.set("currentPassword", current).set("password", next),
                cast.owner(), () -> {
                    boolean changed = !hashesOfTestAccounts(cast).equals(before);
                    if (kind != Kind.ANONYMOUS && kind != Kind.SUSPENDED) {
                        cast.passwords.put(holder, changed ? next : current);
                    }
                    return changed;
                });
    }

    /** Each caller acts on its own account only; the effect is a revocation instant on some test account. */
    private static Trial closeOtherSessions(Cast cast, Kind kind) throws SQLException {
        String before = revocationsOfTestAccounts(cast);
        return new Trial("/compte", "sessions", "closeSessions", f -> { }, cast.owner(),
                () -> !revocationsOfTestAccounts(cast).equals(before));
    }

    /**
     * « Renvoyer le lien » on /compte (issue #13): the test accounts are registered, hence unverified,
     * so the form shows for each; the effect is one more verification link for some test account.
     */
    private static Trial resendVerification(Cast cast, Kind kind) throws SQLException {
        long before = verificationLinksOfTestAccounts(cast);
        return new Trial("/compte", "verification", "resend", f -> { }, cast.owner(),
                () -> verificationLinksOfTestAccounts(cast) != before);
    }

    private static long verificationLinksOfTestAccounts(Cast cast) throws SQLException {
        long all = 0;
        for (String username : cast.usernames.values()) {
            all += count("SELECT COUNT(*) FROM account_token t JOIN account a ON a.id = t.account_id"
                    + " WHERE a.username = ? AND t.purpose = 'VERIFY_EMAIL'", username);
        }
        return all + count("SELECT COUNT(*) FROM account_token t JOIN account a ON a.id = t.account_id"
                + " WHERE a.username = ? AND t.purpose = 'VERIFY_EMAIL'", cast.suspendedName);
    }

    private static String revocationsOfTestAccounts(Cast cast) throws SQLException {
        StringBuilder all = new StringBuilder();
        for (String username : cast.usernames.values()) {
            all.append(text("SELECT sessions_revoked_at FROM account WHERE username = ?", username)).append('|');
        }
        all.append(text("SELECT sessions_revoked_at FROM account WHERE username = ?", cast.suspendedName));
        return all.toString();
    }

    private static String hashesOfTestAccounts(Cast cast) throws SQLException {
        StringBuilder all = new StringBuilder();
        for (String username : cast.usernames.values()) {
            all.append(text("SELECT password_hash FROM account WHERE username = ?", username)).append('|');
        }
        all.append(text("SELECT password_hash FROM account WHERE username = ?", cast.suspendedName));
        return all.toString();
    }

    // ------------------------------------------------------------------ database

    // ------------------------------------------------------------------ your data and account administration (#13)

    /** The effect: one more confirmed data request counted (the counter is written only once the password is right). */
    private static Trial exportData(Cast cast, Kind kind) throws SQLException {
        long before = count("SELECT COUNT(*) FROM rate_limit_hit WHERE kind = 'data-export'");
        // The kind's own password: « changer son mot de passe » changed the cast's.
        String password = cast.passwords.getOrDefault(kind, PASSWORD);
        return new Trial("/mes-donnees", "export", "submit", f -> f.set("currentPassword", password), cast.owner(),
                () -> count("SELECT COUNT(*) FROM rate_limit_hit WHERE kind = 'data-export'") > before);
    }

    /**
     * Deleting an account consumes it: each attempt is made by a fresh account of the caller's
     * kind (a fresh session for a visitor, a fresh suspended member), never by the cast.
     */
    private static Trial eraseAccount(Cast cast, Kind kind) throws SQLException {
        WebClient fresh = new WebClient(cast.base);
        String name = fresh.registerNewMember("efface", PASSWORD);
        WebClient caller = switch (kind) {
            case ANONYMOUS -> new WebClient(cast.base);
            case MEMBER, OWNER -> fresh;
            case MODERATOR, ADMIN -> {
                update("UPDATE account SET role = ? WHERE username = ?", kind.name().equals("ADMIN") ? "ADMIN" : "MODERATOR", name);
                WebClient again = new WebClient(cast.base);
                assertEquals(302, again.login(name, PASSWORD).status());
                yield again;
            }
            case SUSPENDED -> {
                update("UPDATE account SET suspended_at = NOW(6), suspension_reason = 'essai des autorisations' WHERE username = ?", name);
                yield fresh;
            }
        };
        long id = accountId(name);
        return new Trial("/mes-donnees", "erase", "submit", f -> f.set("currentPassword", PASSWORD).set("confirmed", "on"),
                cast.owner(), () -> count("SELECT COUNT(*) FROM account WHERE id = ? AND erased_at IS NOT NULL", id) > 0, caller);
    }

    /** One action of an account's administration page, on a disposable member (suspended first for « lever »). */
    private static Trial administer(Cast cast, String form) throws SQLException {
        WebClient admin = cast.sessions.get(Kind.ADMIN);
        String name = new WebClient(cast.base).registerNewMember("administre", PASSWORD);
        long id = accountId(name);
        if (form.equals("lift")) {
            update("UPDATE account SET suspended_at = NOW(6), suspension_reason = 'essai' WHERE id = ?", id);
        }
        if (form.equals("twofactor")) {
            // An enrolled second factor (its secret is never read by the reset).
            update("INSERT INTO account_two_factor (account_id, secret, created_at, enabled_at) VALUES (?, x'00', NOW(6), NOW(6))", id);
        }
        String slug = null;
        if (form.equals("handover")) {
            WebClient owner = new WebClient(cast.base);
            owner.registerNewMember("proprio", PASSWORD);
            slug = fr.mare.testing.Collectives.create(owner, "Collectif confié " + name.replaceAll("[^a-z0-9]", ""));
        }
        String collective = slug;
        Effect effect = switch (form) {
            case "twofactor" -> () -> count("SELECT COUNT(*) FROM account_two_factor WHERE account_id = ?", id) == 0;
            case "handover" -> () -> count("SELECT COUNT(*) FROM collective_member m JOIN collective c ON c.id = m.collective_id"
                    + " WHERE m.account_id = ? AND m.role = 'ADMIN' AND c.slug = ?", id, collective) > 0;
            case "role" -> () -> count("SELECT COUNT(*) FROM account WHERE id = ? AND role = 'MODERATOR'", id) > 0;
            case "reset" -> () -> count("SELECT COUNT(*) FROM account_token WHERE account_id = ? AND purpose = 'PASSWORD_RESET'", id) > 0;
            case "suspend" -> () -> count("SELECT COUNT(*) FROM account WHERE id = ? AND suspended_at IS NOT NULL", id) > 0;
            default -> () -> count("SELECT COUNT(*) FROM account WHERE id = ? AND suspended_at IS NULL", id) > 0;
        };
        return new Trial("/admin/comptes?compte=" + id, form, "submit", f -> {
            if (f.has("confirmed")) {
                f.set("confirmed", "on");
            }
            if (f.has("reason")) {
                f.set("reason", "raison de l'essai");
            }
            if (form.equals("role")) {
                f.set("newRole", "MODERATOR");
            }
            if (form.equals("handover")) {
                f.set("collective", collective);
            }
        }, admin, effect);
    }

    private static long accountId(String username) throws SQLException {
        return count("SELECT id FROM account WHERE username = ?", username);
    }

    private static long count(String sql, Object... args) throws SQLException {
        String value = text(sql, args);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String text(String sql, Object... args) throws SQLException {
        try (Connection connection = TestDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private static void update(String sql, Object... args) throws SQLException {
        try (Connection connection = TestDatabase.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        }
        Sql.contentChanged();
    }
}
