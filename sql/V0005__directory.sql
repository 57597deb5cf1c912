-- Voisins de service: a directory of the collectives sharing the platform. A collective has a
-- Markdown presentation (rendered once, at save, by the one content pipeline), the Nextcloud
-- apps it uses, and its expertise: areas of a shared vocabulary, each « nous pouvons aider »
-- (CAN_HELP) or « nous cherchons de l'aide » (SEEKS_HELP). Its members choose whether they appear.
CREATE TABLE expertise_area (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    slug     VARCHAR(80)  NOT NULL COLLATE utf8mb4_bin,
    name     VARCHAR(120) NOT NULL,
    position INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_expertise_area_slug UNIQUE (slug),
    CONSTRAINT uq_expertise_area_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

INSERT INTO expertise_area (slug, name, position) VALUES
    ('fichiers-partage', 'Fichiers et partage', 10),
    ('agendas-partages', 'Agendas partagés', 20),
    ('deck-taches', 'Deck et tâches', 30),
    ('bureautique-en-ligne', 'Bureautique en ligne (Collabora/OnlyOffice)', 40),
    ('talk-visio', 'Talk et visio', 50),
    ('formulaires', 'Formulaires', 60),
    ('administration', 'Administration de l''espace', 70),
    ('sauvegardes', 'Sauvegardes', 80),
    ('migration-google', 'Migration depuis Google', 90),
    ('accessibilite', 'Accessibilité', 100),
    ('contacts', 'Contacts et listes d''adhérents', 110),
    ('formation', 'Former les bénévoles', 120);

CREATE TABLE collective (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    slug                  VARCHAR(80)  NOT NULL COLLATE utf8mb4_bin,
    name                  VARCHAR(120) NOT NULL,
    kind                  VARCHAR(20)  NOT NULL,
    region                VARCHAR(10)  NOT NULL,
    size_band             VARCHAR(10)  NOT NULL,
    website               VARCHAR(300) NULL,
    presentation_markdown TEXT         NOT NULL,
    presentation_html     MEDIUMTEXT   NOT NULL,
    renderer_version      INT          NOT NULL,
    created_by            BIGINT       NOT NULL,
    created_at            DATETIME(6)  NOT NULL,
    updated_at            DATETIME(6)  NOT NULL,
    version               BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uq_collective_slug UNIQUE (slug),
    CONSTRAINT fk_collective_created_by FOREIGN KEY (created_by) REFERENCES account (id),
    CONSTRAINT ck_collective_kind CHECK (kind IN ('ASSOCIATION', 'COLLECTIF', 'COOPERATIVE', 'AUTRE')),
    CONSTRAINT ck_collective_size CHECK (size_band IN ('1-10', '11-50', '51-200', '200+')),
    KEY ix_collective_name (name),
    KEY ix_collective_region (region),
    KEY ix_collective_kind (kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE collective_app (
    collective_id BIGINT      NOT NULL,
    app           VARCHAR(30) NOT NULL COLLATE utf8mb4_bin,
    PRIMARY KEY (collective_id, app),
    CONSTRAINT fk_collective_app_collective FOREIGN KEY (collective_id) REFERENCES collective (id) ON DELETE CASCADE,
    KEY ix_collective_app_app (app, collective_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE collective_expertise (
    collective_id BIGINT       NOT NULL,
    area_id       BIGINT       NOT NULL,
    direction     VARCHAR(12)  NOT NULL,
    note          VARCHAR(300) NOT NULL DEFAULT '',
    PRIMARY KEY (collective_id, area_id),
    CONSTRAINT fk_collective_expertise_collective FOREIGN KEY (collective_id) REFERENCES collective (id) ON DELETE CASCADE,
    CONSTRAINT fk_collective_expertise_area FOREIGN KEY (area_id) REFERENCES expertise_area (id),
    CONSTRAINT ck_collective_expertise_direction CHECK (direction IN ('CAN_HELP', 'SEEKS_HELP')),
    KEY ix_collective_expertise_area (area_id, direction, collective_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE collective_member (
    collective_id BIGINT      NOT NULL,
    account_id    BIGINT      NOT NULL,
    role          VARCHAR(10) NOT NULL,
    status        VARCHAR(10) NOT NULL,
    visible       BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (collective_id, account_id),
    CONSTRAINT fk_collective_member_collective FOREIGN KEY (collective_id) REFERENCES collective (id) ON DELETE CASCADE,
    CONSTRAINT fk_collective_member_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_collective_member_role CHECK (role IN ('ADMIN', 'MEMBER')),
    CONSTRAINT ck_collective_member_status CHECK (status IN ('INVITED', 'ACTIVE')),
    KEY ix_collective_member_account (account_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
