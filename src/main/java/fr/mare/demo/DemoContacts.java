package fr.mare.demo;

import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.directory.contact.ContactService;
import fr.mare.directory.contact.Conversation;
import fr.mare.markdown.Slugs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import fr.mare.platform.PinnableClock;

import java.time.ZonedDateTime;

/**
 * Two demo conversations of « Contacter ce collectif », through {@link ContactService} as the demo
 * members: one answered (Karim asks the Amap du Plateau about its forms, Camille, its admin,
 * answers), one waiting for an answer (Anaïs writes to L'Escale about its Deck plannings).
 */
@ApplicationScoped
class DemoContacts {

    @Inject
    private ContactService contact;

    @Inject
    private AccountService accounts;

    void load(ZonedDateTime now) {
        Conversation amap = PinnableClock.at(DemoScript.When.parse("J-9 19:40", "contacts").at(now), () -> contact.start(as("karim"), Slugs.slugify("Amap du Plateau"), "Vos formulaires de distribution",
                """
                Bonjour,

                À la Maison des Jeunes, nous voulons remplacer nos inscriptions sur papier par un formulaire \
                Nextcloud. Votre fiche dit que vous gérez les distributions ainsi : accepteriez-vous de nous \
                montrer comment vous avez fait (modèle de formulaire, partage des réponses) ?

                Merci d'avance,
                Karim"""));
        PinnableClock.at(DemoScript.When.parse("J-8 12:15", "contacts").at(now), () -> contact.reply(as("camille"), amap.getId(), """
                Bonjour Karim,

                Avec plaisir ! Nous avons **un formulaire par saison**, partagé en lecture avec les bénévoles \
                de la distribution. Le plus simple est d'en parler en visio : je vous propose jeudi à 18 h sur \
                Talk, dites-moi si cela vous va.

                Camille"""));
        PinnableClock.at(DemoScript.When.parse("J-4 21:05", "contacts").at(now), () -> contact.start(as("anais"), Slugs.slugify("Épicerie coopérative L'Escale"), "Plannings de permanences dans Deck",
                """
                Bonjour,

                Notre collectif d'habitants cherche à organiser des permanences, comme vous. Comment \
                répartissez-vous les cartes Deck entre les bénévoles, et comment les prévenez-vous des \
                changements ?

                Anaïs"""));
    }

    private Caller as(String username) {
        return Caller.of(accounts.summary(username).orElseThrow());
    }
}
