package fr.mare.forum;

import fr.mare.testing.Discussions;
import fr.mare.testing.MareIT;
import fr.mare.testing.Names;
import fr.mare.testing.TestDatabase;
import fr.mare.testing.WebClient;
import fr.mare.testing.WebClient.Page;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #17, « concurrent replies deadlock »: four members writing in one topic at once, each
 * following it (so every reply writes notifications for the three others, after its commit,
 * while their next replies lock the topic). Before the fix, 2 % of replies died in a MariaDB
 * deadlock (error 1213) and their authors got a 500. Now: no 5xx, and every reply the site
 * confirmed (302 to its anchor) is in the database, once.
 */
class ConcurrentRepliesIT extends MareIT {

    private static final String CATEGORY = "fichiers-partage-et-synchronisation";
    private static final int WRITERS = 4;
    private static final int REPLIES_EACH = 12;
    private static final Pattern ANCHOR = Pattern.compile("#post-(\\d+)$");

    @Test
    void fourWritersInOneTopicGetNo5xxAndEveryConfirmedReplyIsStored() throws Exception {
        List<WebClient> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            WebClient client = anonymous();
            client.registerNewMember("ecrit", PASSWORD);
            writers.add(client);
        }
        String topic = Discussions.ask(writers.get(0), CATEGORY, "Un sujet où tout le monde écrit " + Names.username("d"),
                "La question.", null);
        long first = Discussions.reply(writers.get(1), topic, null, "Une première réponse.");
        for (WebClient writer : writers) {
            Discussions.reply(writer, topic, null, "Je suis le sujet.");
        }

        List<Long> confirmed = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        long began = System.nanoTime();
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                WebClient writer = writers.get(w);
                int who = w;
                runs.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < REPLIES_EACH; i++) {
                        // Alternately to the question and under the first reply: the topic row and a parent post.
                        String page = i % 2 == 0 ? topic : topic + "?repondre=" + first;
                        Page form = writer.get(page);
                        if (form.status() >= 500) {
                            failures.add("GET " + form.status());
                            continue;
                        }
                        Page sent = (i % 2 == 0 ? form.form("reply") : form.formEndingWith("replyTo"))
                                .set("body", "Réponse " + i + " de l'écrivain " + who + ".").submit();
                        Matcher anchor = sent.status() == 302 ? ANCHOR.matcher(sent.location()) : null;
                        if (anchor != null && anchor.find()) {
                            confirmed.add(Long.parseLong(anchor.group(1)));
                        } else {
                            failures.add("reply " + i + " of writer " + who + ": " + sent.status() + " " + sent.mainText());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(180, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[concurrent-replies] %d replies by %d writers in %d ms%n", confirmed.size(), WRITERS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        assertEquals(List.of(), failures, "no 5xx, no refusal");
        assertEquals(WRITERS * REPLIES_EACH, confirmed.size());
        try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM forum_post WHERE topic_id = ? AND body_markdown LIKE 'Réponse % de l''écrivain %'")) {
            s.setLong(1, Long.parseLong(topic.split("/")[2]));
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(WRITERS * REPLIES_EACH, rs.getLong(1), "each confirmed reply stored once");
            }
        }
        for (long id : confirmed) {
            try (Connection c = TestDatabase.connect(); PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM forum_post WHERE id = ? AND deleted_at IS NULL")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next() && rs.getLong(1) == 1, "confirmed reply " + id + " is there");
                }
            }
        }
    }
}
