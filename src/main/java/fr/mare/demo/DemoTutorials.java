package fr.mare.demo;

import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.wiki.WikiDraft;
import fr.mare.wiki.WikiPage;
import fr.mare.wiki.WikiService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Demo tutorials, written for Mare: how-tos that answer what small associations keep asking
 * about their Nextcloud space, each with a few revisions by different members (summaries
 * included), so the history and the differences have something to show. Everything goes
 * through {@link WikiService}, acting as the demo members.
 */
@ApplicationScoped
class DemoTutorials {

    @Inject
    private WikiService wiki;

    @Inject
    private AccountService accounts;

    void load() {
        shareByLink();
        calendarOnAndroid();
        registrationForm();
        adminRoles();
    }

    private Caller as(String username) {
        return Caller.of(accounts.summary(username).orElseThrow());
    }

    private static WikiDraft draft(String title, String section, String level, String audience, String min, String max,
                                   String body, String summary) {
        return new WikiDraft(title, section, level, audience, min, max, body, summary);
    }

    private void edit(String username, WikiPage page, WikiDraft draft) {
        wiki.edit(as(username), page.getSlug(), draft, wiki.page(page.getSlug()).orElseThrow().getRevisionCount());
    }

    private void shareByLink() {
        String title = "Partager un dossier par lien avec quelqu'un qui n'a pas de compte";
        String v1 = """
                Vous voulez envoyer des documents à un ou une bénévole, un partenaire ou une mairie \
                qui n'a pas de compte sur votre Nextcloud ? Un **lien de partage** suffit.

                ## Créer le lien

                1. Dans l'application **Fichiers**, repérez le dossier à partager.
                2. Cliquez sur l'icône de partage (les trois points reliés), à droite du nom.
                3. Cliquez sur **Partager le lien** : le lien est copié.

                ## Choisir ce que la personne peut faire

                Dans les options du lien (les trois petits points à côté) :

                - **Lecture seule** : elle voit et télécharge, sans rien changer ;
                - **Autoriser la modification** : elle peut ajouter, renommer et supprimer ;
                - **Dépôt de fichiers (envoi seul)** : elle dépose, sans voir ce qui est déjà là. \
                Idéal pour recevoir les photos d'une fête.

                ## Envoyer le lien

                Envoyez le lien par courriel ou par message.""";
        WikiPage page = wiki.create(as("karim"), draft(title, "fichiers-partage-et-synchronisation", "debutant", "MEMBRE",
                "27", "30", v1, "Première version, d'après la discussion des Jardins partagés"));
        String v2 = v1.replace("""
                ## Envoyer le lien

                Envoyez le lien par courriel ou par message.""", """
                ## Protéger le lien

                - Ajoutez un **mot de passe** et envoyez-le par un autre canal (SMS plutôt que courriel).
                - Fixez une **date d'expiration** : le lien cesse de fonctionner, les fichiers restent.

                ## Envoyer le lien

                Envoyez le lien par courriel ou par message. Pour un dossier à partager avec des membres \
                qui ont un compte, partagez plutôt avec leur nom ou avec un groupe : voir [[roles-d-admin-de-l-espace|les rôles d'admin de l'espace]].""");
        edit("benedicte", page, draft(title, "fichiers-partage-et-synchronisation", "debutant", "MEMBRE", "27", "30", v2,
                "Mot de passe et date d'expiration"));
        String v3 = v2.replace("Cliquez sur l'icône de partage (les trois points reliés), à droite du nom.",
                "Cliquez sur l'icône de partage, à droite du nom (ou ouvrez le volet **Partage** depuis le menu du dossier).");
        edit("lea", page, draft(title, "fichiers-partage-et-synchronisation", "debutant", "MEMBRE", "28", "31", v3,
                "Relu sur Nextcloud 31 : le volet Partage a changé de place"));
    }

    private void calendarOnAndroid() {
        String title = "Synchroniser l'agenda partagé sur Android avec DAVx⁵";
        String v1 = """
                Sur Android, l'agenda de votre Nextcloud n'apparaît pas tout seul dans l'application \
                Agenda du téléphone : il faut une petite application, **DAVx⁵**, qui fait le lien.

                ## Avant de commencer

                - l'adresse de votre Nextcloud (par exemple `https://cloud.mon-asso.fr`) ;
                - votre nom d'utilisateur ;
                - un **mot de passe d'application** : dans Nextcloud, *Paramètres personnels › Sécurité*, \
                en bas de la page, « Créer un nouveau mot de passe d'application ».

                ## Installer DAVx⁵

                Installez DAVx⁵ depuis F-Droid (gratuit) ou le Play Store.

                ## Ajouter le compte

                1. Ouvrez DAVx⁵, touchez **+**.
                2. Choisissez « Connexion avec une URL et un nom d'utilisateur ».
                3. Saisissez l'adresse de votre Nextcloud, votre nom et le mot de passe d'application.
                4. Cochez les agendas à synchroniser, dont l'agenda partagé de l'association.

                L'agenda apparaît ensuite dans l'application Agenda du téléphone.""";
        WikiPage page = wiki.create(as("anais"), draft(title, "agenda-contacts-et-taches", "debutant", "MEMBRE",
                "25", null, v1, "Première version"));
        String v2 = v1 + """


                ## L'agenda partagé n'apparaît pas ?

                - Dans DAVx⁵, ouvrez le compte, onglet **CalDAV**, et vérifiez que l'agenda est coché.
                - Tirez vers le bas pour relancer la synchronisation.
                - Dans l'application Agenda du téléphone, vérifiez que l'agenda est affiché (menu › agendas).
                - Un agenda partagé **en lecture seule** s'affiche, mais vous ne pouvez pas y ajouter d'événement.""";
        edit("benedicte", page, draft(title, "agenda-contacts-et-taches", "debutant", "MEMBRE", "25", null, v2,
                "Ajout de la partie dépannage, ce qui m'a bloquée à l'épicerie"));
    }

