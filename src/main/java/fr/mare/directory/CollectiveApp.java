package fr.mare.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A Nextcloud app a collective uses (a code of {@link Apps}). */
@Entity
@Table(name = "collective_app")
@IdClass(CollectiveApp.Key.class)
public class CollectiveApp {

    public record Key(Long collectiveId, String app) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "collective_id")
    private Long collectiveId;

    @Id
    private String app;

    protected CollectiveApp() {
    }

    CollectiveApp(Long collectiveId, String app) {
        this.collectiveId = collectiveId;
        this.app = app;
    }

    public Long getCollectiveId() { return collectiveId; }
    public String getApp() { return app; }
}
