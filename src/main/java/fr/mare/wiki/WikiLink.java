package fr.mare.wiki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** An internal link of a page's current text to {@code /tutoriels/{targetSlug}}, existing or not. */
@Entity
@Table(name = "wiki_link")
@IdClass(WikiLink.Key.class)
public class WikiLink {

    public record Key(Long sourcePageId, String targetSlug) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "source_page_id")
    private Long sourcePageId;

    @Id
    @Column(name = "target_slug")
    private String targetSlug;

    protected WikiLink() {
    }

    WikiLink(Long sourcePageId, String targetSlug) {
        this.sourcePageId = sourcePageId;
        this.targetSlug = targetSlug;
    }

    public Long getSourcePageId() {
        return sourcePageId;
    }

    public String getTargetSlug() {
        return targetSlug;
    }
}