    private void registrationForm() {
        String title = "Créer un formulaire d'inscription avec Nextcloud Forms";
        String v1 = """
                Pour une sortie, un atelier ou l'assemblée générale, l'application **Formulaires** \
                (Forms) remplace les formulaires des grandes plateformes, et les réponses restent chez vous.

                ## Créer le formulaire

                1. Ouvrez **Formulaires**, cliquez sur **Nouveau formulaire**.
                2. Donnez un titre (« Inscription à l'atelier vélo du 12 avril ») et une description.
                3. Ajoutez les questions : nom, courriel, nombre de places, régime alimentaire…

                ## Le partager

                Dans le volet **Partager**, créez un **lien public** : toute personne qui a le lien \
                peut répondre, même sans compte.

                ## Lire les réponses

                L'onglet **Réponses** montre chaque inscription ; « Exporter » donne un fichier \
                tableur pour faire la liste des présents.""";
        WikiPage page = wiki.create(as("jean-noel"), draft(title, "applications", "debutant", "MEMBRE", "28", "31", v1,
                "Première version, pour les inscriptions du concert"));
        String v2 = v1.replace("3. Ajoutez les questions : nom, courriel, nombre de places, régime alimentaire…",
                """
                3. Ajoutez les questions : nom, courriel, nombre de places, régime alimentaire…
                4. Dans les **réglages**, limitez à une réponse par personne si tout le monde a un compte, \
                et fixez une date de fin pour clore les inscriptions.""") + """


                ## Protection des données

                Ne demandez que ce qui sert. Dites dans la description à quoi servent les réponses et \
                quand vous les supprimerez (après l'événement, par exemple).""";
        edit("samuel", page, draft(title, "applications", "intermediaire", "MEMBRE", "28", "31", v2,
                "Réglages et un mot sur le RGPD"));
    }

    private void adminRoles() {
        String title = "Rôles d'admin de l'espace";
        String v1 = """
                Sur le Nextcloud d'une association, tout le monde n'a pas besoin des mêmes droits. \
                Voici les rôles et qui les confier.

                ## Administrateur ou administratrice

                Peut tout faire : créer et supprimer des comptes, installer des applications, changer \
                les réglages. Confiez ce rôle à **deux personnes** au moins, jamais à une seule.

                ## Administration de groupe

                Un ou une « admin de groupe » gère les comptes d'un seul groupe (par exemple *Bénévoles*) \
                sans toucher au reste. Dans *Comptes*, ouvrez le compte et choisissez le groupe dans \
                « Administrateur du groupe ».

                ## Membres

                Les autres comptes utilisent les applications. Rangez-les dans des groupes \
                (*Bureau*, *Bénévoles*, *Adhérents*) : les partages avec un groupe suivent les arrivées \
                et les départs.""";
        WikiPage page = wiki.create(as("sophie"), draft(title, "administration-de-l-espace", "intermediaire", "ADMIN",
                "27", "31", v1, "Première version"));
        String v2 = v1 + """


                ## Quand quelqu'un quitte l'association

                Désactivez le compte plutôt que de le supprimer tout de suite : ses fichiers restent \
                accessibles le temps de les transférer à quelqu'un d'autre. Pour partager un dossier \
                avec une personne extérieure, voir [[partager-un-dossier-par-lien-avec-quelqu-un-qui-n-a-pas-de-compte|le partage par lien]].""";
        edit("lea", page, draft(title, "administration-de-l-espace", "intermediaire", "ADMIN", "27", "31", v2,
                "Ajout : départ d'un membre"));
        String v3 = v2.replace("Confiez ce rôle à **deux personnes** au moins, jamais à une seule.",
                "Confiez ce rôle à **deux personnes** au moins, jamais à une seule, et activez pour elles la "
                        + "**double authentification**.");
        edit("sophie", page, draft(title, "administration-de-l-espace", "intermediaire", "ADMIN", "27", "31", v3,
                "Double authentification pour les admins"));
    }
}
