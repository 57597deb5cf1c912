package fr.mare.wiki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A tutorial drafted from a discussion (« Transformer en tutoriel »): the bridge both pages show. */
@Entity
@Table(name = "wiki_topic")
@IdClass(WikiTopic.Key.class)
public class WikiTopic {

    /** The composite key (page, topic). */
    public record Key(Long pageId, Long topicId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "page_id")
    private Long pageId;

    @Id
    @Column(name = "topic_id")
    private Long topicId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WikiTopic() {
    }

    WikiTopic(Long pageId, Long topicId, Instant createdAt) {
        this.pageId = pageId;
        this.topicId = topicId;
        this.createdAt = createdAt;
    }

    public Long getPageId() {
        return pageId;
    }

    public Long getTopicId() {
        return topicId;
    }
}
