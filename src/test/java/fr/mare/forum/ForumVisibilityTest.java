package fr.mare.forum;

import fr.mare.account.Caller;
import fr.mare.forum.ForumVisibility.Access;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reading rule of discussions (#10), without a container; VisibilityIT proves every read path applies it. */
class ForumVisibilityTest {

    private static final long AUTHOR = 1, OTHER = 2, MODERATOR = 3;
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final ForumVisibility rule = new ForumVisibility();

    private static Caller member(long id) {
        return new Caller(id, "m" + id, false, false);
    }

    private static final Caller ANONYMOUS = Caller.ANONYMOUS;
    private static final Caller MOD = new Caller(MODERATOR, "modo", true, false);

    private static Topic topic() {
        Topic topic = new Topic(1L, AUTHOR, "Un sujet témoin", "un-sujet-temoin", NOW);
        set(topic, "id", 10L);
        return topic;
    }

    private static Post reply(Topic topic, long author) {
        return new Post(topic.getId(), null, author, "00001", "texte", "<p>texte</p>", 1, NOW);
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aVisiblePostIsEveryones() {
        Topic topic = topic();
        Post post = reply(topic, AUTHOR);
        for (Caller c : new Caller[] {ANONYMOUS, member(OTHER), member(AUTHOR), MOD}) {
            assertEquals(Access.FULL, rule.of(c, topic, post), c.toString());
        }
        assertTrue(rule.isPublic(topic));
    }

    @Test
    void aPendingPostExistsOnlyForItsAuthorAndModeration() {
        Topic topic = topic();
        Post post = reply(topic, AUTHOR);
        post.holdForApproval();
        assertEquals(Access.NONE, rule.of(ANONYMOUS, topic, post));
        assertEquals(Access.NONE, rule.of(member(OTHER), topic, post));
        assertEquals(Access.FULL, rule.of(member(AUTHOR), topic, post));
        assertEquals(Access.FULL, rule.of(MOD, topic, post));
    }

    @Test
    void aHiddenPostIsANoticeForOthers() {
        Topic topic = topic();
        Post post = reply(topic, AUTHOR);
        post.hide(9L, "raison", NOW);
        assertEquals(Access.NOTICE, rule.of(ANONYMOUS, topic, post));
        assertEquals(Access.NOTICE, rule.of(member(OTHER), topic, post));
        assertEquals(Access.FULL, rule.of(member(AUTHOR), topic, post));
        assertEquals(Access.FULL, rule.of(MOD, topic, post));
    }

    @Test
    void aDeletedPostIsANoticeForEveryone() {
        Topic topic = topic();
        Post post = reply(topic, AUTHOR);
        post.delete(NOW);
        for (Caller c : new Caller[] {ANONYMOUS, member(OTHER), member(AUTHOR), MOD}) {
            assertEquals(Access.NOTICE, rule.of(c, topic, post), c.toString());
        }
    }

    @Test
    void aPostIsNeverMoreReadableThanItsTopic() {
        Topic pending = topic();
        pending.holdForApproval();
        Post byOther = reply(pending, OTHER);
        assertEquals(Access.NONE, rule.of(ANONYMOUS, pending));
        assertEquals(Access.NONE, rule.of(ANONYMOUS, pending, byOther));
        assertEquals(Access.FULL, rule.of(member(AUTHOR), pending));
        assertFalse(rule.isPublic(pending));

        Topic hidden = topic();
        hidden.hide(9L, "raison", NOW);
        Post reply = reply(hidden, OTHER);
        assertEquals(Access.NOTICE, rule.of(member(OTHER), hidden), "its reply's author is not the topic's");
        assertEquals(Access.NOTICE, rule.of(member(OTHER), hidden, reply));
        assertEquals(Access.FULL, rule.of(member(AUTHOR), hidden, reply));
        assertEquals(Access.FULL, rule.of(MOD, hidden, reply));
        assertFalse(rule.isPublic(hidden));
    }

    @Test
    void aPostOfAnotherTopicIsNotFound() {
        Topic topic = topic();
        Post elsewhere = new Post(99L, null, AUTHOR, "00001", "texte", "<p>texte</p>", 1, NOW);
        assertEquals(Access.NONE, rule.of(MOD, topic, elsewhere));
    }
}
