package fr.mare.notification;

import fr.mare.web.Bundle;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sentences of notifications, in French, from the real bundle. */
class NotificationTextTest {

    private static final String NBSP = "\u00a0";

    private static String french(NotificationKind kind, String actor, int count, String title) {
        NotificationText text = NotificationText.of(kind, actor, count, title);
        return Bundle.text(Locale.FRENCH, text.key(), text.arguments());
    }

    @Test
    void groupedThanksCountTheOthers() {
        assertEquals("Karim a dit merci pour votre message dans «" + NBSP + "Un sujet" + NBSP + "»",
                french(NotificationKind.LIKE, "Karim", 1, "Un sujet"));
        assertEquals("Karim et une autre personne ont dit merci pour votre message dans «" + NBSP + "Un sujet" + NBSP + "»",
                french(NotificationKind.LIKE, "Karim", 2, "Un sujet"));
        assertEquals("Karim et 2 autres ont dit merci pour votre message dans «" + NBSP + "Un sujet" + NBSP + "»",
                french(NotificationKind.LIKE, "Karim", 3, "Un sujet"));
        assertTrue(french(NotificationKind.LIKE, "Karim", 1001, "Un sujet").contains("Karim et 1" + "\u202f" + "000 autres")
                || french(NotificationKind.LIKE, "Karim", 1001, "Un sujet").contains("Karim et 1" + NBSP + "000 autres"),
                french(NotificationKind.LIKE, "Karim", 1001, "Un sujet"));
    }

    @Test
    void everyKindHasItsSentence() {
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind == NotificationKind.NOTICE) {
                continue; // a notice's sentence is its own key (noticesUseTheirOwnSentence)
            }
            String sentence = french(kind, "Léa Rousseau", 1, "Mon agenda");
            assertTrue(sentence.startsWith("Léa Rousseau "), "the actor's name comes first, never after « de » -> " + sentence);
            assertTrue(sentence.contains("«" + NBSP + "Mon agenda" + NBSP + "»"), kind + " -> " + sentence);
        }
        assertEquals("Léa a répondu à votre question «" + NBSP + "Q" + NBSP + "»", french(NotificationKind.TOPIC_REPLY, "Léa", 1, "Q"));
        assertEquals("Léa a répondu à votre message dans «" + NBSP + "Q" + NBSP + "»", french(NotificationKind.POST_REPLY, "Léa", 1, "Q"));
        assertEquals("Léa vous a mentionné·e dans «" + NBSP + "Q" + NBSP + "»", french(NotificationKind.MENTION, "Léa", 1, "Q"));
        assertEquals("Anaïs a répondu dans «" + NBSP + "Q" + NBSP + "», un sujet que vous suivez", french(NotificationKind.WATCHED_REPLY, "Anaïs", 1, "Q"));
        assertEquals("Léa a choisi votre réponse comme solution de «" + NBSP + "Q" + NBSP + "»", french(NotificationKind.SOLUTION, "Léa", 1, "Q"));
    }

    @Test
    void noticesUseTheirOwnSentence() {
        NotificationText text = NotificationText.ofNotice("notification.text.MENTION", "Léa", "Mon agenda", null);
        assertEquals("notification.text.MENTION", text.key());
        assertEquals("Léa vous a mentionné·e dans «" + NBSP + "Mon agenda" + NBSP + "»",
                Bundle.text(Locale.FRENCH, text.key(), text.arguments()));
        assertEquals("", text.arguments()[2], "an absent detail is an empty text, never « null »");
    }

    @Test
    void namesAndTitlesAreArgumentsNeverPatterns() {
        String sentence = french(NotificationKind.LIKE, "Samuel N'Diaye {1}", 2, "L'agenda d'{0} n'apparaît pas");
        assertTrue(sentence.startsWith("Samuel N'Diaye {1} et une autre personne"), sentence);
        assertTrue(sentence.endsWith("«" + NBSP + "L'agenda d'{0} n'apparaît pas" + NBSP + "»"), sentence);
    }

    @Test
    void argumentsAreCopies() {
        NotificationText text = NotificationText.of(NotificationKind.MENTION, "Karim", 1, "Titre");
        Object[] arguments = text.arguments();
        arguments[0] = "quelqu'un d'autre";
        assertEquals("Karim", text.arguments()[0]);
        assertEquals("[Karim, Titre, 0]", Arrays.toString(text.arguments()));
    }

    @Test
    void aReplyToOnesOwnPostOutranksAMentionWhichOutranksAWatchedTopic() {
        assertTrue(NotificationKind.POST_REPLY.outranks(NotificationKind.MENTION));
        assertTrue(NotificationKind.TOPIC_REPLY.outranks(NotificationKind.WATCHED_REPLY));
        assertTrue(NotificationKind.MENTION.outranks(NotificationKind.WATCHED_REPLY));
        assertTrue(!NotificationKind.WATCHED_REPLY.outranks(NotificationKind.MENTION));
        assertTrue(!NotificationKind.MENTION.outranks(NotificationKind.MENTION));
    }
}
