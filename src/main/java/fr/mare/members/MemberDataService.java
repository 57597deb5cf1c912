package fr.mare.members;

import fr.mare.account.Account;
import fr.mare.account.AccountService;
import fr.mare.directory.Collective;
import fr.mare.directory.CollectiveMember;
import fr.mare.directory.DirectoryService;
import fr.mare.directory.contact.ContactMessage;
import fr.mare.directory.contact.ContactService;
import fr.mare.forum.ForumService;
import fr.mare.forum.Post;
import fr.mare.forum.ThreadReading;
import fr.mare.forum.Topic;
import fr.mare.forum.TopicLists;
import fr.mare.mail.Outbox;
import fr.mare.media.MediaService;
import fr.mare.moderation.ModerationService;
import fr.mare.moderation.Report;
import fr.mare.notification.Notification;
import fr.mare.notification.NotificationService;
import fr.mare.platform.BusinessException;
import fr.mare.platform.SecurityLog;
import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiRevision;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * « Vos données » (#13, docs/adr/0022): the member's own account only (the name comes from the
 * session), each request confirmed by the password and throttled
 * ({@link AccountService#confirmOwnRequest}).
 * <ul>
 *   <li>{@link #export}: a ZIP of what they wrote and what Mare knows about them — one JSON file
 *   (account, posts, topics, tutorial revisions, memberships, conversations with collectives, reports
 *   made, notifications) and the Markdown of each post, tutorial revision and conversation. Nothing of
 *   other members but the messages they wrote to the member in those conversations.</li>
 *   <li>{@link #erase}: personal data overwritten, contributions kept under « ancien membre »
 *   unless the member asks for their posts to be deleted too (softly, each row its trace).
 *   Tutorials stay with their history: they were published under CC BY-SA.</li>
 * </ul>
 */
@ApplicationScoped
@Transactional
public class MemberDataService {

    /** At most this many posts and revisions in one export (a member with more gets the newest). */
    static final int EXPORT_MAX = 20_000;

    @Inject
    private AccountService accounts;

    @Inject
    private ForumService forum;

    @Inject
    private TopicLists topicLists;

    @Inject
    private ThreadReading threadReading;

    @Inject
    private WikiService wiki;

    @Inject
    private DirectoryService directory;

    @Inject
    private ModerationService moderation;

    @Inject
    private ContactService contact;

    @Inject
    private NotificationService notifications;

    @Inject
    private Outbox outbox;

    @Inject
    private MediaService media;

    /**
     * The collectives the member runs alone, for « Vos données » to warn before the erasure: those
     * with other members must be handed over first; the others stay without an admin.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DirectoryService.Held> collectivesRunAlone(long accountId) {
        return directory.soleAdminOf(accountId);
    }

    /** What an erasure did, for the member's last page and the trace. */
    public record Erasure(long accountId, int postsDeleted, int memberships, int notifications) {
    }

    /** Checks the password (and the throttle) before anything is written to {@code out}; then writes the ZIP. */
    public void export(String username, String password, String address, OutputStream out) {
        Account account = accounts.confirmOwnRequest(username, password, address, "export");
        SecurityLog.event("données-exportées", "compte", account.getId(), "adresse", address);
        long id = account.getId();
        List<Post> posts = topicLists.postsBy(id, EXPORT_MAX);
        List<Topic> topics = topicLists.topicsBy(id, EXPORT_MAX);
        List<WikiRevision> revisions = wiki.revisionsBy(id, EXPORT_MAX);
        List<ContactService.Exported> conversations = contact.exportFor(id, EXPORT_MAX);
        Map<Long, Optional<Topic>> topicCache = new HashMap<>();
        Map<Long, Optional<WikiPage>> pageCache = new HashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("LISEZMOI.txt"));
            zip.write(readme(account).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("mes-donnees.json"));
            Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            JsonGenerator json = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createGenerator(writer);
            json.writeStartObject();
            writeAccount(json, account);
            json.writeStartArray("messages");
            for (Post p : posts) {
                Optional<Topic> topic = topicCache.computeIfAbsent(p.getTopicId(), threadReading::topic);
                json.writeStartObject().write("id", p.getId()).write("sujet", p.getTopicId())
                        .write("titreDuSujet", topic.map(Topic::getTitle).orElse(""))
                        .write("lien", topic.map(MembersAdminService::topicLink).orElse("") + "#post-" + p.getId())
                        .write("question", p.isQuestion()).write("ecritLe", text(p.getCreatedAt()))
                        .write("modifieLe", text(p.getEditedAt())).write("supprime", p.isDeleted())
                        .write("masque", p.isHidden()).write("enAttente", p.isPending())
                        .write("fichier", "messages/" + p.getId() + ".md")
                        .write("markdown", p.getBodyMarkdown()).writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("sujets");
            for (Topic t : topics) {
                json.writeStartObject().write("id", t.getId()).write("titre", t.getTitle())
                        .write("lien", MembersAdminService.topicLink(t)).write("ouvertLe", text(t.getCreatedAt()))
                        .write("resolu", t.isSolved()).write("masque", t.isHidden()).writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("versionsDeTutoriels");
            for (WikiRevision r : revisions) {
                Optional<WikiPage> page = pageCache.computeIfAbsent(r.getPageId(), wiki::page);
                json.writeStartObject().write("tutoriel", page.map(WikiPage::getTitle).orElse(""))
                        .write("lien", page.map(pg -> "/tutoriels/" + pg.getSlug()).orElse(""))
                        .write("version", r.getNumber()).write("resume", r.getSummary()).write("ecriteLe", text(r.getCreatedAt()))
                        .write("fichier", revisionFile(r, page)).writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("collectifs");
            for (CollectiveMember m : directory.membershipsOf(id)) {
                Optional<Collective> c = directory.collective(m.getCollectiveId());
                json.writeStartObject().write("collectif", c.map(Collective::getName).orElse(""))
                        .write("lien", c.map(x -> "/voisins/" + x.getSlug()).orElse(""))
                        .write("role", m.getRole()).write("statut", m.getStatus()).write("visibleSurLeProfil", m.isVisible()).writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("conversationsAvecDesCollectifs");
            for (ContactService.Exported c : conversations) {
                json.writeStartObject().write("id", c.conversation().getId()).write("sujet", c.conversation().getSubject())
                        .write("collectif", c.collective() == null ? "" : c.collective().getName())
                        .write("lien", "/messages/" + c.conversation().getId())
                        .write("commenceeParMoi", c.sentByMe()).write("commenceeLe", text(c.conversation().getCreatedAt()))
                        .write("fichier", conversationFile(c)).writeStartArray("messages");
                for (ContactService.Item item : c.messages()) {
                    ContactMessage m = item.message();
                    boolean mine = m.getAuthorId() == id;
                    json.writeStartObject().write("id", m.getId()).write("deMoi", mine).write("auteur", author(item, id))
                            .write("ecritLe", text(m.getCreatedAt())).write("masqueParLaModeration", m.isHidden())
                            .write("markdown", readable(m, id)).writeEnd();
                }
                json.writeEnd().writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("signalementsFaits");
            for (Report r : moderation.reportsBy(id, EXPORT_MAX)) {
                json.writeStartObject().write("cible", r.getTargetType() + ":" + r.getTargetId()).write("motif", r.getReason().name())
                        .write("commentaire", r.getComment()).write("faitLe", text(r.getCreatedAt()))
                        .write("closLe", text(r.getClosedAt())).write("issue", r.getOutcome() == null ? "" : r.getOutcome()).writeEnd();
            }
            json.writeEnd();
            json.writeStartArray("notifications");
            for (Notification n : notifications.allOf(id)) {
                json.writeStartObject().write("sorte", n.getKind().name()).write("texte", n.getTextKey() == null ? "" : n.getTextKey())
                        .write("sujet", n.getSubject() == null ? "" : n.getSubject()).write("detail", n.getDetail() == null ? "" : n.getDetail())
                        .write("lien", n.getLink() == null ? "" : n.getLink())
                        .write("recueLe", text(n.getLastEventAt())).write("lueLe", text(n.getReadAt())).writeEnd();
            }
            json.writeEnd();
            json.writeEnd();
            json.flush();
            writer.flush();
            zip.closeEntry();
            for (Post p : posts) {
                Optional<Topic> topic = topicCache.get(p.getTopicId());
                zip.putNextEntry(new ZipEntry("messages/" + p.getId() + ".md"));
                zip.write(("<!-- " + topic.map(Topic::getTitle).orElse("").replace("--", "—") + " · " + p.getCreatedAt() + " -->\n\n"
                        + p.getBodyMarkdown()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (ContactService.Exported c : conversations) {
                zip.putNextEntry(new ZipEntry(conversationFile(c)));
                zip.write(conversationMarkdown(c, id).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (WikiRevision r : revisions) {
                Optional<WikiPage> page = pageCache.get(r.getPageId());
                zip.putNextEntry(new ZipEntry(revisionFile(r, page)));
                zip.write(("# " + page.map(WikiPage::getTitle).orElse("") + "\n\n" + r.getBodyMarkdown()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String conversationFile(ContactService.Exported c) {
        return "messages-avec-des-collectifs/" + c.conversation().getId() + ".md";
    }

    /** A conversation as its reader sees it: subject, collective, then each message with its author and date. */
    private static String conversationMarkdown(ContactService.Exported c, long me) {
        StringBuilder md = new StringBuilder("# ").append(c.conversation().getSubject()).append("\n\n")
                .append(c.sentByMe() ? "Conversation avec le collectif « " : "Message reçu par le collectif « ")
                .append(c.collective() == null ? "" : c.collective().getName()).append(" »\n");
        for (ContactService.Item item : c.messages()) {
            md.append("\n---\n\n**").append(author(item, me)).append("**, ").append(item.message().getCreatedAt()).append(" :\n\n")
                    .append(readable(item.message(), me)).append("\n");
        }
        return md.toString();
    }

    /** « moi », or the name the conversation showed (« ancien membre » for an erased account). */
    private static String author(ContactService.Item item, long me) {
        if (item.message().getAuthorId() == me) {
            return "moi";
        }
        return item.author() == null ? "ancien membre" : item.author().displayName();
    }

    /**
     * The text as the member may read it: their own always (it is theirs, even hidden by moderation);
     * another's unless moderation hid it, as on the page.
     */
    private static String readable(ContactMessage m, long me) {
        if (m.isHidden() && m.getAuthorId() != me) {
            return "(masqué par la modération : " + m.getHiddenReason() + ")";
        }
        return m.getBodyMarkdown();
    }

    private static String revisionFile(WikiRevision r, Optional<WikiPage> page) {
        return "tutoriels/" + page.map(WikiPage::getSlug).orElse("page-" + r.getPageId()) + "-v" + r.getNumber() + ".md";
    }

    private void writeAccount(JsonGenerator json, Account a) {
        json.writeStartObject("compte").write("nom", a.getUsername()).write("nomAffiche", a.getDisplayName())
                .write("courriel", a.getEmail() == null ? "" : a.getEmail())
                .write("courrielEnAttenteDeConfirmation", a.getPendingEmail() == null ? "" : a.getPendingEmail())
                .write("courrielConfirme", a.isEmailVerified())
                .write("role", a.getRole().name()).write("creeLe", text(a.getCreatedAt()))
                .write("derniereConnexion", text(a.getLastLoginAt()));
        accounts.suspension(a).ifPresentOrElse(s -> json.write("suspenduJusquAu", s.until() == null ? "indéfiniment" : text(s.until()))
                .write("motifDeSuspension", s.reason() == null ? "" : s.reason()), () -> json.writeNull("suspenduJusquAu"));
        json.write("profilMasqueParLaModeration", a.isHidden()).writeEnd();
    }

    private static String readme(Account a) {
        return "Vos données sur Mare, telles qu'elles étaient le " + Instant.now() + " (UTC).\n\n"
                + "- mes-donnees.json : votre compte, vos messages, vos sujets, vos versions de tutoriels,\n"
                + "  vos collectifs, vos conversations avec des collectifs, vos signalements et vos notifications.\n"
                + "- messages/ : le texte Markdown de chacun de vos messages.\n"
                + "- messages-avec-des-collectifs/ : chaque conversation « Contacter ce collectif » que vous avez\n"
                + "  écrite ou reçue (comme collectif), avec les réponses.\n"
                + "- tutoriels/ : le texte Markdown de chaque version de tutoriel que vous avez écrite.\n\n"
                + "Compte : @" + a.getUsername() + "\n";
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }

    /**
     * Deletes the member's account (irreversible): confirmed by the password (throttled), then in
     * one transaction: their posts deleted if they asked ({@code removePosts}), memberships,
     * notifications and mails forgotten, their images that no reader sees any more deleted, the account overwritten ({@link AccountService#erase}).
     * Topics and tutorial revisions stay under « ancien membre ». The trace: an {@code account_event}
     * row (counts only) and a security-log line with the account's id, never its name.
     */
    public Erasure erase(String username, String password, boolean removePosts, String address) {
        Account account = accounts.confirmOwnRequest(username, password, address, "erase");
        long id = account.getId();
        accounts.lockForErasure(account);
        // A collective with other members is never left without an admin (docs/adr/0025): hand it over first.
        List<String> toHandOver = directory.soleAdminOf(id).stream().filter(h -> h.otherMembers() > 0)
                .map(h -> "« " + h.collective().getName() + " »").toList();
        if (!toHandOver.isEmpty()) {
            throw new BusinessException("account.data.erase.soleCollectiveAdmin", null, String.join(", ", toHandOver));
        }
        int posts = removePosts ? forum.deletePostsOf(id) : 0;
        int memberships = directory.removeMembershipsOf(id);
        int notices = notifications.deleteAllOf(id);
        // Their uploads that no reader sees any more (#15): those in kept contents stay with them.
        int images = media.eraseOwnedBy(id);
        String detail = (removePosts ? posts + " messages supprimés" : "messages gardés") + ", " + memberships + " adhésions retirées, "
                + notices + " notifications effacées, " + images + " images effacées";
        outbox.forget(id, accounts.erase(account, detail));
        SecurityLog.event("compte-supprimé", "compte", id, "messages", removePosts ? "supprimés" : "gardés");
        return new Erasure(id, posts, memberships, notices);
    }
}
