package fr.mare.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One area of the shared expertise vocabulary (seeded by the migration, edited by admins on
 * {@code /admin/domaines}). Its slug never changes; a retired area stays on the profiles that
 * declare it but is no longer offered to declare.
 */
@Entity
@Table(name = "expertise_area")
public class ExpertiseArea {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int position;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected ExpertiseArea() {
    }

    ExpertiseArea(String slug, String name, int position) {
        this.slug = slug;
        this.name = name;
        this.position = position;
    }

    void change(String name, int position) {
        this.name = name;
        this.position = position;
    }

    void retire(Instant now) {
        this.retiredAt = now;
    }

    void restore() {
        this.retiredAt = null;
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getName() { return name; }
    public int getPosition() { return position; }
    public Instant getRetiredAt() { return retiredAt; }
    public boolean isRetired() { return retiredAt != null; }
}
