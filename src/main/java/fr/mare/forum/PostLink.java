package fr.mare.forum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A link from a post to one of Mare's own pages, by site path (no query, no fragment). */
@Entity
@Table(name = "forum_post_link")
@IdClass(PostLink.Key.class)
public class PostLink {

    @Id
    @Column(name = "post_id")
    private Long postId;

    @Id
    @Column(name = "target")
    private String target;

    protected PostLink() {
    }

    PostLink(Long postId, String target) {
        this.postId = postId;
        this.target = target;
    }

    /** The composite key (post, target). */
    public record Key(Long postId, String target) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
