package fr.mare.demo;

import fr.mare.account.AccountService;
import fr.mare.account.Caller;
import fr.mare.forum.ForumService;
import fr.mare.forum.Post;
import fr.mare.forum.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Demo discussions, written for Mare: real questions of small associations on their Nextcloud
 * space, with threaded answers, a quote, thanks and solutions. Everything goes through
 * {@link ForumService}, acting as the demo members.
 */
@ApplicationScoped
class DemoDiscussions {

    @Inject
    private ForumService forum;

    @Inject
    private AccountService accounts;

    void load() {
        shareWithoutAccount();
        calendarOnAndroid();
        spreadsheetTogether();
        quotaQuestion();
        welcomeThread();
    }

    private Caller as(String username) {
        return Caller.of(accounts.summary(username).orElseThrow());
    }

    private void shareWithoutAccount() {
        Topic topic = forum.createTopic(as("camille"), "fichiers-partage-et-synchronisation",
                "Comment partager un dossier avec quelqu'un qui n'a pas de compte ?",
                """
                Bonjour à toutes et à tous,

                Aux Jardins partagés, nous voulons envoyer les photos de la fête des récoltes à une \
                photographe bénévole qui n'a pas de compte sur notre Nextcloud. Avant, on faisait un \
                lien Google Drive.

                Comment faire pour qu'elle puisse **déposer** ses photos dans notre dossier, sans voir le reste ?

                Merci d'avance !""", "partage, lien public");
        Post karim = forum.reply(as("karim"), topic.getId(), null, """
                Bonjour Camille,

                Oui, c'est prévu ! Dans l'application **Fichiers** :

                1. survolez le dossier *Fête des récoltes*, cliquez sur l'icône de partage ;
                2. choisissez **Partager le lien** (ou « Créer un lien public ») ;
                3. dans les options du lien, cochez **Dépôt de fichiers (envoi seul)** : la personne \
                pourra déposer des fichiers mais ne verra pas ce qu'il y a déjà ;
                4. ajoutez un mot de passe et une date d'expiration, c'est plus prudent.

                Envoyez-lui ensuite le lien (et le mot de passe par un autre canal, SMS par exemple).""");
        Post benedicte = forum.reply(as("benedicte"), topic.getId(), karim.getId(), """
                Merci Karim, c'est très clair. Une question : si on met une date d'expiration, \
                les fichiers déjà déposés disparaissent-ils à cette date ?""");
        forum.reply(as("karim"), topic.getId(), benedicte.getId(), """
                Non, rassurez-vous : seul le **lien** cesse de fonctionner. Les fichiers déposés \
                restent dans votre dossier.""");
        forum.reply(as("anais"), topic.getId(), null, """
                Autre piste si la photographe revient souvent : l'admin de votre espace peut lui \
                créer un compte **invité** limité à ce dossier. Mais pour un envoi ponctuel, le lien \
                de dépôt suffit largement.""");
        forum.markSolution(as("camille"), topic.getId(), karim.getId());
        forum.like(as("camille"), karim.getId());
        forum.like(as("benedicte"), karim.getId());
    }

    private void calendarOnAndroid() {
        Topic topic = forum.createTopic(as("benedicte"), "agenda-contacts-et-taches",
                "L'agenda partagé de l'épicerie n'apparaît pas sur mon téléphone Android",
                """
                Bonjour,

                Notre agenda « Permanences de l'épicerie » est partagé avec moi, je le vois bien dans \
                le navigateur, mais pas dans l'agenda de mon téléphone (Android). Il faut installer \
                quelque chose ?""", "android, synchronisation, davx5");
        Post karim = forum.reply(as("karim"), topic.getId(), null, """
                Bonjour Bénédicte,

                Android ne sait pas lire les agendas Nextcloud tout seul : installez **DAVx⁵** \
                (gratuit, sur F-Droid ou le Play Store), puis :

                - « Connexion avec une URL » : l'adresse de votre espace Nextcloud ;
                - votre identifiant et un **mot de passe d'application** (Paramètres personnels → \
                Sécurité → Créer un mot de passe d'application) ;
                - cochez les agendas à synchroniser, dont celui de l'épicerie.

                Ils apparaissent ensuite dans l'application Agenda du téléphone.""");
        Post jeanNoel = forum.reply(as("jean-noel"), topic.getId(), karim.getId(), """
                > installez **DAVx⁵**

                Même souci à la chorale, merci ! Chez moi l'agenda apparaît mais reste vide : \
                une idée ?""");
        forum.reply(as("karim"), topic.getId(), jeanNoel.getId(), """
                Dans DAVx⁵, ouvrez le compte et vérifiez que l'agenda est bien **coché** \
                (la case à gauche de son nom), puis lancez une synchronisation à la main. \
                Au premier passage cela peut prendre quelques minutes.""");
        forum.markSolution(as("benedicte"), topic.getId(), karim.getId());
        forum.like(as("jean-noel"), karim.getId());
    }

    private void spreadsheetTogether() {
        Topic topic = forum.createTopic(as("jean-noel"), "bureautique-en-ligne",
                "Plusieurs personnes peuvent-elles modifier le même tableur en même temps ?",
                """
                Pour organiser le covoiturage des concerts, on remplissait un tableur Google à \
                plusieurs. Est-ce possible avec Nextcloud, sans que chacun écrase les modifications \
                des autres ?""", "collabora, tableur");
        forum.reply(as("anais"), topic.getId(), null, """
                Oui, si votre hébergeur a activé **Nextcloud Office** (Collabora) ou OnlyOffice : \
                ouvrez le fichier `.ods` depuis Fichiers, et chacun voit les curseurs des autres en \
                direct. Demandez à l'admin de votre espace si l'application est installée.""");
    }

    private void quotaQuestion() {
        forum.createTopic(as("anais"), "administration-de-l-espace",
                "Quelle taille d'espace prévoir pour une association de 30 membres ?",
                """
                Notre hébergeur nous propose 50, 100 ou 250 Go. Nous avons surtout des documents \
                de bureautique, quelques photos d'événements et les comptes-rendus de réunion. \
                Qu'est-ce que vous avez pris, vous ?""");
    }

    private void welcomeThread() {
        Topic topic = forum.createTopic(as("sophie"), "vie-du-forum",
                "Bienvenue sur Mare : présentez-vous !",
                """
                Bienvenue sur Mare, le lieu d'entraide des associations qui utilisent Nextcloud.

                Dites-nous en deux mots qui vous êtes, votre collectif, et ce que vous cherchez ou \
                ce que vous savez bien faire. Ici, il n'y a pas de question bête.""");
        Post camille = forum.reply(as("camille"), topic.getId(), null, """
                Bonjour ! Camille, trésorière des Jardins partagés de la Croix-Rousse. Nous avons \
                quitté Google Drive cet été. Je ne suis pas du tout technicienne, mais j'apprends !""");
        forum.reply(as("lea"), topic.getId(), camille.getId(), """
                Bienvenue Camille ! Je fais partie de l'équipe de modération bénévole : \
                n'hésitez pas à poser toutes vos questions.""");
        forum.reply(as("karim"), topic.getId(), null, """
                Salut tout le monde, Karim, « le geek » d'une AMAP. J'écrirai volontiers des \
                tutoriels sur les agendas et la synchronisation.""");
        forum.like(as("sophie"), camille.getId());
    }
}
