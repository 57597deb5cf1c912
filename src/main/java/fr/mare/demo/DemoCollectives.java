package fr.mare.demo;

import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.directory.CollectiveDraft;
import fr.mare.directory.Direction;
import fr.mare.directory.DirectoryService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import fr.mare.platform.PinnableClock;

import java.time.ZonedDateTime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Demo collectives for « Voisins de service », written for Mare: a dozen associations,
 * collectifs and coopératives of several kinds and regions, each saying where it can help its
 * neighbours and where it looks for help, so that the facets and the matches have something to
 * show. Everything goes through {@link DirectoryService}, acting as the demo members (who become
 * the collectives' admins).
 */
@ApplicationScoped
class DemoCollectives {

    @Inject
    private DirectoryService directory;

    @Inject
    private AccountService accounts;

    private ZonedDateTime now;
    private int added;

    /** Each collective joins « Voisins de service » a month after the one before, from J-420. */
    void load(ZonedDateTime now) {
        this.now = now;
        this.added = 0;
        add("benedicte", "Épicerie coopérative L'Escale", "COOPERATIVE", "35", "11-50", "https://escale.example.org",
                """
                Épicerie de quartier à Rennes, gérée par ses coopérateurs et coopératrices. Les **plannings de \
                permanences** sont dans Deck, les factures dans un dossier partagé, et l'assemblée générale se \
                prépare dans Collabora.""",
                Set.of("fichiers", "deck", "office", "talk"),
                expertise("deck-taches", Direction.CAN_HELP, "Plannings de permanences pour 60 bénévoles",
                        "bureautique-en-ligne", Direction.CAN_HELP, "",
                        "sauvegardes", Direction.SEEKS_HELP, "Nous ne savons pas si nos sauvegardes sont testées"));
        add("jean-noel", "Chorale Les Voix Liées", "ASSOCIATION", "69", "51-200", null,
                """
                Chorale amateur lyonnaise : partitions et enregistrements de travail partagés par pupitre, \
                agenda des répétitions et des concerts.""",
                Set.of("fichiers", "agenda", "talk"),
                expertise("agendas-partages", Direction.CAN_HELP, "Un agenda par pupitre, abonnements sur téléphone",
                        "fichiers-partage", Direction.CAN_HELP, "Gros fichiers audio",
                        "formulaires", Direction.SEEKS_HELP, "Inscriptions aux concerts"));
        add("sophie", "Association Les Petits Débrouillards du Finistère", "ASSOCIATION", "29", "11-50", null,
                """
                Ateliers de sciences pour les enfants. Nous avons quitté Google Drive l'an dernier : \
                nous racontons volontiers comment.""",
                Set.of("fichiers", "agenda", "formulaires", "contacts"),
                expertise("migration-google", Direction.CAN_HELP, "Drive, Agenda et Contacts, en un week-end",
                        "formulaires", Direction.CAN_HELP, "Inscriptions aux ateliers",
                        "talk-visio", Direction.SEEKS_HELP, ""));
        add("lea", "Collectif Vélo Libre Grenoble", "COLLECTIF", "38", "11-50", "https://velo-libre.example.org",
                """
                Atelier vélo participatif. Nous cherchons à organiser nos permanences et l'inventaire des \
                pièces sans tableur perdu dans un courriel.""",
                Set.of("fichiers", "deck", "tables"),
                expertise("deck-taches", Direction.SEEKS_HELP, "Permanences de l'atelier",
                        "sauvegardes", Direction.CAN_HELP, "Un serveur dans l'atelier, sauvegardé hors site",
                        "administration", Direction.CAN_HELP, ""));
        add("samuel", "Coopérative Terres Communes", "COOPERATIVE", "44", "51-200", null,
                """
                Coopérative agricole de Loire-Atlantique : une cinquantaine de fermes, des réunions en visio \
                toutes les semaines et beaucoup de documents partagés.""",
                Set.of("fichiers", "talk", "onlyoffice", "agenda"),
                expertise("talk-visio", Direction.CAN_HELP, "Réunions à 40 sans décrochage",
                        "bureautique-en-ligne", Direction.CAN_HELP, "OnlyOffice depuis trois ans",
                        "accessibilite", Direction.SEEKS_HELP, ""));
        add("camille", "Amap du Plateau", "ASSOCIATION", "63", "11-50", null,
                """
                Amap auvergnate : distribution le jeudi, contrats avec six producteurs, un bureau de cinq \
                bénévoles qui tourne chaque année.""",
                Set.of("fichiers", "formulaires", "contacts"),
                expertise("formation", Direction.SEEKS_HELP, "Passer le relais au nouveau bureau",
                        "contacts", Direction.CAN_HELP, "Carnet d'adhérents partagé",
                        "migration-google", Direction.SEEKS_HELP, ""));
        add("karim", "Maison des Jeunes de Roubaix", "ASSOCIATION", "59", "200+", null,
                """
                Une maison des jeunes et de la culture : plus de deux cents adhérents, des animateurs \
                salariés et des bénévoles, des salles à réserver.""",
                Set.of("fichiers", "agenda", "talk", "deck", "collectives"),
                expertise("agendas-partages", Direction.CAN_HELP, "Réservation des salles",
                        "formation", Direction.CAN_HELP, "Ateliers pour les nouveaux bénévoles",
                        "sauvegardes", Direction.SEEKS_HELP, ""));
        add("anais", "Collectif des Habitants de la Croix-Rousse", "COLLECTIF", "69", "1-10", null,
                """
                Petit collectif d'habitants : une lettre mensuelle, des pétitions, quelques réunions publiques.""",
                Set.of("fichiers", "notes", "sondages"),
                expertise("formulaires", Direction.SEEKS_HELP, "Pétitions et sondages",
                        "accessibilite", Direction.CAN_HELP, "Relecture pour lecteurs d'écran",
                        "talk-visio", Direction.SEEKS_HELP, ""));
        add("benedicte", "Réseau des Ressourceries de Bretagne", "AUTRE", "22", "51-200", null,
                """
                Réseau régional de ressourceries : nous partageons les fiches pratiques et les tableaux de \
                pesées entre structures.""",
                Set.of("fichiers", "tables", "office", "collectives"),
                expertise("administration", Direction.SEEKS_HELP, "Groupes et droits entre structures",
                        "fichiers-partage", Direction.CAN_HELP, "Partages entre plusieurs structures"));
        add("jean-noel", "Ligue d'improvisation de Liège", "ASSOCIATION", "BE", "11-50", null,
                """
                Une ligue d'improvisation théâtrale belge : calendrier des matchs, équipes et arbitres.""",
                Set.of("agenda", "deck", "talk"),
                expertise("deck-taches", Direction.CAN_HELP, "Composition des équipes",
                        "migration-google", Direction.SEEKS_HELP, ""));
        add("sophie", "Coopérative d'habitants Les Tilleuls", "COOPERATIVE", "CH", "1-10", null,
                """
                Habitat participatif près de Lausanne : comptes rendus, budget commun et réservations de la \
                chambre d'amis.""",
                Set.of("fichiers", "notes", "agenda", "tables"),
                expertise("agendas-partages", Direction.SEEKS_HELP, "Réserver la chambre d'amis",
                        "bureautique-en-ligne", Direction.SEEKS_HELP, "",
                        "accessibilite", Direction.CAN_HELP, ""));
        add("lea", "Entraide numérique Montréal-Nord", "COLLECTIF", "QC", "11-50", null,
                """
                Bénévoles qui accompagnent des organismes communautaires vers des outils libres.""",
                Set.of("fichiers", "talk", "formulaires", "office"),
                expertise("formation", Direction.CAN_HELP, "Ateliers d'accompagnement",
                        "migration-google", Direction.CAN_HELP, "",
                        "administration", Direction.CAN_HELP, "Comptes et quotas"));
    }

    private void add(String username, String name, String kind, String region, String size, String website,
                     String presentation, Set<String> apps, Map<String, CollectiveDraft.Expertise> expertise) {
        Caller admin = Caller.of(accounts.summary(username).orElseThrow());
        String when = "J-" + (420 - 30 * added++) + " 20:30";
        PinnableClock.at(DemoScript.When.parse(when, name).at(now),
                () -> directory.create(admin, new CollectiveDraft(name, null, presentation, kind, region, size, website, apps, expertise), true));
    }

    private static Map<String, CollectiveDraft.Expertise> expertise(Object... triples) {
        Map<String, CollectiveDraft.Expertise> map = new LinkedHashMap<>();
        for (int i = 0; i < triples.length; i += 3) {
            map.put((String) triples[i], new CollectiveDraft.Expertise((Direction) triples[i + 1], (String) triples[i + 2]));
        }
        return map;
    }
}
