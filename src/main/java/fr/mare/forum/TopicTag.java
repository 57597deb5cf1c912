package fr.mare.forum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A tag on a topic. */
@Entity
@Table(name = "forum_topic_tag")
@IdClass(TopicTag.Key.class)
public class TopicTag {

    @Id
    @Column(name = "topic_id")
    private Long topicId;

    @Id
    @Column(name = "tag_id")
    private Long tagId;

    protected TopicTag() {
    }

    TopicTag(Long topicId, Long tagId) {
        this.topicId = topicId;
        this.tagId = tagId;
    }

    /** The composite key (topic, tag). */
    public record Key(Long topicId, Long tagId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
