package fr.mare.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One area of the shared expertise vocabulary (seeded by the migration). */
@Entity
@Table(name = "expertise_area")
public class ExpertiseArea {

    @Id
    private Long id;

    @Column(nullable = false)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int position;

    protected ExpertiseArea() {
    }

    public Long getId() { return id; }
    public String getSlug() { return slug; }
    public String getName() { return name; }
    public int getPosition() { return position; }
}
