package fr.mare.demo;

import fr.mare.account.AccountService;
import fr.mare.account.RateLimits;
import fr.mare.account.Role;
import fr.mare.notification.NotificationService;
import fr.mare.platform.DatabaseReady;
import fr.mare.platform.PinnableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Loads the demo community when asked and only into an empty database (no account yet), in one
 * transaction: a half-loaded demo never stays behind.
 * <p>
 * No demo password lets a stranger administer a real site (security issue #10): the
 * administrator {@code sophie} always gets a password drawn at random, printed once on standard
 * output by the start that creates the accounts, and stored only as its hash. The other members
 * keep the README's password only in a local demo ({@code mare.demo.local}, which the launcher
 * sets when Mare listens on loopback); anywhere else (a public demo, or a plain Payara whose
 * address Mare cannot know) they share one more random password, printed the same way.
 */
@ApplicationScoped
public class DemoContent {

    /** The members' password in a local demo, documented in the README; never the administrator's. */
    public static final String LOCAL_MEMBER_PASSWORD = "bienvenue-sur-mare";

    private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());

    /** {@code joined}: when the account was created, as the demo's scripts write dates ({@code J-N HH:MM}). */
    record DemoMember(String username, String displayName, String email, Role role, String joined) {
    }

    static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("sophie", "Sophie Lemaire (hébergeur)", "sophie@demo.mare.invalid", Role.ADMIN, "J-560 09:00"),
            new DemoMember("lea", "Léa Rousseau", "lea@demo.mare.invalid", Role.MODERATOR, "J-558 18:30"),
            new DemoMember("samuel", "Samuel N'Diaye", "samuel@demo.mare.invalid", Role.MODERATOR, "J-555 20:10"),
            new DemoMember("camille", "Camille Martin — Jardins partagés de la Croix-Rousse", "camille@demo.mare.invalid", Role.MEMBER, "J-549 12:40"),
            new DemoMember("karim", "Karim Benali", "karim@demo.mare.invalid", Role.MEMBER, "J-552 21:15"),
            new DemoMember("benedicte", "Bénédicte Roy — Épicerie coopérative L'Escale", "benedicte@demo.mare.invalid", Role.MEMBER, "J-530 08:05"),
            new DemoMember("anais", "Anaïs Girard", "anais@demo.mare.invalid", Role.MEMBER, "J-470 17:45"),
            new DemoMember("jean-noel", "Jean-Noël Perrin — Chorale Les Voix Liées", "jean-noel@demo.mare.invalid", Role.MEMBER, "J-510 19:20"));

    /**
     * Accounts made to advertise, as real forums get them: one hidden and suspended long ago (the
     * journal says so), one recent whose advertisement waits in the queue. Not listed in the README:
     * nobody needs to log in as them.
     */
    static final List<DemoMember> SPAMMERS = List.of(
            new DemoMember("bonnes-affaires-encre", "Bonnes affaires encre", "encre@demo.mare.invalid", Role.MEMBER, "J-131 14:02"),
            new DemoMember("sono-destockage", "Sono Déstockage", "sono@demo.mare.invalid", Role.MEMBER, "J-12 03:17"));

    @Inject
    private AccountService accounts;

    @Inject
    private DemoDiscussions discussions;

    @Inject
    private DemoTutorials tutorials;

    @Inject
    private DemoCollectives collectives;

    @Inject
    private DemoContacts contacts;

    @Inject
    private DemoModeration moderation;

    @PersistenceContext(unitName = "mare")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "mare.demo", defaultValue = "false")
    boolean enabled;

    /** Set by the launcher: Mare listens on loopback only, so nobody else can try the README's password. */
    @Inject
    @ConfigProperty(name = "mare.demo.local", defaultValue = "false")
    boolean local;

    @Inject
    private DemoContent self;

    @Inject
    private DemoBackdating backdating;

    @Inject
    private NotificationService notifications;

    /**
     * Loads the demo in one transaction ({@link #load}), then, once the notifications of its
     * events are written (after that commit, ADR 0007), dates them as the events they tell of.
     */
    void onDatabaseReady(@Observes @Priority(100) DatabaseReady ready) {
        if (!enabled) {
            return;
        }
        ZonedDateTime now = clock.instant().atZone(DemoScript.ZONE);
        // The notifications of the demo's events, in one transaction after the demo's (#11).
        if (notifications.batched(() -> self.load(now))) {
            backdating.notifications(now);
        }
    }

    /** The demo, in one transaction, one node at a time ({@link ImportLock}); false when the database already has accounts. */
    @Transactional
    boolean load(ZonedDateTime now) {
        // Another node starting on the same database may be importing it right now (#17).
        ImportLock.hold(em, "demo");
        if (accounts.count() > 0) {
            LOG.info("MARE_DEMO : la base contient déjà des comptes, le contenu de démonstration n'est pas chargé.");
            return false;
        }
        String adminPassword = DemoPasswords.random();
        String memberPassword = local ? LOCAL_MEMBER_PASSWORD : DemoPasswords.random();
        // Each password hashed once, at a small cost: drawn at random (79 bits) or the README's,
        // no stretching would protect them, and ten hashes at full cost took seconds of a first
        // start (#11). The first log-in of each account rehashes it at full cost.
        AccountService.HashedPassword admin = accounts.unguessablePassword(adminPassword);
        AccountService.HashedPassword members = accounts.unguessablePassword(memberPassword);
        AccountService.HashedPassword spammers = accounts.unguessablePassword(DemoPasswords.random());
        // The demo stands for a community that has lived eighteen months: its members are not
        // « new accounts » (docs/adr/0011), so a visitor trying them meets the ordinary limits.
        for (DemoMember member : MEMBERS) {
            create(member, member.role() == Role.ADMIN ? admin : members, now);
        }
        for (DemoMember spammer : SPAMMERS) {
            create(spammer, spammers, now); // nobody logs in as them: one random password nobody knows
        }
        // Mare writes its own demo in one go: the rate limits, made against people, do not apply.
        RateLimits.exempt(() -> {
            Map<String, Long> ids = discussions.load(now);
            tutorials.load(now, ids);
            collectives.load(now);
            contacts.load(now);
            moderation.load(now, ids);
        });
        loadMails(memberPassword);
        digestsDue();
        LOG.info(() -> "Contenu de démonstration chargé : " + MEMBERS.size() + " comptes et leurs discussions.");
        printOnce(adminPassword, local ? null : memberPassword);
        return true;
    }

    private void create(DemoMember member, AccountService.HashedPassword password, ZonedDateTime now) {
        PinnableClock.at(DemoScript.When.parse(member.joined(), member.username()).at(now),
                () -> accounts.createWithRole(member.username(), member.email(), password, member.role(), member.displayName()));
    }

    /**
     * The demo's notifications are written when the start-up's transaction commits (ADR 0007), and
     * those of the digest's kinds (the solutions Karim received) would wait for tomorrow's digest.
     * The demo stands for a community that has lived a while: each member's digest is marked as
     * waiting since two days, before the last digest hour (the recording keeps an earlier
     * {@code pending_since}), so the digest job's first round, seconds after the start, writes the
     * digests of those who received something, and {@code /admin/courriels} shows them too.
     */
    private void digestsDue() {
        em.createNativeQuery("INSERT INTO notification_digest (account_id, pending_since)"
                        + " SELECT id, ? FROM account WHERE email LIKE '%@demo.mare.invalid'")
                .setParameter(1, clock.instant().minus(Duration.ofDays(2))).executeUpdate();
    }

    /**
     * Realistic mails in the outbox (issue #13), readable at /admin/courriels when no SMTP server
     * is configured: Camille forgot her password, Karim moves to a new address (its link waits),
     * Thomas has just joined (his confirmation link waits), and Bénédicte, who forgot she already
     * had an account, signed up again with her address: her page said the same as Thomas's, and her
     * mailbox got the warning (docs/adr/0021). The notification mails (replies, contact messages)
     * are written by the notifications of the discussions above, once the demo's transaction
     * commits; Karim's digest (his solutions) by the digest job's first round ({@link #digestsDue}).
     */
    private void loadMails(String memberPassword) {
        accounts.requestPasswordReset("camille@demo.mare.invalid", null);
        accounts.updateProfile("karim", "Karim Benali", "karim.benali@demo.mare.invalid", memberPassword, null);
        accounts.register("thomas-ressourcerie", "thomas@demo.mare.invalid", memberPassword, null);
        accounts.register("escale-benedicte", "benedicte@demo.mare.invalid", memberPassword, null);
    }

    /**
     * On standard output rather than through the logger, so that a log file or collector never
     * receives it; this start is the only one that knows the password in clear.
     */
    private static void printOnce(String adminPassword, String memberPassword) {
        String admin = MEMBERS.stream().filter(m -> m.role() == Role.ADMIN).findFirst().orElseThrow().username();
        StringBuilder text = new StringBuilder()
                .append(System.lineSeparator())
                .append("=== Démonstration : notez ces mots de passe, Mare ne les affichera plus ===").append(System.lineSeparator())
                .append("Administration « ").append(admin).append(" » : mot de passe de démonstration : ")
                .append(adminPassword).append(System.lineSeparator());
        if (memberPassword == null) {
            text.append("Autres comptes de démonstration : « ").append(LOCAL_MEMBER_PASSWORD)
                    .append(" » (Mare n'écoute que sur cette machine)").append(System.lineSeparator());
        } else {
            text.append("Autres comptes de démonstration : mot de passe des membres : ")
                    .append(memberPassword).append(System.lineSeparator());
        }
        text.append("===").append(System.lineSeparator());
        System.out.print(text);
        System.out.flush();
    }
}
