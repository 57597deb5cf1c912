package fr.mare.forum;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A section of the forum, seeded by migration V0002 and managed by administrators; ordered by
 * {@code position}. The slug never changes once created: it is the category's address.
 */
@Entity
@Cacheable
@Table(name = "forum_category")
@NamedQuery(name = "Category.all", query = "SELECT c FROM Category c ORDER BY c.position, c.id")
@NamedQuery(name = "Category.bySlug", query = "SELECT c FROM Category c WHERE c.slug = :slug")
public class Category {

    @Id
    @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "slug", nullable = false)
    private String slug;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version")
    private long version;

    protected Category() {
    }

    Category(String slug, String name, String description, int position, Instant now) {
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.position = position;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void change(String name, String description, int position, Instant now) {
        this.name = name;
        this.description = description;
        this.position = position;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public int getPosition() {
        return position;
    }
}
