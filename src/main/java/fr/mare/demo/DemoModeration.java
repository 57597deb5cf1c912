package fr.mare.demo;

import fr.mare.moderation.ActionKind;
import fr.mare.moderation.ModerationService;
import fr.mare.moderation.ReportReason;
import fr.mare.platform.PinnableClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The demo's moderation history, through {@link ModerationService} as the demo members and
 * moderators, each at its date: an old advertisement hidden and its spam account suspended, a
 * published e-mail address edited out, a report dismissed with its reason, a discussion moved to
 * its category, an old one locked; and two reports left open for lea and samuel (an advertisement
 * by a spam account, reported twice, and a phone number published without its owner's consent).
 * The messages themselves are in the discussions' files ({@link DemoDiscussions}).
 */
@ApplicationScoped
class DemoModeration {

    @Inject
    private ModerationService moderation;

    @Inject
    private DemoCallers callers;

    /** {@code ids}: the discussions' ids ({@link DemoDiscussions#load}). */
    void load(ZonedDateTime now, Map<String, Long> ids) {
        Moments at = new Moments(now);
        String oldAdvert = post(ids, "scanner-des-documents-depuis-le-telephone#pub");
        at.run("J-130 16:40", () -> moderation.report(callers.as("benedicte"), oldAdvert, ReportReason.SPAM,
                "Publicité pour des cartouches d'encre, le compte a été créé hier."));
        at.run("J-130 18:05", () -> moderation.report(callers.as("jean-noel"), oldAdvert, ReportReason.SPAM, ""));
        at.run("J-130 19:12", () -> moderation.act(callers.as("lea"), oldAdvert, null, null, ActionKind.HIDE,
                "Publicité sans rapport avec la question.", null));
        at.run("J-130 19:14", () -> moderation.act(callers.as("lea"), oldAdvert, null, null, ActionKind.SUSPEND,
                "Compte créé pour publier de la publicité.", ""));

        String address = post(ids, "liste-de-diffusion-des-adherents#tresoriere");
        at.run("J-212 09:20", () -> moderation.report(callers.as("anais"), address, ReportReason.PERSONAL_DATA,
                "Une adresse e-mail personnelle, publiée sans que l'on sache si la personne est d'accord."));
        at.run("J-212 12:45", () -> moderation.act(callers.as("samuel"), address, null, null, ActionKind.EDIT,
                "Adresse e-mail personnelle retirée à la demande de l'intéressée.", """
                        Pour la liste des adhérents, écrivez plutôt à la trésorière par l'adresse de contact \
                        de l'association (sur notre site) : elle vous enverra le fichier à jour.

                        *[Adresse personnelle retirée par la modération.]*"""));

        String blunt = post(ids, "onlyoffice-ou-collabora#tranche");
        at.run("J-61 21:30", () -> moderation.report(callers.as("anais"), blunt, ReportReason.OFFENSIVE,
                "Le ton me semble un peu sec envers les débutants."));
        at.run("J-60 08:50", () -> moderation.act(callers.as("samuel"), blunt, null, null, ActionKind.DISMISS,
                "Avis tranché mais argumenté, sans attaque contre personne : le message reste.", null));

        String misplaced = "topic:" + ids.get("talk-ecran-noir-firefox");
        at.run("J-95 10:05", () -> moderation.act(callers.as("lea"), misplaced, null, null, ActionKind.MOVE,
                "Déplacé dans « Talk et visio », où ces questions trouvent leurs réponses.", "talk-et-visio"));

        String old = "topic:" + ids.get("mise-a-jour-nextcloud-25");
        at.run("J-200 18:00", () -> moderation.act(callers.as("samuel"), old, null, null, ActionKind.LOCK,
                "Résolu depuis longtemps et propre à Nextcloud 25 : pour une version récente, ouvrez un nouveau sujet.", null));

        String advert = post(ids, "concert-de-printemps#pub");
        String phone = post(ids, "concert-de-printemps#telephone");
        at.run("J-2 20:10", () -> moderation.report(callers.as("camille"), advert, ReportReason.SPAM,
                "Ça ressemble à une publicité, sans rapport avec la question."));
        at.run("J-2 21:02", () -> moderation.report(callers.as("benedicte"), advert, ReportReason.OFF_TOPIC, ""));
        at.run("J-1 08:15", () -> moderation.report(callers.as("jean-noel"), phone, ReportReason.PERSONAL_DATA,
                "Monique n'a pas donné son accord pour que son numéro soit public."));
    }

    private static String post(Map<String, Long> ids, String key) {
        Long id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("message de démonstration inconnu : " + key);
        }
        return "post:" + id;
    }

    /** Runs each action at a date of the script ({@code J-N HH:MM}). */
    private record Moments(ZonedDateTime now) {
        void run(String when, Runnable action) {
            PinnableClock.at(DemoScript.When.parse(when, "modération").at(now), action);
        }
    }
}
