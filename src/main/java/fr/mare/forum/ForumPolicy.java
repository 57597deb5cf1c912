package fr.mare.forum;

import fr.mare.account.Caller;
import fr.mare.platform.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may do what in discussions. Services call the {@code require…} methods (the check that
 * counts); pages call the {@code can…} ones to hide what would be refused anyway.
 */
@ApplicationScoped
public class ForumPolicy {

    public boolean canReply(Caller caller, Topic topic) {
        return !caller.isAnonymous() && (!topic.isLocked() || caller.moderator())
                && (!topic.isHidden() && !topic.isPending() || canSeeHidden(caller, topic.getAuthorId()));
    }

    public boolean canMarkSolution(Caller caller, Topic topic) {
        return !caller.isAnonymous() && (caller.is(topic.getAuthorId()) || caller.moderator());
    }

    public boolean canLike(Caller caller, Post post) {
        return !caller.isAnonymous() && !caller.is(post.getAuthorId()) && !post.isDeleted() && !post.isHidden() && !post.isPending();
    }

    public boolean canEdit(Caller caller, Post post) {
        return !caller.isAnonymous() && !post.isDeleted() && (caller.is(post.getAuthorId()) || caller.moderator());
    }

    void requireCanEdit(Caller caller, Post post) {
        requireMember(caller);
        if (!canEdit(caller, post)) {
            throw new BusinessException("forum.edit.notAllowed", null);
        }
    }

    public boolean canDelete(Caller caller, Post post) {
        return !caller.isAnonymous() && !post.isQuestion() && !post.isDeleted()
                && (caller.is(post.getAuthorId()) || caller.moderator());
    }

    void requireCanDelete(Caller caller, Post post) {
        requireMember(caller);
        if (!canDelete(caller, post)) {
            throw new BusinessException("forum.delete.notAllowed", null);
        }
    }

    /** Sees hidden or pending content as it is (its author, or moderation). */
    public boolean canSeeHidden(Caller caller, long authorId) {
        return caller.moderator() || caller.is(authorId);
    }

    void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new BusinessException("forum.category.adminOnly", null);
        }
    }

    void requireMember(Caller caller) {
        if (caller.isAnonymous()) {
            throw new BusinessException("forum.loginRequired", null);
        }
    }

    void requireCanReply(Caller caller, Topic topic) {
        requireMember(caller);
        if (!canReply(caller, topic)) {
            throw new BusinessException("forum.topic.locked", "body");
        }
    }

    void requireCanMarkSolution(Caller caller, Topic topic) {
        requireMember(caller);
        if (!canMarkSolution(caller, topic)) {
            throw new BusinessException("forum.solution.notAllowed", null);
        }
    }

    void requireCanLike(Caller caller, Post post) {
        requireMember(caller);
        if (!canLike(caller, post)) {
            throw new BusinessException("forum.like.ownPost", null);
        }
    }
}
