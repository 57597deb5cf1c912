package fr.mare.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** One declared expertise of a collective: an area, a direction and an optional note. */
@Entity
@Table(name = "collective_expertise")
@IdClass(CollectiveExpertise.Key.class)
public class CollectiveExpertise {

    public record Key(Long collectiveId, Long areaId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "collective_id")
    private Long collectiveId;

    @Id
    @Column(name = "area_id")
    private Long areaId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Column(nullable = false)
    private String note;

    protected CollectiveExpertise() {
    }

    CollectiveExpertise(Long collectiveId, Long areaId, Direction direction, String note) {
        this.collectiveId = collectiveId;
        this.areaId = areaId;
        this.direction = direction;
        this.note = note == null ? "" : note;
    }

    public Long getCollectiveId() { return collectiveId; }
    public Long getAreaId() { return areaId; }
    public Direction getDirection() { return direction; }
    public String getNote() { return note; }
}
