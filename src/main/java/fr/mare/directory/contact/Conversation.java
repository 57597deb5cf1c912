package fr.mare.directory.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A conversation started by a member (the sender) with a collective: its parties are the sender
 * and whoever is an active admin of the collective <em>now</em> (an admin who leaves loses access,
 * a new one gains it). {@code messageCount} and {@code lastMessageAt} follow its messages.
 */
@Entity
@Table(name = "contact_conversation")
public class Conversation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "collective_id", nullable = false, updatable = false)
    private Long collectiveId;

    @Column(name = "sender_id", nullable = false, updatable = false)
    private Long senderId;

    @Column(name = "subject", nullable = false, updatable = false, length = 120)
    private String subject;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    @Column(name = "message_count", nullable = false)
    private int messageCount;

    @Version
    @Column(name = "version")
    private long version;

    protected Conversation() {
    }

    Conversation(long collectiveId, long senderId, String subject, Instant now) {
        this.collectiveId = collectiveId;
        this.senderId = senderId;
        this.subject = subject;
        this.createdAt = now;
        this.lastMessageAt = now;
    }

    void added(Instant at) {
        messageCount++;
        lastMessageAt = at;
    }

    public Long getId() { return id; }
    public Long getCollectiveId() { return collectiveId; }
    public Long getSenderId() { return senderId; }
    public String getSubject() { return subject; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastMessageAt() { return lastMessageAt; }
    public int getMessageCount() { return messageCount; }
}
