package fr.mare.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One mail of the outbox ({@code mail_outbox}). Lifecycle: PENDING (due at {@code nextAttemptAt}) →
 * SENDING (claimed by one worker until {@code leaseUntil}) → SENT, or back to PENDING with a later
 * attempt after a failure, or FAILED after {@link MailWorker#MAX_ATTEMPTS}. A SENDING row whose
 * lease ran out (its node died) is claimed again.
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxEntry {

    public enum Status { PENDING, SENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "kind", nullable = false, length = 40)
    private String kind;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "recipient", nullable = false, length = 254)
    private String recipient;

    @Column(name = "subject", nullable = false, length = 300)
    private String subject;

    @Column(name = "body_text", nullable = false)
    private String bodyText;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "unsubscribe_url", length = 500)
    private String unsubscribeUrl;

    @Column(name = "secret_link", nullable = false)
    private boolean sensitive;

    @Column(name = "message_id", nullable = false, length = 200)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private Status status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by", length = 40)
    private String claimedBy;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxEntry() {
        // for JPA
    }

    OutboxEntry(Mail mail, String messageId, Instant now) {
        this.kind = mail.kind();
        this.accountId = mail.accountId();
        this.recipient = mail.to();
        this.subject = mail.subject();
        this.bodyText = mail.body().text();
        this.bodyHtml = mail.body().html();
        this.unsubscribeUrl = mail.unsubscribeUrl();
        this.sensitive = mail.sensitive();
        this.messageId = messageId;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void sent(Instant now) {
        status = Status.SENT;
        sentAt = now;
        claimedBy = null;
        leaseUntil = null;
        lastError = null;
        if (sensitive) {
            // The link is single use and short-lived, but nobody needs to read it again here.
            bodyText = "";
            bodyHtml = "";
        }
    }

    void failed(String error, Instant retryAt, boolean giveUp) {
        status = giveUp ? Status.FAILED : Status.PENDING;
        nextAttemptAt = retryAt;
        claimedBy = null;
        leaseUntil = null;
        lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
    }

    public Long getId() { return id; }
    public String getKind() { return kind; }
    public Long getAccountId() { return accountId; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBodyText() { return bodyText; }
    public String getBodyHtml() { return bodyHtml; }
    public String getUnsubscribeUrl() { return unsubscribeUrl; }
    public boolean isSensitive() { return sensitive; }
    public String getMessageId() { return messageId; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    String getClaimedBy() { return claimedBy; }
}
