package fr.mare.account;

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
 * One thing that happened to an account outside moderation (whose actions are in the moderation
 * journal): a role changed by an administrator, a reset link sent by one, the erasure by the
 * member, a second factor removed by an administrator, a collective handed over by one. Never personal data: ids, roles, counts. Append-only; kept after an erasure, as its trace.
 */
@Entity
@Table(name = "account_event")
public class AccountEvent {

    public enum Kind { ROLE_CHANGED, RESET_SENT, ERASED, TWO_FACTOR_RESET, COLLECTIVE_ADMIN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 20)
    private Kind kind;

    @Column(name = "detail", nullable = false, updatable = false, length = 200)
    private String detail;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected AccountEvent() {
        // for JPA
    }

    AccountEvent(long accountId, Long actorId, Kind kind, String detail, Instant now) {
        this.accountId = accountId;
        this.actorId = actorId;
        this.kind = kind;
        this.detail = detail;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public long getAccountId() { return accountId; }
    public Long getActorId() { return actorId; }
    public Kind getKind() { return kind; }
    public String getDetail() { return detail; }
    public Instant getCreatedAt() { return createdAt; }
}
