package fr.mare.demo;

import fr.mare.account.AccountService;
import fr.mare.account.RateLimits;
import fr.mare.account.Role;
import fr.mare.platform.DatabaseReady;
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
import java.util.List;
import java.util.logging.Logger;

/**
 * Loads the demo community when asked and only into an empty database (no account yet), in one
 * transaction: a half-loaded demo never stays behind.
 */
@ApplicationScoped
public class DemoContent {

    /** The one password of every demo account, documented in the README. */
    public static final String PASSWORD = "bienvenue-sur-mare";

    private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());

    record DemoMember(String username, String displayName, String email, Role role) {
    }

    static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("sophie", "Sophie Lemaire (hébergeur)", "sophie@demo.mare.invalid", Role.ADMIN),
            new DemoMember("lea", "Léa Rousseau", "lea@demo.mare.invalid", Role.MODERATOR),
            new DemoMember("samuel", "Samuel N'Diaye", "samuel@demo.mare.invalid", Role.MODERATOR),
            new DemoMember("camille", "Camille Martin — Jardins partagés de la Croix-Rousse", "camille@demo.mare.invalid", Role.MEMBER),
            new DemoMember("karim", "Karim Benali", "karim@demo.mare.invalid", Role.MEMBER),
            new DemoMember("benedicte", "Bénédicte Roy — Épicerie coopérative L'Escale", "benedicte@demo.mare.invalid", Role.MEMBER),
            new DemoMember("anais", "Anaïs Girard", "anais@demo.mare.invalid", Role.MEMBER),
            new DemoMember("jean-noel", "Jean-Noël Perrin — Chorale Les Voix Liées", "jean-noel@demo.mare.invalid", Role.MEMBER));

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

    @Transactional
    void onDatabaseReady(@Observes @Priority(100) DatabaseReady ready) {
        if (!enabled) {
            return;
        }
        if (accounts.count() > 0) {
            LOG.info("MARE_DEMO : la base contient déjà des comptes, le contenu de démonstration n'est pas chargé.");
            return;
        }
        for (DemoMember member : MEMBERS) {
            accounts.createWithRole(member.username(), member.email(), PASSWORD, member.role(), member.displayName());
        }
        // The demo stands for a community that has lived a while: its members are not « new
        // accounts » (docs/adr/0011), so a visitor trying them meets the ordinary limits.
        em.createNativeQuery("UPDATE account SET created_at = ? WHERE email LIKE '%@demo.mare.invalid'")
                .setParameter(1, clock.instant().minus(Duration.ofDays(90))).executeUpdate();
        // Mare writes its own demo in one go: the rate limits, made against people, do not apply.
        RateLimits.exempt(() -> {
            discussions.load();
            tutorials.load();
            collectives.load();
            contacts.load();
            moderation.load();
        });
        LOG.info(() -> "Contenu de démonstration chargé : " + MEMBERS.size() + " comptes et leurs discussions"
                + " (mots de passe : voir le README).");
    }
}
