package fr.mare.demo;

import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.forum.ForumService;
import fr.mare.forum.Post;
import fr.mare.forum.Topic;
import fr.mare.moderation.ModerationService;
import fr.mare.moderation.ReportReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A few open reports, so that lea and samuel (moderators) find something in the queue: an
 * off-topic advertisement reported twice, and a phone number published without its owner's
 * consent. The demo members are all new accounts, so their reports never hide anything by
 * themselves: the decision is left to the moderators.
 */
@ApplicationScoped
class DemoModeration {

    @Inject
    private ForumService forum;

    @Inject
    private AccountService accounts;

    @Inject
    private ModerationService moderation;

    void load() {
        Topic topic = forum.createTopic(as("jean-noel"), "vie-du-forum", "Organiser les inscriptions à notre concert de printemps",
                """
                La chorale prépare son concert de printemps et nous voudrions prendre les inscriptions avec
                Formulaires plutôt que sur papier. Quelqu'un a-t-il déjà limité le nombre de réponses d'un
                formulaire (120 places) ?
                """);
        Post advert = forum.reply(as("anais"), topic.getId(), null, """
                Rien à voir, mais mon cousin vend des enceintes de sono à -50 % cette semaine seulement,
                écrivez-lui vite sur son site pour en profiter !
                """);
        Post phone = forum.reply(as("karim"), topic.getId(), null, """
                Pour les 120 places, le plus simple est de demander à Monique, elle l'a fait l'an dernier :
                appelez-la au 06 12 34 56 78 le soir.
                """);
        moderation.report(as("camille"), "post:" + advert.getId(), ReportReason.SPAM,
                "Ça ressemble à une publicité, sans rapport avec la question.");
        moderation.report(as("benedicte"), "post:" + advert.getId(), ReportReason.OFF_TOPIC, "");
        moderation.report(as("jean-noel"), "post:" + phone.getId(), ReportReason.PERSONAL_DATA,
                "Monique n'a pas donné son accord pour que son numéro soit public.");
    }

    private Caller as(String username) {
        return Caller.of(accounts.summary(username).orElseThrow());
    }
}
