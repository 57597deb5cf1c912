package fr.mare.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether moderation hid a piece of content, and who, when and why (#6, #16). Every moderated
 * entity (account profile, topic, post, tutorial, collective, contact message) embeds it, mapped
 * on the same three columns {@code hidden_at}, {@code hidden_by}, {@code hidden_reason} of its
 * table: all three set, or all null.
 *
 * <p>The value is immutable: an entity replaces it ({@link #hidden}) or drops it (null) in its own
 * package-private {@code hide}/{@code restore}, so only the owning feature's service changes it.
 * EclipseLink loads all-null columns as a null embeddable: entities read it through {@link #of}.
 */
@Embeddable
public class ModerationState {

    /** Not hidden. */
    public static final ModerationState VISIBLE = new ModerationState();

    @Column(name = "hidden_at")
    private Instant hiddenAt;

    @Column(name = "hidden_by")
    private Long hiddenBy;

    @Column(name = "hidden_reason", length = 500)
    private String hiddenReason;

    protected ModerationState() {
    }

    private ModerationState(Long by, String reason, Instant at) {
        this.hiddenAt = Objects.requireNonNull(at);
        this.hiddenBy = by;
        this.hiddenReason = reason;
    }

    /** Hidden now by {@code moderatorId} (null: the system, e.g. a rejected first post). */
    public static ModerationState hidden(Long moderatorId, String reason, Instant now) {
        return new ModerationState(moderatorId, reason, now);
    }

    /** The stored state, never null. */
    public static ModerationState of(ModerationState stored) {
        return stored == null ? VISIBLE : stored;
    }

    public boolean isHidden() {
        return hiddenAt != null;
    }

    public Instant getHiddenAt() {
        return hiddenAt;
    }

    public Long getHiddenBy() {
        return hiddenBy;
    }

    public String getHiddenReason() {
        return hiddenReason;
    }
}
