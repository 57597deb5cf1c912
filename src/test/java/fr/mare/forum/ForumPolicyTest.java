package fr.mare.forum;

import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may do what in discussions (#16), without a container; AuthorizationIT proves the services apply it. */
class ForumPolicyTest {

    private static final long AUTHOR = 1, OTHER = 2;
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static final Caller ANONYMOUS = Caller.ANONYMOUS;
    private static final Caller MOD = new Caller(3L, "modo", true, false);
    private static final Caller ADMIN = new Caller(4L, "admin", true, true);

    private final ForumPolicy policy = new ForumPolicy();

    private static Caller member(long id) {
        return new Caller(id, "m" + id, false, false);
    }

    private static Topic topic() {
        return new Topic(1L, AUTHOR, "Un sujet témoin", "un-sujet-temoin", NOW);
    }

    private static Post question(long author) {
        return new Post(10L, null, author, "00001", "question", "<p>question</p>", 1, NOW);
    }

    private static Post reply(long author) {
        return new Post(10L, question(AUTHOR), author, "00001.00001", "réponse", "<p>réponse</p>", 1, NOW);
    }

    @Test
    void membersReplyToAnOpenTopicAnonymousVisitorsNever() {
        Topic topic = topic();
        assertFalse(policy.canReply(ANONYMOUS, topic));
        assertTrue(policy.canReply(member(OTHER), topic));
        assertTrue(policy.canReply(MOD, topic));
        BusinessException e = assertThrows(BusinessException.class, () -> policy.requireCanReply(ANONYMOUS, topic));
        assertEquals("forum.loginRequired", e.messageKey());
    }

    @Test
    void aLockedTopicTakesRepliesFromModerationOnly() {
        Topic topic = topic();
        topic.lock(true);
        assertFalse(policy.canReply(member(OTHER), topic));
        assertFalse(policy.canReply(member(AUTHOR), topic), "not even its author");
        assertTrue(policy.canReply(MOD, topic));
        BusinessException e = assertThrows(BusinessException.class, () -> policy.requireCanReply(member(OTHER), topic));
        assertEquals("forum.topic.locked", e.messageKey());
        assertEquals("body", e.field(), "the refusal lands on the reply field, which keeps its text");
    }

    @Test
    void aHiddenOrPendingTopicTakesRepliesFromItsAuthorAndModeration() {
        Topic hidden = topic();
        hidden.hide(3L, "raison", NOW);
        assertFalse(policy.canReply(member(OTHER), hidden));
        assertTrue(policy.canReply(member(AUTHOR), hidden));
        assertTrue(policy.canReply(MOD, hidden));

        Topic pending = topic();
        pending.holdForApproval();
        assertFalse(policy.canReply(member(OTHER), pending));
        assertTrue(policy.canReply(member(AUTHOR), pending));
    }

    @Test
    void theTopicsAuthorAndModerationMarkTheSolution() {
        Topic topic = topic();
        assertTrue(policy.canMarkSolution(member(AUTHOR), topic));
        assertTrue(policy.canMarkSolution(MOD, topic));
        assertFalse(policy.canMarkSolution(member(OTHER), topic));
        assertFalse(policy.canMarkSolution(ANONYMOUS, topic));
        assertThrows(BusinessException.class, () -> policy.requireCanMarkSolution(member(OTHER), topic));
    }

    @Test
    void nobodyThanksTheirOwnPostNorAHiddenPendingOrDeletedOne() {
        Post post = reply(AUTHOR);
        assertTrue(policy.canLike(member(OTHER), post));
        assertFalse(policy.canLike(member(AUTHOR), post));
        assertFalse(policy.canLike(ANONYMOUS, post));
        Post hidden = reply(AUTHOR);
        hidden.hide(3L, "raison", NOW);
        assertFalse(policy.canLike(member(OTHER), hidden));
        Post pending = reply(AUTHOR);
        pending.holdForApproval();
        assertFalse(policy.canLike(member(OTHER), pending));
        Post deleted = reply(AUTHOR);
        deleted.delete(NOW);
        assertFalse(policy.canLike(member(OTHER), deleted));
        assertEquals("forum.like.ownPost",
                assertThrows(BusinessException.class, () -> policy.requireCanLike(member(AUTHOR), post)).messageKey());
    }

    @Test
    void itsAuthorAndModerationEditAPostUntilItIsDeleted() {
        Post post = reply(AUTHOR);
        assertTrue(policy.canEdit(member(AUTHOR), post));
        assertTrue(policy.canEdit(MOD, post));
        assertFalse(policy.canEdit(member(OTHER), post));
        assertFalse(policy.canEdit(ANONYMOUS, post));
        post.delete(NOW);
        assertFalse(policy.canEdit(member(AUTHOR), post));
        assertFalse(policy.canEdit(MOD, post));
        assertEquals("forum.edit.notAllowed",
                assertThrows(BusinessException.class, () -> policy.requireCanEdit(member(OTHER), reply(AUTHOR))).messageKey());
    }

    @Test
    void aReplyIsDeletedByItsAuthorOrModerationAQuestionNever() {
        Post reply = reply(AUTHOR);
        assertTrue(policy.canDelete(member(AUTHOR), reply));
        assertTrue(policy.canDelete(MOD, reply));
        assertFalse(policy.canDelete(member(OTHER), reply));
        Post question = question(AUTHOR);
        assertFalse(policy.canDelete(member(AUTHOR), question), "the question carries the topic");
        assertFalse(policy.canDelete(MOD, question));
        assertThrows(BusinessException.class, () -> policy.requireCanDelete(MOD, question));
    }

    @Test
    void hiddenContentIsSeenAsItIsByItsAuthorAndModeration() {
        assertTrue(policy.canSeeHidden(member(AUTHOR), AUTHOR));
        assertTrue(policy.canSeeHidden(MOD, AUTHOR));
        assertFalse(policy.canSeeHidden(member(OTHER), AUTHOR));
        assertFalse(policy.canSeeHidden(ANONYMOUS, AUTHOR));
    }

    @Test
    void categoriesAreTheAdministratorsAlone() {
        assertDoesNotThrow(() -> policy.requireAdmin(ADMIN));
        assertEquals("forum.category.adminOnly",
                assertThrows(BusinessException.class, () -> policy.requireAdmin(MOD)).messageKey());
        assertThrows(BusinessException.class, () -> policy.requireAdmin(member(OTHER)));
    }
}
