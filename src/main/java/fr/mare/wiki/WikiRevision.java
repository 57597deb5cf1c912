package fr.mare.wiki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One save of a tutorial's text, numbered from 1 within its page: who, when, why (summary), the
 * full Markdown and its HTML rendered at save with its table of contents. Never changed nor
 * deleted: the history is everyone's to read.
 */
@Entity
@Table(name = "wiki_revision")
@NamedQuery(name = "WikiRevision.ofPage", query = "SELECT r FROM WikiRevision r WHERE r.pageId = :page ORDER BY r.number DESC")
@NamedQuery(name = "WikiRevision.byNumber", query = "SELECT r FROM WikiRevision r WHERE r.pageId = :page AND r.number = :number")
public class WikiRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "page_id", nullable = false, updatable = false)
    private Long pageId;

    @Column(name = "number", nullable = false, updatable = false)
    private int number;

    @Column(name = "author_id", nullable = false, updatable = false)
    private Long authorId;

    @Column(name = "summary", nullable = false, updatable = false)
    private String summary;

    @Column(name = "body_markdown", nullable = false, updatable = false)
    private String bodyMarkdown;

    // The HTML, headings and version are a cache of the Markdown: RevisionHtml refreshes them (#16).
    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "headings", nullable = false)
    private String headings;

    @Column(name = "renderer_version", nullable = false)
    private int rendererVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WikiRevision() {
    }

    WikiRevision(Long pageId, int number, Long authorId, String summary, String bodyMarkdown, String bodyHtml,
                 String headings, int rendererVersion, Instant createdAt) {
        this.pageId = pageId;
        this.number = number;
        this.authorId = authorId;
        this.summary = summary;
        this.bodyMarkdown = bodyMarkdown;
        this.bodyHtml = bodyHtml;
        this.headings = headings;
        this.rendererVersion = rendererVersion;
        this.createdAt = createdAt;
    }

    /** The same text through a newer pipeline ({@link RevisionHtml}): not a new revision. */
    void rerendered(String html, String headings, int version) {
        this.bodyHtml = html;
        this.headings = headings;
        this.rendererVersion = version;
    }

    public Long getId() {
        return id;
    }

    public Long getPageId() {
        return pageId;
    }

    public int getNumber() {
        return number;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public String getSummary() {
        return summary;
    }

    public String getBodyMarkdown() {
        return bodyMarkdown;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    /** The table of contents stored with the HTML. */
    public java.util.List<fr.mare.markdown.Heading> getHeadings() {
        return Toc.decode(headings);
    }

    public int getRendererVersion() {
        return rendererVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
