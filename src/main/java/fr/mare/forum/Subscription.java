package fr.mare.forum;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** Whether a member follows a topic. A row with {@code watching = false} is an explicit « ne plus suivre ». */
@Entity
@Table(name = "forum_subscription")
@IdClass(Subscription.Key.class)
public class Subscription {

    @Id
    @Column(name = "topic_id")
    private Long topicId;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "watching", nullable = false)
    private boolean watching;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Subscription() {
    }

    Subscription(Long topicId, Long accountId, boolean watching, Instant now) {
        this.topicId = topicId;
        this.accountId = accountId;
        this.watching = watching;
        this.updatedAt = now;
    }

    void set(boolean watching, Instant now) {
        this.watching = watching;
        this.updatedAt = now;
    }

    public boolean isWatching() {
        return watching;
    }

    public Long getAccountId() {
        return accountId;
    }

    /** The composite key (topic, account). */
    public record Key(Long topicId, Long accountId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
