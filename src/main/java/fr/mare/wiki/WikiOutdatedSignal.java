package fr.mare.wiki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** « Ce tutoriel n'est plus à jour », with the reader's comment; open until the page is reviewed. */
@Entity
@Table(name = "wiki_outdated_signal")
public class WikiOutdatedSignal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "page_id", nullable = false, updatable = false)
    private Long pageId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "comment", nullable = false, updatable = false)
    private String comment;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected WikiOutdatedSignal() {
    }

    WikiOutdatedSignal(Long pageId, Long accountId, String comment, Instant createdAt) {
        this.pageId = pageId;
        this.accountId = accountId;
        this.comment = comment;
        this.createdAt = createdAt;
    }

    void resolve(Instant now) {
        this.resolvedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getPageId() {
        return pageId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getComment() {
        return comment;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
