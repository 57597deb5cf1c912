package fr.mare.directory.contact;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import fr.mare.platform.ModerationState;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One message of a {@link Conversation}. Its text is never edited; moderation may hide it
 * (its {@link ModerationState}: who, when, why) and restore it.
 * Readers of a hidden message see « masqué par la modération » with the reason, never the text.
 */
@Entity
@Table(name = "contact_message")
public class ContactMessage {

    public static final int REASON_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private Long conversationId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private Long authorId;

    @Basic(fetch = FetchType.EAGER)
    @Column(name = "body_markdown", nullable = false, updatable = false)
    private String bodyMarkdown;

    @Basic(fetch = FetchType.EAGER)
    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "renderer_version", nullable = false)
    private int rendererVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Null when not hidden (EclipseLink loads all-null columns as null): read it through {@link #getModeration()}. */
    @Embedded
    private ModerationState moderation;

    protected ContactMessage() {
    }

    ContactMessage(long conversationId, long authorId, String markdown, String html, int rendererVersion, Instant now) {
        this.conversationId = conversationId;
        this.authorId = authorId;
        this.bodyMarkdown = markdown;
        this.bodyHtml = html;
        this.rendererVersion = rendererVersion;
        this.createdAt = now;
    }

    void hide(long moderatorId, String reason, Instant now) {
        moderation = ModerationState.hidden(moderatorId, reason, now);
    }

    void restore() {
        moderation = null;
    }

    /** The same text through a newer pipeline ({@link MessageHtml}). */
    void rerendered(String html, int version) {
        this.bodyHtml = html;
        this.rendererVersion = version;
    }

    public ModerationState getModeration() { return ModerationState.of(moderation); }

    public boolean isHidden() { return getModeration().isHidden(); }
    public Long getId() { return id; }
    public Long getConversationId() { return conversationId; }
    public Long getAuthorId() { return authorId; }
    public String getBodyMarkdown() { return bodyMarkdown; }
    public String getBodyHtml() { return bodyHtml; }
    public int getRendererVersion() { return rendererVersion; }
    public Instant getCreatedAt() { return createdAt; }
    public String getHiddenReason() { return getModeration().getHiddenReason(); }
}
