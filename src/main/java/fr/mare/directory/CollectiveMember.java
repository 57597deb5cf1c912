package fr.mare.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A member of a collective: ADMIN or MEMBER, INVITED or ACTIVE, and whether they appear on the profile. */
@Entity
@Table(name = "collective_member")
@IdClass(CollectiveMember.Key.class)
public class CollectiveMember {

    public record Key(Long collectiveId, Long accountId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public static final String ADMIN = "ADMIN";
    public static final String MEMBER = "MEMBER";
    public static final String INVITED = "INVITED";
    public static final String ACTIVE = "ACTIVE";

    @Id
    @Column(name = "collective_id")
    private Long collectiveId;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(nullable = false)
    private String role;

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private boolean visible;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CollectiveMember() {
    }

    CollectiveMember(Long collectiveId, Long accountId, String role, String status, boolean visible, Instant now) {
        this.collectiveId = collectiveId;
        this.accountId = accountId;
        this.role = role;
        this.status = status;
        this.visible = visible;
        this.createdAt = now;
    }

    void activate() {
        this.status = ACTIVE;
    }

    void appoint() {
        this.role = ADMIN;
    }

    void setVisible(boolean visible) {
        this.visible = visible;
    }

    public Long getCollectiveId() { return collectiveId; }
    public Long getAccountId() { return accountId; }
    public String getRole() { return role; }
    public String getStatus() { return status; }
    public boolean isVisible() { return visible; }
    public boolean isAdmin() { return ADMIN.equals(role) && ACTIVE.equals(status); }
    public boolean isActive() { return ACTIVE.equals(status); }
}
