package fr.mare.forum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One member's « merci » for one post. */
@Entity
@Table(name = "forum_like")
@IdClass(PostLike.Key.class)
public class PostLike {

    @Id
    @Column(name = "post_id")
    private Long postId;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PostLike() {
    }

    PostLike(Long postId, Long accountId, Instant now) {
        this.postId = postId;
        this.accountId = accountId;
        this.createdAt = now;
    }

    /** The composite key (post, account). */
    public record Key(Long postId, Long accountId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
